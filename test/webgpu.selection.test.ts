/**
 * How `--backend auto` and `--backend webgpu` choose and report a backend. Where a case needs
 * an adapter this machine may lack, a stub replaces the adapter probe. The cases that open a
 * real device need a WebGPU adapter (see test/helpers/webgpu-kernels.ts for
 * TA_BACKFILL_REQUIRE_WEBGPU).
 */
import { describe, expect, it } from 'vitest';
import { checkBackendOptions, selectBackend } from '../src/backends/index.js';
import { MissingKernelError } from '../src/backends/webgpu.js';
import type { BackfillSummary } from '../src/backfill.js';
import { formatSummary } from '../src/cli/format.js';
import { probeWebGpuAdapter, withDawnToggles, type AdapterProbe, type AdapterSummary } from '../src/webgpu/device.js';

const REQUIRE_WEBGPU = process.env.TA_BACKFILL_REQUIRE_WEBGPU === '1';

const HARDWARE: AdapterSummary = {
  vendor: 'nvidia',
  architecture: 'hopper',
  device: '',
  description: 'NVIDIA H100 80GB HBM3',
  isFallbackAdapter: false,
  isSoftware: false,
};
const SOFTWARE: AdapterSummary = {
  vendor: 'google',
  architecture: 'swiftshader',
  device: '',
  description: 'SwiftShader Device (Subzero)',
  isFallbackAdapter: true,
  isSoftware: true,
};

const probeOf = (probe: AdapterProbe) => () => Promise.resolve(probe);
const withKernels = () => true;

const realProbe = await probeWebGpuAdapter();
if (!realProbe.available && REQUIRE_WEBGPU) throw new Error(`TA_BACKFILL_REQUIRE_WEBGPU=1, but ${realProbe.reason}`);

describe('auto backend selection', () => {
  it('picks wasm for features without kernels', async () => {
    let probed = false;
    const probe = () => {
      probed = true;
      return Promise.resolve<AdapterProbe>({ available: true, summary: HARDWARE });
    };
    const selection = await selectBackend('auto', 1, ['sma', 'recommend_all'], { probe, hasKernel: (id) => id === 'sma' });
    await selection.backend.close();
    expect(selection.backend.name).toBe('wasm');
    expect(selection.reason).toBe('auto: wasm, since recommend_all has no WebGPU kernel');
    expect(probed).toBe(false);
  });

  it('picks wasm without an adapter', async () => {
    const probe = probeOf({ available: false, reason: 'no WebGPU adapter: the Vulkan loader libvulkan.so.1 is missing' });
    const selection = await selectBackend('auto', 1, ['sma'], { probe, hasKernel: withKernels });
    await selection.backend.close();
    expect(selection.backend.name).toBe('wasm');
    expect(selection.reason).toMatch(/^auto: wasm, since no WebGPU adapter is available \(.*libvulkan\.so\.1 is missing\)$/);
  });

  it('picks wasm on a software adapter', async () => {
    const selection = await selectBackend('auto', 1, ['sma'], { probe: probeOf({ available: true, summary: SOFTWARE }), hasKernel: withKernels });
    await selection.backend.close();
    expect(selection.backend.name).toBe('wasm');
    expect(selection.reason).toContain('google swiftshader (SwiftShader Device (Subzero)), software');
  });

  it('lists at most five missing kernels', async () => {
    const ids = ['a', 'b', 'c', 'd', 'e', 'f', 'g'];
    const selection = await selectBackend('auto', 1, ids, { hasKernel: () => false });
    await selection.backend.close();
    expect(selection.reason).toBe('auto: wasm, since a, b, c, d, e and 2 more have no WebGPU kernel');
  });

  it('caches the adapter probe', () => {
    expect(probeWebGpuAdapter()).toBe(probeWebGpuAdapter());
  });

  it.skipIf(!realProbe.available)('picks webgpu on a hardware adapter', async () => {
    // The probe claims hardware, so the real (possibly software) adapter opens the device.
    const selection = await selectBackend('auto', undefined, ['sma'], { probe: probeOf({ available: true, summary: HARDWARE }) });
    await selection.backend.close();
    expect(selection.backend.name).toBe('webgpu');
    expect(selection.reason).toBe('auto: webgpu, a hardware adapter with a kernel for every feature');
    expect(selection.adapter).toBeDefined();
  });

  it.skipIf(!realProbe.available || (realProbe.available && !realProbe.summary.isSoftware))('names this software adapter', async () => {
    const selection = await selectBackend('auto', 1, ['sma']);
    await selection.backend.close();
    expect(selection.backend.name).toBe('wasm');
    expect(selection.reason).toMatch(/software renderer/);
  });
});

