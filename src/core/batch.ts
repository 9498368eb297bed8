/**
 * The batch runner: many samples through one verifier, concurrently on the worker pool, each under
 * its own time limit. A batch never rejects because of a sample: every sample gets a verdict.
 */
import { getPool, type Pool, type PoolSample } from './pool.js';
import { getVerifierEntry, importVerifierModule, verifierNames, type VerifierModule } from './registry.js';
import { runOne, typeName } from './run-one.js';
import { Reasons, failVerdict, normalizeVerdict, type Verdict } from './verdict.js';
import type { Verifier } from './verifier.js';
import type { BatchThread } from './batch-thread.js';
import type { FormatSpec } from './format.js';
import { resolveFormat } from '../templates/format-of.js';
import { SetupError } from './setup-error.js';

/** One sample: a response, its reference, and per-sample verifier options. */
export interface Sample {
  response: unknown;
  reference: unknown;
  options?: Record<string, unknown>;
}

/** How a batch runs (as opposed to what the verifier checks). */
export interface BatchOptions {
  /** Per-sample time limit in ms (default: the verifier's, e.g. 5000 for math). */
  timeoutMs?: number;
  /**
   * `0` runs samples in the calling thread: no worker start-up, but a synchronous hang cannot be
   * stopped there. Any other value uses the worker pool (default).
   */
  threads?: number;
  /** Called after each sample completes. */
  onProgress?: (done: number, total: number) => void;
  /** Called with each sample's verdict as soon as it is known (`index` into `samples`). */
  onVerdict?: (index: number, verdict: Verdict) => void;
  /** A pool of your own (see `createPool`); default the shared pool. */
  pool?: Pool;
  /**
   * Where batch verifiers (`similarity`) run: by default in the calling thread; with a
   * {@link BatchThread} (see `createBatchThread`) in a thread of their own, slice by slice under the
   * per-sample time limit, so the calling thread's event loop stays free (the server uses one).
   */
  batchThread?: BatchThread;
}

const BATCH_KEYS = new Set(['timeoutMs', 'threads', 'onProgress', 'onVerdict', 'pool', 'batchThread']);

/** Split a mixed options object into batch options and verifier options. */
export function splitOptions(opts: Record<string, unknown> | undefined): { batch: BatchOptions; verifier: Record<string, unknown> } {
  const batch: Record<string, unknown> = {};
  const verifier: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(opts ?? {})) (BATCH_KEYS.has(k) ? batch : verifier)[k] = v;
  return { batch: batch as BatchOptions, verifier };
}

function withResolvedFormat(options: Record<string, unknown>): Record<string, unknown> {
  if (typeof options.format !== 'string') return options;
  return { ...options, format: resolveFormat(options.format) satisfies FormatSpec };
}

function inlineWithTimeout(verifier: Verifier, s: Sample, options: Record<string, unknown>, timeoutMs: number): Promise<Verdict> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<Verdict>((resolve) => {
    timer = setTimeout(() => resolve(failVerdict(Reasons.timeout, { error: `exceeded ${timeoutMs} ms` })), timeoutMs);
  });
  return Promise.race([runOne(verifier, s.response, s.reference, options), timeout]).finally(() => clearTimeout(timer));
}

/** Import a verifier module in this thread; a failure is the caller's set-up error. */
async function loadModule(url: string): Promise<VerifierModule> {
  try {
    return await importVerifierModule(url);
  } catch (err) {
    throw new SetupError(`cannot load verifier module ${url}: ${(err as Error)?.message ?? String(err)}`);
  }
}

