/** Defaults and validation of the code verifier's options. */
import { InputError } from '../../core/verdict.js';
import type { CodeOptions, ResolvedCodeOptions } from './types.js';

/** Default per-test wall-clock limit (ms). */
export const DEFAULT_TIME_LIMIT_MS = 2_000;
/** Default isolate heap limit for JavaScript (MB). */
export const DEFAULT_JS_MEMORY_MB = 128;
/** Default data-segment allowance for Python solutions (MB). */
export const DEFAULT_PYTHON_MEMORY_MB = 512;
/** Default stdout cap per test (bytes). */
export const DEFAULT_MAX_OUTPUT_BYTES = 16 * 1024 * 1024;

function positive(name: string, v: unknown, max: number): number | undefined {
  if (v === undefined) return undefined;
  if (typeof v !== 'number' || !Number.isFinite(v) || v <= 0 || v > max) {
    throw new InputError(`options.${name} must be a number in (0, ${max}], got ${JSON.stringify(v)}`);
  }
  return v;
}

function oneOf<T extends string>(name: string, v: unknown, allowed: readonly T[], dflt: T): T {
  if (v === undefined) return dflt;
  if (typeof v !== 'string' || !allowed.includes(v as T)) {
    throw new InputError(`options.${name} must be one of ${allowed.map((a) => JSON.stringify(a)).join(', ')}, got ${JSON.stringify(v)}`);
  }
  return v as T;
}

function bool(name: string, v: unknown, dflt: boolean): boolean {
  if (v === undefined) return dflt;
  if (typeof v !== 'boolean') throw new InputError(`options.${name} must be true or false, got ${JSON.stringify(v)}`);
  return v;
}

/** Fill in defaults and check types; throws {@link InputError} naming a bad option. */
export function resolveOptions(opts: CodeOptions | undefined): ResolvedCodeOptions {
  const o = (opts ?? {}) as Record<string, unknown>;
  const floatTolerance = o.floatTolerance === undefined ? undefined : Number(o.floatTolerance);
  if (floatTolerance !== undefined && (!Number.isFinite(floatTolerance) || floatTolerance < 0)) {
    throw new InputError(`options.floatTolerance must be a number >= 0, got ${JSON.stringify(o.floatTolerance)}`);
  }
  const maxProcesses = o.maxProcesses === undefined ? 8 : o.maxProcesses;
  if (typeof maxProcesses !== 'number' || !Number.isInteger(maxProcesses) || maxProcesses < 0 || maxProcesses > 256) {
    throw new InputError(`options.maxProcesses must be an integer in [0, 256], got ${JSON.stringify(o.maxProcesses)}`);
  }
  return {
    timeLimitMs: positive('timeLimitMs', o.timeLimitMs, 600_000) ?? DEFAULT_TIME_LIMIT_MS,
    memoryLimitMb: positive('memoryLimitMb', o.memoryLimitMb, 65_536),
    reward: oneOf('reward', o.reward, ['all', 'fraction'] as const, 'all'),
    stopAtFirstFailure: bool('stopAtFirstFailure', o.stopAtFirstFailure, false),
    compare: oneOf('compare', o.compare, ['lines', 'tokens', 'exact'] as const, 'lines'),
    floatTolerance,
    caseSensitive: bool('caseSensitive', o.caseSensitive, true),
    maxOutputBytes: positive('maxOutputBytes', o.maxOutputBytes, 1 << 30) ?? DEFAULT_MAX_OUTPUT_BYTES,
    pythonPrelude: oneOf('pythonPrelude', o.pythonPrelude, ['lcb', 'leetcode', 'none'] as const, 'lcb'),
    maxProcesses,
  };
}
