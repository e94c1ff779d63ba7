// The kernel ABI shared by every WGSL kernel (src/backends/webgpu.ts implements the host side).
//
// A shader module is f64.wgsl, math.wgsl, lib.wgsl, the other lib-*.wgsl files, this file and
// then kernels/wgsl/<id>.wgsl, which defines `fn run_series(s: u32)`. The entry point below
// runs one invocation per series, or one per series and lane (`lane()`) for a kernel that
// splits a series' work.
//
// Doubles travel as vec2<u32> bit patterns (see f64.wgsl). Inputs and the work buffer (outputs,
// then scratch) form one address space, like the pointers of the wasm kernels: an address
// below `inputs_length` is an element of `inputs`, any other address is an element of `work`
// at `address - inputs_length`. Kernels therefore pass plain u32 addresses to the lib blocks
// and never need to know which buffer a column lives in.

// Uniform header of one dispatch; every field counts elements (doubles), not bytes.
struct Dispatch {
  // Series in this dispatch; invocations with a larger index return at once.
  series: u32,
  // Elements of `inputs`: the first address that lies in `work`.
  inputs_length: u32,
  // Address of output column 0.
  outputs_base: u32,
  // Elements between one output column and the next.
  column_stride: u32,
  // Address of series 0's scratch.
  scratch_base: u32,
  // Scratch elements of each series (spec.scratch(params, maxLength)).
  scratch_stride: u32,
  // Invocations per series: 1, or more for a kernel that splits a series' work over lanes.
  lanes: u32,
  // Bars per lane of a kernel split over bars (`lane_bars`), unused by the others.
  bar_block: u32,
}

@group(0) @binding(0) var<uniform> dispatch: Dispatch;
// series + 1 bar indices, relative to the dispatch's bar 0: series s owns
// [series_offsets[s], series_offsets[s + 1]) of every input and output column.
@group(0) @binding(1) var<storage, read> series_offsets: array<u32>;
// Address of bar 0 of each input column: the spec's inputs in order, then its optional inputs.
@group(0) @binding(2) var<storage, read> input_bases: array<u32>;
// kernelParams as float64 bits: the indicator's parameters, the ratings profile, then the
// conventions flag (0 talib, 1 tradingview).
@group(0) @binding(3) var<storage, read> params: array<vec2<u32>>;
@group(0) @binding(4) var<storage, read> inputs: array<vec2<u32>>;
@group(0) @binding(5) var<storage, read_write> work: array<vec2<u32>>;

// Loads the double at address a, from `inputs` or `work`.
fn ld(a: u32) -> vec2<u32> {
  if (a < dispatch.inputs_length) {
    return inputs[a];
  }
  return work[a - dispatch.inputs_length];
}

// Stores a double at address a, which must lie in `work` (an output or scratch slot).
fn st(a: u32, v: vec2<u32>) {
  work[a - dispatch.inputs_length] = v;
}

fn input_column(k: u32) -> u32 {
  return input_bases[k];
}

fn output_column(k: u32) -> u32 {
  return dispatch.outputs_base + k * dispatch.column_stride;
}

fn scratch_of(s: u32) -> u32 {
  return dispatch.scratch_base + s * dispatch.scratch_stride;
}

fn series_start(s: u32) -> u32 {
  return series_offsets[s];
}

fn series_length(s: u32) -> u32 {
  return series_offsets[s + 1u] - series_offsets[s];
}

fn param(k: u32) -> vec2<u32> {
  return params[k];
}

// Integer parameters (periods) are whole doubles; f64_to_i32 truncates toward zero.
fn param_i32(k: u32) -> i32 {
  return f64_to_i32(params[k]);
}

// The lane of this invocation within its series, 0 to dispatch.lanes - 1.
var<private> current_lane: u32;

fn lane() -> u32 {
  return current_lane;
}

// The bars [x, y) of a series of `len` bars that this invocation computes in a kernel split
// over bars: lane k owns bars k * bar_block to (k + 1) * bar_block, cut at the series' end.
fn lane_bars(len: i32) -> vec2<i32> {
  let first = min(i32(current_lane * dispatch.bar_block), len);
  return vec2<i32>(first, min(first + i32(dispatch.bar_block), len));
}

// One invocation per series and lane, lane-major: invocations next to each other run the same
// lane of neighbouring series, so a GPU's SIMD groups stay on one code path. The host spreads
// workgroups over x and y when a dispatch needs more than maxComputeWorkgroupsPerDimension of
// them, so the index folds both in.
@compute @workgroup_size(64)
fn main(@builtin(global_invocation_id) id: vec3<u32>, @builtin(num_workgroups) groups: vec3<u32>) {
  let index = id.x + id.y * groups.x * 64u;
  let lane_index = index / dispatch.series;
  if (lane_index >= dispatch.lanes) {
    return;
  }
  current_lane = lane_index;
  run_series(index - lane_index * dispatch.series);
}
