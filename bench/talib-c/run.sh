#!/usr/bin/env bash
# Times TA-Lib's C library on every TA-Lib function that matches a registry indicator, at the
# registry's default parameters: one thread, best of three, bars/s per registry request such as sma(20).
# Usage, from the project root after `npm install` (the npm package talib builds TA-Lib's C sources):
#   bench/talib-c/run.sh [DATA_DIR]      (default ../shared/data/sp500-daily)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
data=${1:-../shared/data/sp500-daily}
lib=node_modules/talib/src/lib
[ -f "$lib/include/ta_libc.h" ] || { echo "TA-Lib sources not found under $lib: install the npm package talib first" >&2; exit 1; }
for a in libta_abstract_csr libta_func_csr libta_common_csr; do
  [ -f "$lib/lib/$a.a" ] || { echo "$lib/lib/$a.a not found: reinstall the npm package talib" >&2; exit 1; }
done
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
gcc -O2 -o "$work/catalogue" "$here/catalogue.c" -I"$lib/include" \
  "$lib/lib/libta_abstract_csr.a" "$lib/lib/libta_func_csr.a" "$lib/lib/libta_common_csr.a" -lm
npx tsx "$here/dump-universe.ts" "$data" "$work/universe.bin"
"$work/catalogue" "$work/universe.bin"
