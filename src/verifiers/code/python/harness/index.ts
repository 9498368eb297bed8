/**
 * The Python sandbox's zygote program (run as `python3 -I -B -c SOURCE` inside bubblewrap).
 *
 * Protocol, one JSON object per line: the zygote prints `{"ready": true, "reuse": bool}` once the
 * prelude is imported; then, one at a time, the host sends a job and the zygote answers
 * `{"compile": msg}` (the solution does not compile), `{"testCompile": msg}` (the reference's test
 * code does not), or one `{"i", "status", "stdout64"? | "json"?, "timeMs", "message"?}` per test
 * (stdout64: a stdio test's output bytes in base64, so its size on the wire stays ~1.33x), then
 * `{"done": true, "seq", "cpuMs", "failed"?}`. Any line the host sends while a job runs cancels it
 * (its `done` still follows). With `reuse` the zygote serves job after job, each in fresh user, PID
 * and IPC namespaces (isolate.ts); without it, it exits after one job.
 */
import { SETUP_SOURCE } from './setup.js';
import { LIMITS_SOURCE } from './limits.js';
import { CHILDREN_SOURCE } from './children.js';
import { CODEC_SOURCE } from './codec.js';
import { SERVER_SOURCE } from './server.js';
import { SPLIT_SOURCE } from './split.js';
import { SPLIT_OPS_SOURCE } from './split-ops.js';
import { NAMES_SOURCE } from './names.js';
import { ZYGOTE_SOURCE } from './zygote.js';
import { ISOLATE_SOURCE } from './isolate.js';
import { INTEGRITY_PATHS_SOURCE } from './integrity-paths.js';
import { INTEGRITY_MOCKS_SOURCE } from './integrity-mocks.js';
import { INTEGRITY_WATCH_SOURCE } from './integrity-watch.js';
import { INTEGRITY_SOURCE } from './integrity.js';
import { GUARD_SOURCE } from './guard.js';
import { GUARD_OPERANDS_SOURCE } from './guard-operands.js';
import { GUARD_BIND_SOURCE } from './guard-bind.js';

/** The whole zygote program. */
export const PYTHON_HARNESS_SOURCE = SETUP_SOURCE + LIMITS_SOURCE + CODEC_SOURCE + GUARD_SOURCE + GUARD_BIND_SOURCE + GUARD_OPERANDS_SOURCE + CHILDREN_SOURCE
  + INTEGRITY_PATHS_SOURCE + INTEGRITY_MOCKS_SOURCE + INTEGRITY_WATCH_SOURCE + INTEGRITY_SOURCE
  + SERVER_SOURCE + NAMES_SOURCE + SPLIT_SOURCE + SPLIT_OPS_SOURCE + ZYGOTE_SOURCE + ISOLATE_SOURCE;

/** The job the host sends to a zygote. */
export interface PythonJob {
  /** Echoed in the job's `done` line. */
  seq: number;
  kind: 'stdio' | 'call' | 'test_code';
  code: string;
  /** stdio: the inputs; call: the argument lists. */
  tests?: unknown[];
  entry?: string;
  testCode?: string;
  /** test_code: the reference's prompt, whose helpers the checker uses. */
  prompt?: string;
  timeLimitMs: number;
  memoryMb: number;
  maxOutput: number;
  maxProcs: number;
  prelude: 'lcb' | 'leetcode' | 'none';
}

/** One line the zygote prints. */
export interface PythonReply {
  ready?: boolean;
  /** With `ready`: the zygote can serve many jobs, each in fresh namespaces. */
  reuse?: boolean;
  /** With `done`: the job's `seq`. */
  seq?: number;
  /** With `done`: the job's init did not end cleanly (a harness failure, or cancelled). */
  failed?: boolean;
  compile?: string;
  testCompile?: string;
  done?: boolean;
  /** With `done`: CPU time of the zygote and its children (the whole run in the sandbox), ms. */
  cpuMs?: number;
  i?: number;
  status?: string;
  stdout?: string;
  /** A stdio test's output bytes, base64 (decoded as UTF-8 with replacement on the host). */
  stdout64?: string;
  json?: string;
  timeMs?: number;
  message?: string;
}
