#!/usr/bin/env bash
# Runs the GPU benchmark on a machine with an NVIDIA GPU and nothing installed. Run it from the
# project root, with the .gpu-bundle/ that bench/gpu/prepare.sh made. It unpacks Node.js, the
# build and the Vulkan loader. Then dist/bench/gpu/bench.js checks webgpu against the reference
# bit for bit on the real universe and times webgpu against wasm on every core. It prints one
# report on stdout.
#   bench/gpu/run.sh [extra arguments of dist/bench/gpu/bench.js]
set -euo pipefail
root=$(pwd)
bundle=$root/.gpu-bundle
[ -d "$bundle" ] || { echo "$bundle not found: run bench/gpu/prepare.sh first and carry .gpu-bundle" >&2; exit 1; }
app=/tmp/ta-backfill-gpu
mkdir -p "$app/bin"

if ! command -v node >/dev/null 2>&1; then
  python3 -c "import lzma, shutil, sys; shutil.copyfileobj(lzma.open(sys.argv[1]), open(sys.argv[2], 'wb'))" "$bundle/node.xz" "$app/bin/node"
  chmod +x "$app/bin/node"
  export PATH=$app/bin:$PATH
fi
python3 -c "import lzma, sys, tarfile; tarfile.open(fileobj=lzma.open(sys.argv[1])).extractall(sys.argv[2])" "$bundle/app.tar.xz" "$app"

if ! ldconfig -p | grep -q libvulkan.so.1; then
  for deb in "$bundle"/vulkan/*.deb; do dpkg -x "$deb" /; done
  ldconfig
fi
# The NVIDIA driver's Vulkan ICD, where the container mounts the driver (not on the default path).
nvidia_icd=/usr/local/nvidia/share/vulkan/icd.d/nvidia_icd.json
if [ -z "${VK_DRIVER_FILES:-}" ] && [ -f "$nvidia_icd" ]; then export VK_DRIVER_FILES=$nvidia_icd; fi

# Dawn's Vulkan loader wants a runtime folder, even for compute alone.
export XDG_RUNTIME_DIR=${XDG_RUNTIME_DIR:-/tmp/ta-backfill-runtime}
mkdir -p "$XDG_RUNTIME_DIR" && chmod 700 "$XDG_RUNTIME_DIR"

echo "node $(node --version), $(nproc) cores; GPU: $(nvidia-smi --query-gpu=name,driver_version --format=csv,noheader 2>/dev/null || echo 'nvidia-smi not found')" >&2
cd "$app"
node dist/bench/gpu/bench.js --bars "$bundle/sp500.bars" "$@"
