import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Verifier } from './verifier.js';
import { SetupError } from './setup-error.js';
import type { Verdict } from './verdict.js';
import { MCQ_TAIL_CHARS } from '../verifiers/mcq/window.js';

/** Where a verifier lives and how the batch runner should run it. */
export interface VerifierEntry {
  /** Registry name. */
  name: string;
  /** URL of an ES module that exports `verifier: Verifier`. Worker threads import it by this URL. */
  module: string;
  /** Per-sample time limit in milliseconds used when the caller gives none. */
  timeoutMs: number;
  /**
   * The module's `verifyMany` scores a whole batch in the calling thread (embedding models and GPU
   * scorers work per batch, not per sample); the pool is not used.
   */
  batch?: boolean;
  /**
   * The verifier reads only the last `tailChars` characters of a string response, so the batch
   * runner sends only those to a worker (same verdict, bounded copying). Unset: the whole response.
   */
  tailChars?: number;
}

const here = import.meta.url;
const builtinModule = (path: string): string => new URL(path, here).href;

/** The built-in verifiers, by name. */
const entries = new Map<string, VerifierEntry>([
  ['mcq', { name: 'mcq', module: builtinModule('../verifiers/mcq/index.js'), timeoutMs: 2_000, tailChars: MCQ_TAIL_CHARS }],
  ['math', { name: 'math', module: builtinModule('../verifiers/math/index.js'), timeoutMs: 5_000 }],
  ['code', { name: 'code', module: builtinModule('../verifiers/code/index.js'), timeoutMs: 120_000 }],
  ['ifeval', { name: 'ifeval', module: builtinModule('../verifiers/ifeval/index.js'), timeoutMs: 10_000 }],
  ['similarity', { name: 'similarity', module: builtinModule('../verifiers/similarity/index.js'), timeoutMs: 60_000, batch: true }],
  ['patch', { name: 'patch', module: builtinModule('../verifiers/patch/index.js'), timeoutMs: 10_000 }],
]);

/**
 * Register a verifier under a name so that `verifyBatch`, presets and the CLI can use it.
 * `module` is the URL (or absolute path) of an ES module exporting `verifier`; worker threads
 * import it, so it must not depend on state of the calling thread. Throws {@link SetupError} when
 * a local module file does not exist; a module that exists but cannot be imported makes the batch
 * that uses it reject.
 */
export function registerVerifier(name: string, module: string | URL, timeoutMs = 5_000): void {
  const href = module instanceof URL ? module.href : module.startsWith('/') ? pathToFileURL(module).href : module;
  if (href.startsWith('file:') && !existsSync(fileURLToPath(href))) {
    throw new SetupError(`registerVerifier("${name}"): module ${fileURLToPath(href)} does not exist`);
  }
  entries.set(name, { name, module: href, timeoutMs });
}

/** The entry registered under `name`, or undefined. */
export function getVerifierEntry(name: string): VerifierEntry | undefined {
  return entries.get(name);
}

/** Names of all registered verifiers. */
export function verifierNames(): string[] {
  return [...entries.keys()];
}

/** A running summary of verdicts: fed one at a time, so nothing is kept per verdict. */
export interface VerifierSummary {
  add(v: Verdict): void;
  /** The lines to print (e.g. IFEval's prompt- and instruction-level accuracy). */
  lines(): string[];
}

/** What a verifier module exports: the verifier, and optionally a summary for `rewards score`. */
export interface VerifierModule {
  verifier: Verifier;
  /** Lines summarizing verdicts (e.g. IFEval's prompt- and instruction-level accuracy). */
  summarize?: (verdicts: Verdict[], mode?: string) => string[];
  /**
   * A running summary for `rewards score` (flat memory). A module with only `summarize` gets one
   * that keeps its verdicts.
   */
  createSummary?: (mode?: string) => VerifierSummary;
  /** Batch scoring in the calling thread, for entries registered with `batch: true`. */
  verifyMany?: (samples: { response: unknown; reference: unknown; options?: Record<string, unknown> }[], options: Record<string, unknown>) => Promise<Verdict[]>;
}

const loaded = new Map<string, Promise<VerifierModule>>();

/** Import a verifier module by URL (cached per thread); throws when it exports no verifier. */
export function importVerifierModule(moduleUrl: string): Promise<VerifierModule> {
  let p = loaded.get(moduleUrl);
  if (!p) {
    p = import(moduleUrl).then((mod: Partial<VerifierModule>) => {
      if (!mod.verifier || typeof mod.verifier.verify !== 'function') {
        throw new Error(`module ${moduleUrl} does not export a verifier`);
      }
      return mod as VerifierModule;
    });
    p.catch(() => loaded.delete(moduleUrl));
    loaded.set(moduleUrl, p);
  }
  return p;
}

/** Import a verifier module by URL (cached per thread) and return its `verifier` export. */
export async function importVerifier(moduleUrl: string): Promise<Verifier> {
  return (await importVerifierModule(moduleUrl)).verifier;
}

/** Load a registered verifier by name in the current thread. */
export async function loadVerifier(name: string): Promise<Verifier> {
  const entry = entries.get(name);
  if (!entry) throw new Error(`unknown verifier "${name}" (known: ${verifierNames().join(', ')})`);
  return importVerifier(entry.module);
}
