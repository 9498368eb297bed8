/**
 * Lazy, once-per-thread loading of the ifeval runtime data in `data/ifeval/` (package root).
 * Each file is read and parsed on first use only, so a worker that never checks a language never
 * loads the language profiles. Loading and building run `untimed`: the first sample of a thread
 * that needs the language model (1.1-1.6 s to load under load) is not charged for it, nor is the
 * honest sample after a worker was replaced (with a 1.5 s limit, 8 of 31 honest samples timed out
 * that way behind hostile neighbours).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { untimed } from '../../../core/untimed.js';

/** The folder holding `data/ifeval/*.json`, resolved from this module (src/ or dist/ alike). */
export const IFEVAL_DATA_DIR = fileURLToPath(new URL('../../../../data/ifeval/', import.meta.url));

const cache = new Map<string, unknown>();

/** Parse `data/ifeval/<name>` once per thread and return it. */
export function loadData<T>(name: string): T {
  let v = cache.get(name);
  if (v === undefined) {
    v = untimed(() => JSON.parse(readFileSync(IFEVAL_DATA_DIR + name, 'utf8')) as T);
    cache.set(name, v);
  }
  return v as T;
}

/** Memoise a zero-argument builder (the built value lives for the thread; building is untimed). */
export function lazy<T>(build: () => T): () => T {
  let value: T | undefined;
  let built = false;
  return () => {
    if (!built) {
      value = untimed(build);
      built = true;
    }
    return value as T;
  };
}
