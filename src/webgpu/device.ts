/// <reference types="@webgpu/types" />
/**
 * Opens a WebGPU device through the `webgpu` npm package (Dawn for Node.js). On Linux, Dawn
 * reaches the GPU through Vulkan, so it needs the Vulkan loader (libvulkan.so.1) and a Vulkan
 * driver. A machine without a GPU can use SwiftShader, the CPU Vulkan driver that ships with
 * Chromium: exact, but far too slow for timings.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { TaBackfillError } from '../errors.js';

/** SwiftShader's Vulkan driver manifest, as Debian's `chromium` package installs it. */
export const SWIFTSHADER_ICD_PATH = '/usr/lib/chromium/vk_swiftshader_icd.json';

/** No WebGPU adapter or device could be opened. The message names what to install or set. */
export class WebGpuUnavailableError extends TaBackfillError {}

/** Identity of a WebGPU adapter, from GPUAdapterInfo. */
export interface AdapterSummary {
  vendor: string;
  architecture: string;
  device: string;
  description: string;
  /** True when the browser-style "fallback adapter" flag is set, as it is for SwiftShader. */
  isFallbackAdapter: boolean;
  /** True for CPU implementations (SwiftShader, llvmpipe, lavapipe): exact results, no useful timings. */
  isSoftware: boolean;
}

/** An open device with the adapter it came from. Call `destroy` when done. */
export interface WebGpuDevice {
  gpu: GPU;
  adapter: GPUAdapter;
  device: GPUDevice;
  adapterSummary: AdapterSummary;
  destroy(): void;
}

export interface WebGpuDeviceOptions {
  /** Dawn options passed to the `webgpu` package's `create`, such as `backend=vulkan`. */
  dawnOptions?: string[];
  powerPreference?: GPUPowerPreference;
  /** Milliseconds to wait for requestAdapter, which can hang on a broken driver (10 s by default). */
  adapterTimeoutMs?: number;
}

const DEFAULT_ADAPTER_TIMEOUT_MS = 10_000;

/** Rejects with WebGpuUnavailableError when `promise` has not settled after `ms` milliseconds. */
async function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new WebGpuUnavailableError(`Timed out after ${ms} ms waiting for a WebGPU adapter. Check the GPU driver, or pick --backend wasm.`)),
      ms,
    );
    timer.unref();
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Returns Dawn options with `toggles` added to the list of `enable-dawn-features` or
 * `disable-dawn-features`. Dawn keeps the last value given for an option, so the toggles join
 * the last such list rather than following it. A toggle the options already name on either
 * list stays as it is: the caller's choice wins.
 */
export function withDawnToggles(options: readonly string[], kind: 'enable' | 'disable', toggles: readonly string[]): string[] {
  const lists = options.filter((option) => /^(enable|disable)-dawn-features=/.test(option));
  const named = new Set(lists.flatMap((option) => option.slice(option.indexOf('=') + 1).split(',')));
  const added = toggles.filter((toggle) => !named.has(toggle));
  const key = `${kind}-dawn-features=`;
  const result = [...options];
  if (added.length === 0) return result;

  let last = -1;
  result.forEach((option, k) => {
    if (option.startsWith(key)) last = k;
  });
  if (last < 0) {
    result.push(key + added.join(','));
  } else {
    const separator = result[last].endsWith('=') ? '' : ',';
    result[last] += separator + added.join(',');
  }
  return result;
}

/** Outcome of looking for a WebGPU adapter: its identity, or why there is none. */
export type AdapterProbe = { available: true; summary: AdapterSummary } | { available: false; reason: string };

let cachedProbe: Promise<AdapterProbe> | undefined;

/**
 * Looks for the default WebGPU adapter without opening a device, once per process. On Linux
 * without the Vulkan loader it returns at once, without loading Dawn, so that a run on a
 * machine without a GPU pays nothing for the check.
 */
export function probeWebGpuAdapter(options: WebGpuDeviceOptions = {}): Promise<AdapterProbe> {
  cachedProbe ??= runProbe(options);
  return cachedProbe;
}

async function runProbe(options: WebGpuDeviceOptions): Promise<AdapterProbe> {
  if (process.platform === 'linux' && !vulkanLoaderFound()) {
    return { available: false, reason: `no WebGPU adapter: ${describeMissingAdapter()}` };
  }
  try {
    const gpu = await createGpu(options.dawnOptions ?? []);
    const adapter = await withTimeout(
      gpu.requestAdapter({ powerPreference: options.powerPreference }),
      options.adapterTimeoutMs ?? DEFAULT_ADAPTER_TIMEOUT_MS,
    );
    if (adapter === null) return { available: false, reason: `no WebGPU adapter: ${describeMissingAdapter()}` };
    return { available: true, summary: summarizeAdapter(adapter) };
  } catch (error) {
    return { available: false, reason: error instanceof Error ? error.message : String(error) };
  }
}

const SOFTWARE_ADAPTER_PATTERN = /swiftshader|llvmpipe|lavapipe|software rasterizer/i;

/**
 * Opens the default WebGPU adapter and a device with the adapter's maximum storage-buffer and
 * dispatch limits, so that callers can size batches from `device.limits`.
 * Throws WebGpuUnavailableError, with setup instructions, when there is no adapter.
 */