/** Run a batch through a module's own batch function (see `VerifierEntry.batch`), sample checks included. */
async function verifyManyInThread(
  verifyMany: NonNullable<VerifierModule['verifyMany']>,
  samples: readonly Sample[],
  shared: Record<string, unknown>,
  batch: BatchOptions,
): Promise<Verdict[]> {
  const out: (Verdict | undefined)[] = samples.map(() => undefined);
  const good: { response: unknown; reference: unknown; options?: Record<string, unknown> }[] = [];
  const at: number[] = [];
  samples.forEach((s, k) => {
    if (s === null || typeof s !== 'object') {
      out[k] = failVerdict(Reasons.invalidInput, { error: `sample must be an object, got ${typeName(s)}` });
      return;
    }
    if (s.options !== undefined && (s.options === null || typeof s.options !== 'object' || Array.isArray(s.options))) {
      out[k] = failVerdict(Reasons.invalidInput, { error: `options must be an object, got ${typeName(s.options)}` });
      return;
    }
    try {
      const options = s.options ? withResolvedFormat(s.options) : undefined;
      good.push({ response: s.response, reference: s.reference, ...(options && { options }) });
      at.push(k);
    } catch (err) {
      out[k] = failVerdict(Reasons.invalidInput, { error: (err as Error).message });
    }
  });
  const verdicts = good.length ? await verifyMany(good, withResolvedFormat(shared)) : [];
  at.forEach((k, j) => {
    out[k] = normalizeVerdict(verdicts[j]);
  });
  if (batch.onVerdict) out.forEach((v, k) => batch.onVerdict!(k, v!));
  batch.onProgress?.(samples.length, samples.length);
  return out as Verdict[];
}

/**
 * Verify many samples with one verifier. `verifier` is a registered name (runs on the worker pool,
 * with hard time limits) or a {@link Verifier} object (runs in this thread).
 * Resolves with one verdict per sample, in order; rejects only for a bad call (unknown verifier,
 * `samples` not an array) or a set-up error ({@link SetupError}: the verifier module cannot be loaded).
 */
export async function verifyBatch(
  verifier: string | Verifier,
  samples: readonly Sample[],
  options: BatchOptions & Record<string, unknown> = {},
): Promise<Verdict[]> {
  if (!Array.isArray(samples)) throw new TypeError(`samples must be an array, got ${typeName(samples)}`);
  const { batch, verifier: shared } = splitOptions(options);
  const entry = typeof verifier === 'string' ? getVerifierEntry(verifier) : undefined;
  if (typeof verifier === 'string' && !entry) {
    throw new Error(`unknown verifier "${verifier}" (known: ${verifierNames().join(', ')})`);
  }
  const timeoutMs = batch.timeoutMs ?? entry?.timeoutMs ?? (typeof verifier === 'object' ? verifier.defaultTimeoutMs : undefined) ?? 5_000;
  const total = samples.length;
  let done = 0;
  const progress = (v: Verdict, k: number): Verdict => {
    batch.onVerdict?.(k, v);
    done += 1;
    batch.onProgress?.(done, total);
    return v;
  };

  if (entry?.batch) {
    const mod = await loadModule(entry.module);
    if (mod.verifyMany) {
      const thread = batch.batchThread;
      const many: NonNullable<VerifierModule['verifyMany']> = thread ? (good, opts) => thread.verifyMany(entry.module, good, opts, timeoutMs) : mod.verifyMany;
      return verifyManyInThread(many, samples, shared, batch);
    }
  }
  let inlineVerifier: Verifier | undefined = typeof verifier === 'object' ? verifier : undefined;
  if (!inlineVerifier && batch.threads === 0) {
    inlineVerifier = (await loadModule(entry!.module)).verifier;
  }
  const pool = inlineVerifier ? undefined : (batch.pool ?? getPool());
  // One options object for every sample without its own: cloned once per chunk, not per sample.
  let common: Record<string, unknown> | Error;
  try {
    common = withResolvedFormat(shared);
  } catch (err) {
    common = err as Error;
  }

  const out: Verdict[] = new Array(total);
  // Samples that pass the checks here go to the pool (or the inline verifier) as one batch.
  const tail = entry?.tailChars;
  const items: PoolSample[] = [];
  const at: number[] = [];
  for (let k = 0; k < total; k++) {
    const s = samples[k] as Sample;
    if (s === null || typeof s !== 'object') {
      out[k] = progress(failVerdict(Reasons.invalidInput, { error: `sample must be an object, got ${typeName(s)}` }), k);
      continue;
    }
    const own = s.options;
    if (own !== undefined && (own === null || typeof own !== 'object' || Array.isArray(own))) {
      out[k] = progress(failVerdict(Reasons.invalidInput, { error: `options must be an object, got ${typeName(own)}` }), k);
      continue;
    }
    let opts: Record<string, unknown>;
    try {
      opts = own === undefined && !(common instanceof Error) ? common : withResolvedFormat({ ...shared, ...own });
    } catch (err) {
      out[k] = progress(failVerdict(Reasons.invalidInput, { error: (err as Error).message }), k);
      continue;
    }
    const r = s.response;
    // A verifier that reads only a response's tail gets only the tail (see VerifierEntry.tailChars).
    const response = tail !== undefined && typeof r === 'string' && r.length > tail ? r.slice(-tail) : r;
    items.push({ response, reference: s.reference, options: opts });
    at.push(k);
  }
  if (inlineVerifier) {
    const v = inlineVerifier;
    await Promise.all(items.map(async (item, j) => (out[at[j]!] = progress(await inlineWithTimeout(v, item, item.options!, timeoutMs), at[j]!))));
    return out;
  }
  const verdicts = await pool!.runBatch({ module: entry!.module, timeoutMs, samples: items }, (j, v) => progress(v, at[j]!));
  for (let j = 0; j < verdicts.length; j++) out[at[j]!] = verdicts[j]!;
  return out;
}

