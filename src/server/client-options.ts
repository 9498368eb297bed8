/**
 * What verifier options a client of the reward server may set. A request's `options` (and an
 * item's, and a label object's) are untrusted: left alone they let one client raise the code
 * sandbox's limits (a 6 GB solution passed with `memoryLimitMb: 16000`), name a server directory
 * as a model (`modelDir: "/root/.ssh"` probed the file system and failed every client's
 * similarity samples), or hang the event loop (`embedBatchSize: 0`). So:
 * - options that name server resources or tune how the server runs are refused;
 * - resource limits may be lowered, never raised above the server's cap (`--option-caps`);
 * everything else (comparison modes, tolerances, reward shaping) passes through. A refused option
 * is that sample's `invalid-input` verdict naming the option and the cap, never a silent clamp.
 */
import { DEFAULT_MAX_OUTPUT_BYTES, DEFAULT_PYTHON_MEMORY_MB } from '../verifiers/code/options.js';
import { DEFAULT_SIMILARITY_MAX_RESPONSE_CHARS } from '../verifiers/similarity/samples.js';
import { DEFAULT_MAX_RESPONSE_CHARS as IFEVAL_MAX_RESPONSE_CHARS } from '../verifiers/ifeval/limits.js';

/** Options only the server's own set-up (a preset, the library API) may set. */
export const SERVER_ONLY_OPTIONS: readonly string[] = ['embedder', 'modelDir', 'pooling', 'dtype', 'embedBatchSize', 'backend', 'device'];

/** The most a client may ask for, per option (per verifier where they differ). */
export type OptionCaps = Record<string, number | Record<string, number>>;

/**
 * Default caps: the code sandbox's limits a little above its defaults (a per-test time of 10 s,
 * 1 GiB, 8 processes, 16 MiB of output), and the text verifiers' response caps at their defaults.
 */
export const DEFAULT_OPTION_CAPS: OptionCaps = {
  timeLimitMs: 10_000,
  memoryLimitMb: Math.max(1024, DEFAULT_PYTHON_MEMORY_MB),
  maxProcesses: 8,
  maxOutputBytes: DEFAULT_MAX_OUTPUT_BYTES,
  maxResponseChars: { ifeval: IFEVAL_MAX_RESPONSE_CHARS, similarity: DEFAULT_SIMILARITY_MAX_RESPONSE_CHARS },
  // patch: the diff comparison's work (1e13 steps held a worker for its whole 10 s limit)
  maxSteps: 20_000_000,
  maxChangeChars: 20_000,
  maxChangeLines: 5_000,
};

function capOf(caps: OptionCaps, key: string, verifier: string): number | undefined {
  const c = caps[key];
  return typeof c === 'number' ? c : c?.[verifier];
}

/**
 * Why a client's `options` for `verifier` are refused, or undefined when they are allowed. Only
 * what the client sent is checked (a preset's own options are the server's).
 */
export function clientOptionsError(verifier: string, options: Record<string, unknown> | undefined, caps: OptionCaps = DEFAULT_OPTION_CAPS): string | undefined {
  if (!options) return undefined;
  for (const key of Object.keys(options)) {
    if (SERVER_ONLY_OPTIONS.includes(key)) {
      return `options.${key} is set by the server, not by a request`;
    }
    const cap = capOf(caps, key, verifier);
    if (cap === undefined) continue;
    const v = options[key];
    if (typeof v !== 'number' || !Number.isFinite(v) || v > cap) {
      return `options.${key} ${JSON.stringify(v)} is over this server's cap of ${cap} (a request may lower it; raise the cap with rewards serve --option-caps)`;
    }
  }
  return undefined;
}

/** Parse `--option-caps` (a JSON object of numbers, or of {verifier: number} objects) over the defaults. */
export function parseOptionCaps(text: string): OptionCaps {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new Error(`--option-caps must be a JSON object, got ${JSON.stringify(text)}`);
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('--option-caps must be a JSON object such as {"timeLimitMs": 20000}');
  const out: OptionCaps = { ...DEFAULT_OPTION_CAPS };
  for (const [k, v] of Object.entries(parsed as Record<string, unknown>)) {
    const ok = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x) && x > 0;
    if (ok(v)) out[k] = v;
    else if (v !== null && typeof v === 'object' && !Array.isArray(v) && Object.values(v).every(ok)) out[k] = v as Record<string, number>;
    else throw new Error(`--option-caps: "${k}" must be a positive number or an object of them, got ${JSON.stringify(v)}`);
  }
  return out;
}
