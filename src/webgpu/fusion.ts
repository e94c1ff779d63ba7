/**
 * Turns a run's kernel calls into GPU jobs. A job is one WGSL kernel over the calls' series:
 * most calls become a job of their own indicator's kernel, and the ratings family is fused.
 * recommend_ma, recommend_other, recommend_all and recommend_label share their 26 members, and
 * the rec_* features are those members' votes, so calls of the family over the same series,
 * columns and ratings profile become one job of kernels/wgsl/fused/ratings.wgsl, which computes
 * each member once and routes it to every column that asks for it.
 */
import type { KernelCall } from '../backends/types.js';

/** Kernel of the fused ratings job, a path under kernels/wgsl without the extension. */
export const FUSED_RATINGS_KERNEL = 'fused/ratings';

/** Scratch slots of the fused ratings kernel per series (kernels/wgsl/fused/ratings.wgsl). */
export function fusedRatingsScratch(maxLength: number): number {
  return 13 * maxLength + 64;
}

/** One dispatchable unit of work: a WGSL kernel, its parameters and its columns. */
export interface GpuJob {
  /** The WGSL kernel: a registry id, or FUSED_RATINGS_KERNEL. */
  kernel: string;
  /** The feature ids the job computes, for messages. */
  label: string;
  params: number[];
  offsets: Int32Array;
  inputs: Float64Array[];
  outputs: Float64Array[];
  /** Scratch slots of one series when the longest series of a dispatch has maxLength bars. */
  scratch(maxLength: number): number;
}

type Family = 'ma' | 'other';

/** Where a call's single output sits in the fused kernel: its role code and its family. */
interface Role {
  code: number;
  family: Family;
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
 * The role of a call in the fused kernel, or undefined when the call is not a member of the
 * family with the parameters the ratings use (rec_sma(25) is not, for example).
 */
function roleOf(call: KernelCall): { role: Role; families: Family[] } | undefined {
  const { id } = call.spec;
  const own = call.params.slice(0, call.params.length - 2);
  if (call.outputs.length !== 1) return undefined;
  const rating = RATING_CODES[id];
  if (rating !== undefined) return { role: { code: rating.code, family: rating.families[0], rating: true }, families: rating.families };
  if (id === 'recommend_label') {
    const of = RATING_CODES[LABEL_OF[own[0]] ?? ''];
    if (of === undefined) return undefined;
    return { role: { code: of.code + 3, family: of.families[0], rating: true }, families: of.families };
  }
  const oscillator = OSCILLATOR_VOTES.indexOf(id);
  if (oscillator >= 0) return { role: { code: 10 + oscillator, family: 'other', rating: false }, families: ['other'] };
  const member = maMember(id, own);
  if (member === undefined) return undefined;
  return { role: { code: 30 + member, family: 'ma', rating: false }, families: ['ma'] };
}

/** The recommend_ma member a moving-average vote computes, in the fused kernel's order. */
function maMember(id: string, own: readonly number[]): number | undefined {
  const index = MA_LENGTHS.indexOf(own[0]);
  if (id === 'rec_sma' && index >= 0) return 2 * index;
  if (id === 'rec_ema' && index >= 0) return 2 * index + 1;
  if (id === 'rec_ichimoku') return 12;
  if (id === 'rec_vwma' && own[0] === 20) return 13;
  if (id === 'rec_hma' && own[0] === 9) return 14;
  return undefined;
}

/** The input columns of a call by field name, required then optional. */
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

/** Whether a call can join a group: same series, profile, conventions and columns. */
function fits(group: Group, call: KernelCall, fields: Map<string, Float64Array>): boolean {
  const tail = call.params.slice(-2);
  if (call.offsets !== group.offsets || tail[0] !== group.tail[0] || tail[1] !== group.tail[1]) return false;
  for (const [name, column] of fields) {
    const known = group.fields.get(name);
    if (known !== undefined && known !== column) return false;
  }
  return true;
}

/** The job of a call on its own indicator's kernel. */
export function plainJob(call: KernelCall): GpuJob {
  const { spec, params } = call;
  return {
    kernel: spec.id,
    label: spec.id,
    params: call.params,
    offsets: call.offsets,
    inputs: call.inputs,
    outputs: call.outputs,
    scratch: (maxLength) => spec.scratch(params, maxLength),
  };
}

function fusedJob(group: Group): GpuJob {
  const { fields, members } = group;
  const close = fields.get('close')!;
  // A group that only computes recommend_other never reads volume; close stands in for it.
  const inputs = ['high', 'low', 'close', 'volume'].map((name) => fields.get(name) ?? close);
  return {
    kernel: FUSED_RATINGS_KERNEL,
    label: [...new Set(members.map((member) => member.call.spec.id))].join('+'),
    params: [group.tail[0], members.length, ...members.map((member) => member.code)],
    offsets: group.offsets,
    inputs,
    outputs: members.map((member) => member.call.outputs[0]),
    scratch: fusedRatingsScratch,
  };
}

/**
 * Plans the GPU jobs of a run. Ratings over the same series, columns, profile and conventions
 * form a group, and the votes of their members join it; a group of two or more calls becomes
 * one fused job. Every other call, and a rating alone, runs its own kernel.
 */
export function planJobs(calls: readonly KernelCall[]): GpuJob[] {
  const groups: Group[] = [];
  const grouped = new Set<KernelCall>();
  const roles = new Map(calls.map((call) => [call, roleOf(call)]));

  // Ratings first, so that votes find every group that computes their family.
  for (const rating of [true, false]) {
    for (const call of calls) {
      const found = roles.get(call);
      if (found === undefined || found.role.rating !== rating) continue;
      const fields = fieldsOf(call);
      let group = groups.find((candidate) => fits(candidate, call, fields) && (rating || candidate.families.has(found.role.family)));
      if (group === undefined) {
        if (!rating) continue;
        const tail = call.params.slice(-2) as [number, number];
        group = { offsets: call.offsets, tail, fields: new Map(), families: new Set(), members: [] };
        groups.push(group);
      }
      for (const [name, column] of fields) group.fields.set(name, column);
      for (const family of found.families) group.families.add(family);
      group.members.push({ call, code: found.role.code });
      grouped.add(call);
    }
  }

  const fused = new Map<KernelCall, GpuJob>();
  for (const group of groups) {
    if (group.members.length < 2) {
      grouped.delete(group.members[0].call);
      continue;
    }
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