/**
 * Verify one sample with the same guards as a batch (format gate, input checks, time limit).
 * `verifier` is a registered name or a {@link Verifier}. Never rejects for a bad sample.
 *
 * ```ts
 * const v = await verifyOne('mcq', 'The answer is (C).', 'C'); // { score: 1, pass: true, extracted: 'C', ... }
 * ```
 */
export async function verifyOne(
  verifier: string | Verifier,
  response: unknown,
  reference: unknown,
  options: BatchOptions & Record<string, unknown> = {},
): Promise<Verdict> {
  const [v] = await verifyBatch(verifier, [{ response, reference }], options);
  return v!;
}

/** A trainer-shaped reward: responses and references in, one score per response out. */
export type RewardFn<Ref, Opts> = (responses: readonly unknown[], references: readonly Ref[], opts?: Opts & BatchOptions) => Promise<number[]>;
/** Like {@link RewardFn} but resolving with full verdicts. */
export type VerdictsFn<Ref, Opts> = (responses: readonly unknown[], references: readonly Ref[], opts?: Opts & BatchOptions) => Promise<Verdict[]>;

/** Build the `...Verdicts` batch function of a registered verifier. */
export function verdictsFunction<Ref, Opts>(name: string): VerdictsFn<Ref, Opts> {
  return async (responses, references, opts) => {
    if (!Array.isArray(responses)) throw new TypeError(`responses must be an array, got ${typeName(responses)}`);
    if (!Array.isArray(references)) throw new TypeError(`references must be an array, got ${typeName(references)}`);
    if (responses.length !== references.length) {
      throw new RangeError(`responses (${responses.length}) and references (${references.length}) differ in length`);
    }
    const samples = responses.map((response, i) => ({ response, reference: references[i] }));
    return verifyBatch(name, samples, (opts ?? {}) as BatchOptions & Record<string, unknown>);
  };
}

/** Build the `...Reward` batch function of a registered verifier (scores only). */
export function rewardFunction<Ref, Opts>(name: string): RewardFn<Ref, Opts> {
  const verdicts = verdictsFunction<Ref, Opts>(name);
  return async (responses, references, opts) => (await verdicts(responses, references, opts)).map((v) => v.score);
}