export async function requestWebGpuDevice(options: WebGpuDeviceOptions = {}): Promise<WebGpuDevice> {
  const gpu = await createGpu(options.dawnOptions ?? []);
  const adapter = await withTimeout(
    gpu.requestAdapter({ powerPreference: options.powerPreference }),
    options.adapterTimeoutMs ?? DEFAULT_ADAPTER_TIMEOUT_MS,
  );
  if (adapter === null) {
    throw new WebGpuUnavailableError(`No WebGPU adapter found. ${describeMissingAdapter()}`);
  }

  const { limits } = adapter;
  let device: GPUDevice;
  try {
    device = await adapter.requestDevice({
      requiredLimits: {
        maxStorageBufferBindingSize: limits.maxStorageBufferBindingSize,
        maxBufferSize: limits.maxBufferSize,
        maxComputeWorkgroupsPerDimension: limits.maxComputeWorkgroupsPerDimension,
      },
    });
  } catch (error) {
    const adapterName = describeAdapter(summarizeAdapter(adapter));
    throw new WebGpuUnavailableError(`Failed to open a WebGPU device on ${adapterName}: ${String(error)}`, {}, { cause: error });
  }

  return {
    // Dawn's instance, referenced here so that it lives as long as the device.
    gpu,
    adapter,
    device,
    adapterSummary: summarizeAdapter(adapter),
    destroy() {
      device.destroy();
    },
  };
}

/** Returns a one-line description of an adapter, such as "google swiftshader (SwiftShader driver 5.0.0), software". */
export function describeAdapter(summary: AdapterSummary): string {
  const name = [summary.vendor, summary.architecture].filter((part) => part !== '').join(' ') || 'unknown adapter';
  const details = summary.description || summary.device;
  return `${name}${details ? ` (${details})` : ''}${summary.isSoftware ? ', software' : ''}`;
}

export function summarizeAdapter(adapter: GPUAdapter): AdapterSummary {
  const info = adapter.info;
  // Older Dawn builds put the flag on the adapter rather than on its info.
  const legacyFlag = (adapter as { isFallbackAdapter?: boolean }).isFallbackAdapter;
  const isFallbackAdapter = Boolean((info as { isFallbackAdapter?: boolean }).isFallbackAdapter ?? legacyFlag);
  const summary = {
    vendor: info.vendor ?? '',
    architecture: info.architecture ?? '',
    device: info.device ?? '',
    description: info.description ?? '',
  };
  const identity = Object.values(summary).join(' ');
  return { ...summary, isFallbackAdapter, isSoftware: isFallbackAdapter || SOFTWARE_ADAPTER_PATTERN.test(identity) };
}

/** Loads the `webgpu` package and creates a GPU instance, installing its globals (GPUBufferUsage, ...) once. */
async function createGpu(dawnOptions: string[]): Promise<GPU> {
  let webgpu: typeof import('webgpu');
  try {
    webgpu = await import('webgpu');
  } catch (error) {
    throw new WebGpuUnavailableError(
      `Failed to load the 'webgpu' package (Dawn for Node.js) on ${process.platform}-${process.arch}: ${String(error)}. ` +
        'Run npm install, and check that the package ships a build for this platform.',
      {},
      { cause: error },
    );
  }
  for (const [name, value] of Object.entries(webgpu.globals)) {
    if (!(name in globalThis)) Object.assign(globalThis, { [name]: value });
  }
  return webgpu.create(dawnOptions);
}

const LINUX_LIBRARY_DIRECTORIES = [
  '/lib/x86_64-linux-gnu',
  '/usr/lib/x86_64-linux-gnu',
  '/lib/aarch64-linux-gnu',
  '/usr/lib/aarch64-linux-gnu',
  '/usr/lib64',
  '/lib64',
  '/usr/lib',
  '/lib',
  '/usr/local/lib',
];

/** Returns whether libvulkan.so.1 is in LD_LIBRARY_PATH or a standard library folder. */
function vulkanLoaderFound(): boolean {
  const searchPath = (process.env.LD_LIBRARY_PATH ?? '').split(':').filter((entry) => entry !== '');
  return [...searchPath, ...LINUX_LIBRARY_DIRECTORIES].some((directory) => existsSync(join(directory, 'libvulkan.so.1')));
}

/** Says why Dawn probably found no adapter and what to install or set. */
function describeMissingAdapter(): string {
  if (process.platform !== 'linux') {
    return 'Check that this machine has a GPU with a WebGPU-capable driver (Metal on macOS, D3D12 or Vulkan on Windows).';
  }

  if (!vulkanLoaderFound()) {
    return (
      'The Vulkan loader libvulkan.so.1 is missing: install it (Debian/Ubuntu: apt-get install libvulkan1) ' +
      `and a Vulkan driver. Without a GPU, use SwiftShader: apt-get install chromium, then set VK_ICD_FILENAMES=${SWIFTSHADER_ICD_PATH}.`
    );
  }

  for (const variable of ['VK_ICD_FILENAMES', 'VK_DRIVER_FILES']) {
    const manifests = (process.env[variable] ?? '').split(':').filter((entry) => entry !== '');
    const missing = manifests.filter((manifest) => !existsSync(manifest));
    if (missing.length > 0) {
      return `${variable} names ${missing.join(', ')}, which does not exist. Fix the path, or install the driver it names.`;
    }
  }

  const swiftShaderHint = existsSync(SWIFTSHADER_ICD_PATH)
    ? `SwiftShader is installed: set VK_ICD_FILENAMES=${SWIFTSHADER_ICD_PATH}.`
    : `Without a GPU, use SwiftShader: apt-get install chromium, then set VK_ICD_FILENAMES=${SWIFTSHADER_ICD_PATH}.`;
  return (
    'The Vulkan loader is installed, but no Vulkan driver offered a WebGPU-capable adapter ' +
    `(older lavapipe builds are rejected by Dawn). ${swiftShaderHint}`
  );
}
