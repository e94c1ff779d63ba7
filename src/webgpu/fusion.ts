/**
 * Turns a run's kernel calls into GPU jobs. A job is one or more passes of WGSL kernels over
 * the calls' series: most calls become a one-pass job of their own indicator's kernel, and the
 * ratings family is fused. recommend_ma, recommend_other, recommend_all and recommend_label
 * share their 26 members, and the rec_* features are those members' votes. So calls of the
 * family over the same series, columns, ratings profile and conventions become one job of two
 * passes. kernels/wgsl/fused/ratings-votes.wgsl computes each member's votes once, one lane per
 * member, and kernels/wgsl/fused/ratings.wgsl writes every requested column from them.
 */
import type { KernelCall } from '../backends/types.js';

/** One dispatch of a job: a WGSL kernel (a path under kernels/wgsl without the extension). */
export interface JobPass {
  kernel: string;
  /**
   * Invocations per series (`lane()` in the kernel), or 'bars' for a kernel split over bars:
   * one invocation per BAR_BLOCK bars of the longest series of the dispatch (`lane_bars`).
   */
  lanes: number | 'bars';
}

/** Bars per invocation of a kernel split over bars. */
export const BAR_BLOCK = 64;

/** Returns the invocations per series of a pass over series of at most maxLength bars. */
export function lanesOf(pass: JobPass, maxLength: number): number {
  return pass.lanes === 'bars' ? Math.max(1, Math.ceil(maxLength / BAR_BLOCK)) : pass.lanes;
}

/**
 * Kernels split over bars: each output bar is computed from its own window, so the bars of a
 * series can be computed by different invocations with the same bits. cci does so only under
 * TA-Lib's conventions; under Pine's, its lane 0 computes the whole series.
 */
const BAR_SPLIT_KERNELS = new Set(['bop', 'cci', 'linearreg', 'logret', 'mom', 'ret', 'roc', 'stddev', 'trange', 'var', 'willr']);

/** The passes of the fused ratings job: the 26 members' votes, then the outputs. */
export const FUSED_RATINGS_PASSES: readonly JobPass[] = [
  { kernel: 'fused/ratings-votes', lanes: 26 },
  { kernel: 'fused/ratings', lanes: 1 },
];

/** Scratch slots of the fused ratings job per series (kernels/wgsl/lib-fused.wgsl). */
export function fusedRatingsScratch(maxLength: number): number {
  return 174 * maxLength + 1499;
}

/**
 * One unit of work: passes that run one after another over the same bindings (parameters,
 * columns and scratch).
 */
export interface GpuJob {
  passes: readonly JobPass[];
  /** The feature ids the job computes, for messages. */
  label: string;
  params: number[];
  offsets: Int32Array;
  inputs: Float64Array[];
  outputs: Float64Array[];
  /** Scratch slots of one series when the longest series of a dispatch has maxLength bars. */
  scratch(maxLength: number): number;
  /** Puts `values` in place of output column k in the call it belongs to. */
  deliver(k: number, values: Float64Array): void;
}

type Family = 'ma' | 'other';

/** The role of a call's single output in the fused kernel. */
interface Role {
  code: number;
  /** The families the call needs: both for recommend_all, one for any other call. */
  families: Family[];
  /** The ratings (recommend_*) lead a group; a vote only joins a group that computes its family. */
  rating: boolean;
}

const MA_LENGTHS = [10, 20, 30, 50, 100, 200];
/** rec_* ids of the oscillator votes, in the order of rating_oscillator_vote_series. */
const OSCILLATOR_VOTES = ['rec_rsi', 'rec_stoch', 'rec_cci', 'rec_adx', 'rec_ao', 'rec_mom', 'rec_macd', 'rec_stochrsi', 'rec_wr', 'rec_bbpower', 'rec_uo'];
/** Roles of the three ratings; their bands are these plus 3. */
const RATING_CODES: Record<string, { code: number; families: Family[] }> = {
  recommend_all: { code: 0, families: ['ma', 'other'] },
  recommend_ma: { code: 1, families: ['ma'] },
  recommend_other: { code: 2, families: ['other'] },
};
const LABEL_OF = ['recommend_all', 'recommend_ma', 'recommend_other'];

/**
 * Returns the WGSL kernels a run of indicator `id` uses: the fused passes for a rating, which
 * always runs fused, and the indicator's own kernel for anything else. A vote gets its own
 * kernel, because it joins a fused job only when a rating of its family is in the run.
 */
export function kernelsOf(id: string): string[] {
  if (RATING_CODES[id] !== undefined || id === 'recommend_label') return FUSED_RATINGS_PASSES.map((pass) => pass.kernel);
  return [id];
}

/**
 * Returns the role of a call in the fused kernel, or undefined when the call is not a member
 * of the family with the parameters the ratings use (rec_sma(25) is not, for example).
 */