describe('requested webgpu backend', () => {
  it('rejects features without kernels', async () => {
    const selection = selectBackend('webgpu', undefined, ['recommend_all'], { hasKernel: () => false });
    await expect(selection).rejects.toThrow(MissingKernelError);
    await expect(selection).rejects.toThrow(/recommend_all has no WebGPU kernel.*wasm and reference backends/);
  });

  it('rejects --workers', () => {
    expect(() => checkBackendOptions('webgpu', 4)).toThrow(/--workers 4 does not apply to the webgpu backend/);
  });

  it.skipIf(!realProbe.available)('opens the device and names the adapter', async () => {
    const selection = await selectBackend('webgpu', undefined, ['sma']);
    await selection.backend.close();
    expect(selection.backend.name).toBe('webgpu');
    expect(selection.reason).toBe('requested');
    expect(selection.adapter?.vendor).toBe(realProbe.available ? realProbe.summary.vendor : '');
  });
});

describe('run summary', () => {
  const summary: BackfillSummary = {
    input: '/data/in',
    output: '/data/out.parquet',
    symbols: 2,
    bars: 10,
    features: ['sma_20'],
    backend: 'webgpu',
    backendReason: 'requested',
    adapter: 'nvidia hopper (NVIDIA H100 80GB HBM3)',
    workers: 1,
    layout: 'long',
    rows: 10,
    bytes: 1024,
    timings: { read: 1, compute: 1, write: 1, total: 3 },
    peakRss: 2 ** 20,
  };

  it('names the webgpu adapter', () => {
    expect(formatSummary(summary)).toContain('  backend webgpu (requested), adapter nvidia hopper (NVIDIA H100 80GB HBM3)');
  });

  it('names wasm workers', () => {
    const text = formatSummary({ ...summary, backend: 'wasm', adapter: undefined, workers: 2 });
    expect(text).toContain('  backend wasm (requested), workers 2');
  });
});

describe('Dawn toggles', () => {
  const toggle = 'lazy_clear_resource_on_first_use';

  it('adds a list when the options have none', () => {
    expect(withDawnToggles(['backend=vulkan'], 'disable', [toggle])).toEqual(['backend=vulkan', `disable-dawn-features=${toggle}`]);
  });

  it('joins an existing toggle list', () => {
    expect(withDawnToggles(['disable-dawn-features=a,b'], 'disable', [toggle])).toEqual([`disable-dawn-features=a,b,${toggle}`]);
    expect(withDawnToggles(['enable-dawn-features='], 'enable', ['c'])).toEqual(['enable-dawn-features=c']);
    // Of two lists, Dawn reads the last.
    expect(withDawnToggles(['disable-dawn-features=a', 'disable-dawn-features=b'], 'disable', ['c'])).toEqual(['disable-dawn-features=a', 'disable-dawn-features=b,c']);
  });

  it('keeps toggles the caller named', () => {
    const named = [`enable-dawn-features=${toggle}`];
    expect(withDawnToggles(named, 'disable', [toggle])).toEqual(named);
    expect(withDawnToggles([`disable-dawn-features=x,${toggle}`], 'disable', [toggle, 'y'])).toEqual([`disable-dawn-features=x,${toggle},y`]);
  });
});
