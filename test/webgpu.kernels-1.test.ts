/** Shard 2 of the WGSL kernel suite; see test/helpers/webgpu-kernels.ts. */
import { defineKernelSuite } from './helpers/webgpu-kernels.js';

await defineKernelSuite(1);