function roleOf(call: KernelCall): Role | undefined {
  const { id } = call.spec;
  const own = call.params.slice(0, call.params.length - 2);
  if (call.outputs.length !== 1) return undefined;
  const rating = RATING_CODES[id];
  if (rating !== undefined) return { code: rating.code, families: rating.families, rating: true };
  if (id === 'recommend_label') {
    const of = RATING_CODES[LABEL_OF[own[0]] ?? ''];
    if (of === undefined) return undefined;
    return { code: of.code + 3, families: of.families, rating: true };
  }
  const oscillator = OSCILLATOR_VOTES.indexOf(id);
  if (oscillator >= 0) return { code: 10 + oscillator, families: ['other'], rating: false };
  const member = maMember(id, own);
  if (member === undefined) return undefined;
  return { code: 30 + member, families: ['ma'], rating: false };
}

/** Returns the recommend_ma member a moving-average vote computes, in the fused kernel's order. */
function maMember(id: string, own: readonly number[]): number | undefined {
  const index = MA_LENGTHS.indexOf(own[0]);
  if (id === 'rec_sma' && index >= 0) return 2 * index;
  if (id === 'rec_ema' && index >= 0) return 2 * index + 1;
  if (id === 'rec_ichimoku') return 12;
  if (id === 'rec_vwma' && own[0] === 20) return 13;
  if (id === 'rec_hma' && own[0] === 9) return 14;
  return undefined;
}

/** Maps the field names of a call's inputs, required then optional, to its input columns. */
function fieldsOf(call: KernelCall): Map<string, Float64Array> {
  const names = [...call.spec.inputs, ...(call.spec.optionalInputs ?? [])];
  return new Map(names.map((name, k) => [name, call.inputs[k]]));
}

interface Group {
  offsets: Int32Array;
  /** The ratings profile and the conventions flag, the last two kernel parameters. */
  tail: [number, number];
  fields: Map<string, Float64Array>;
  families: Set<Family>;
  members: { call: KernelCall; code: number }[];
}

/** Returns whether a call can join a group: same series, profile, conventions and columns. */
function fits(group: Group, call: KernelCall, fields: Map<string, Float64Array>): boolean {
  const tail = call.params.slice(-2);
  if (call.offsets !== group.offsets || tail[0] !== group.tail[0] || tail[1] !== group.tail[1]) return false;
  for (const [name, column] of fields) {
    const known = group.fields.get(name);
    if (known !== undefined && known !== column) return false;
  }
  return true;
}

/** Makes the job of a call on its own indicator's kernel. */
export function plainJob(call: KernelCall): GpuJob {
  const { spec, params } = call;
  return {
    passes: [{ kernel: spec.id, lanes: BAR_SPLIT_KERNELS.has(spec.id) ? 'bars' : 1 }],
    label: spec.id,
    params: call.params,
    offsets: call.offsets,
    inputs: call.inputs,
    outputs: call.outputs,
    scratch: (maxLength) => spec.scratch(params, maxLength),
    deliver: (k, values) => {
      call.outputs[k] = values;
    },
  };
}

function fusedJob(group: Group): GpuJob {
  const { fields, members } = group;
  const close = fields.get('close')!;
  // A group that only computes recommend_other never reads volume, so close is bound in its place.
  const inputs = ['high', 'low', 'close', 'volume'].map((name) => fields.get(name) ?? close);
  return {
    passes: FUSED_RATINGS_PASSES,
    label: [...new Set(members.map((member) => member.call.spec.id))].join('+'),
    params: [group.tail[0], members.length, ...members.map((member) => member.code)],
    offsets: group.offsets,
    inputs,
    outputs: members.map((member) => member.call.outputs[0]),
    scratch: fusedRatingsScratch,
    deliver: (k, values) => {
      members[k].call.outputs[0] = values;
    },
  };
}

/**
 * Plans the GPU jobs of a run. Ratings over the same series, columns, profile and conventions
 * form a group, and the votes of their members join it. Each group becomes one fused job, even
 * a rating alone, because the fused job splits each series over 26 lanes. Every other call runs
 * its own kernel.
 */
export function planJobs(calls: readonly KernelCall[]): GpuJob[] {
  const groups: Group[] = [];
  const grouped = new Set<KernelCall>();
  const roles = new Map(calls.map((call) => [call, roleOf(call)]));

  // Ratings first, so that votes find every group that computes their family.
  for (const rating of [true, false]) {
    for (const call of calls) {
      const found = roles.get(call);
      if (found === undefined || found.rating !== rating) continue;
      const fields = fieldsOf(call);
      let group = groups.find((candidate) => fits(candidate, call, fields) && (rating || candidate.families.has(found.families[0])));
      if (group === undefined) {
        if (!rating) continue;
        const tail = call.params.slice(-2) as [number, number];
        group = { offsets: call.offsets, tail, fields: new Map(), families: new Set(), members: [] };
        groups.push(group);
      }
      for (const [name, column] of fields) group.fields.set(name, column);
      for (const family of found.families) group.families.add(family);
      group.members.push({ call, code: found.code });
      grouped.add(call);
    }
  }

  const fused = new Map<KernelCall, GpuJob>();
  for (const group of groups) {
    const members = new Set(group.members.map((member) => member.call));
    fused.set(calls.find((call) => members.has(call))!, fusedJob(group));
  }
  // Jobs keep the calls' order: a fused job sits where its first call was.
  const jobs: GpuJob[] = [];
  for (const call of calls) {
    const job = fused.get(call);
    if (job !== undefined) jobs.push(job);
    else if (!grouped.has(call)) jobs.push(plainJob(call));
  }
  return jobs;
}
