/**
 * Near-duplicate questions (`rewards filter --dedup 0.95`): drops a record whose question is at
 * least `dedup` cosine-similar to an earlier KEPT record's question, naming that record (its
 * `id`, else its line) in the reject reason. Opt-in: enabled when `options.dedup` is a number.
 *
 * Greedy and order-preserving: the first of a cluster of near-duplicates is kept, and no two
 * kept records are as similar as the threshold. The filter sees records a window at a time, so
 * the vectors of kept records stay in the run's state; each window is compared with them by
 * top-1 search (all-pairs on the scorer's backend) and with its own earlier records.
 *
 * Vectors: a record's precomputed `embedding` when it has one, else its question text
 * (`question` / `problem` / `prompt`) through the embedder (`embedder`, `modelDir` options;
 * default the bundled sentence encoder). Precomputed vectors are compared only with precomputed
 * vectors of the same dimension, embedded texts only with texts of the same embedder. A record
 * with neither a question nor an embedding is kept (other filters judge that).
 */
import { disposeSimilarity } from '../verifiers/similarity/score.js';
import { SetupError } from '../core/setup-error.js';
import type { DatasetRecord } from '../core/records.js';
import { questionOf } from '../core/records.js';
import { KEEP, drop, type Filter, type FilterOptions, type FilterResult } from './filter.js';
import { embeddingProblem } from '../verifiers/similarity/matrix.js';
import { embedAll, getEmbedder, type EmbedderOptions } from '../verifiers/similarity/embed.js';
import { createSimilarityScorer, type BackendChoice, type SimilarityScorer } from '../verifiers/similarity/scorer.js';

/** Vectors of kept records in one embedding space, growing by doubling. */
interface KeptSpace {
  dim: number;
  data: Float32Array;
  rows: number;
  labels: string[];
}

const runs = new Set<SimilarityScorer>();

/** How a record is named in a reject reason: its id, else its line (a `_line` field, else its 1-based position). */
function label(r: DatasetRecord, position: number): string {
  if (r.id !== undefined && r.id !== null) return `id ${JSON.stringify(r.id)}`;
  return `line ${typeof r._line === 'number' ? r._line : position}`;
}

function append(space: KeptSpace, vec: Float32Array, name: string): void {
  if ((space.rows + 1) * space.dim > space.data.length) {
    const grown = new Float32Array(Math.max(space.dim * 64, space.data.length * 2));
    grown.set(space.data.subarray(0, space.rows * space.dim));
    space.data = grown;
  }
  space.data.set(vec, space.rows * space.dim);
  space.rows += 1;
  space.labels.push(name);
}

/** The embedder, or a {@link SetupError} naming the option to fix (a bad `--model-dir`, a missing package). */
async function loadEmbedder(options: EmbedderOptions): Promise<Awaited<ReturnType<typeof getEmbedder>>> {
  try {
    return await getEmbedder(options);
  } catch (err) {
    const what = options.embedder === 'onnx' ? `embedder "onnx" with model dir ${JSON.stringify(options.modelDir)}` : `embedder ${JSON.stringify(options.embedder)}`;
    throw new SetupError(`near-duplicate filter: cannot load ${what}: ${(err as Error).message}`);
  }
}

/**
 * Set-up checks before the first window, so a set-up mistake stops the run instead of rejecting
 * every record: a forced WebGPU backend needs an adapter, and an ONNX model directory must load
 * (even when the first window happens to hold only precomputed embeddings).
 */
async function checkSetup(scorer: SimilarityScorer, backend: BackendChoice, embedder: EmbedderOptions): Promise<void> {
  if (backend === 'webgpu') {
    const g = await scorer.gpu();
    if ('reason' in g) throw new SetupError(`near-duplicate filter: --backend webgpu was requested but ${g.reason} (use --backend cpu or auto)`);
  }
  if (embedder.embedder === 'onnx') await loadEmbedder(embedder);
}

/** Check the `dedup` threshold. */
function threshold(options: FilterOptions): number {
  const t = options.dedup;
  if (typeof t !== 'number' || !(t >= -1 && t <= 1)) throw new RangeError(`--dedup must be a cosine threshold in [-1, 1], got ${JSON.stringify(t)}`);
  return t;
}

/** The near-duplicate filter (see the module comment). Reads `dedup`, `embedder`, `modelDir`, `backend`. */
export const nearDuplicateFilter: Filter = {
  name: 'near-duplicate',
  kinds: 'all',
  enabled: (options) => typeof options.dedup === 'number',

  create(options) {
    const t = threshold(options);
    const scorer = createSimilarityScorer({ backend: (options.backend as BackendChoice | undefined) ?? 'auto' });
    runs.add(scorer);
    const embedderOptions: EmbedderOptions = {
      embedder: (options.embedder as EmbedderOptions['embedder']) ?? 'use',
      ...(typeof options.modelDir === 'string' ? { modelDir: options.modelDir } : {}),
    };
    const spaces = new Map<string, KeptSpace>();
    let seen = 0;
    let checked: Promise<void> | undefined;
    const backend = (options.backend as BackendChoice | undefined) ?? 'auto';

    return async (records, lines) => {
      checked ??= checkSetup(scorer, backend, embedderOptions);
      await checked;
      const results: FilterResult[] = records.map(() => KEEP);
      const names = records.map((r, i) => label(r, lines?.[i] ?? seen + i + 1));
      seen += records.length;

      // Which space each record lives in, and its vector (texts are embedded below).
      const groups = new Map<string, { idx: number[]; vectors: Float32Array[] }>();
      const texts: { idx: number; text: string }[] = [];
      records.forEach((r, i) => {
        if (r.embedding !== undefined) {
          const bad = embeddingProblem(r.embedding);
          if (bad) {
            results[i] = drop(`invalid-embedding: embedding ${bad}`);
            return;
          }
          const v = Float32Array.from(r.embedding as ArrayLike<number>);
          const key = `precomputed:${v.length}`;
          const g = groups.get(key) ?? { idx: [], vectors: [] };
          g.idx.push(i);
          g.vectors.push(v);
          groups.set(key, g);
          return;
        }
        const q = questionOf(r);
        if (q !== undefined) texts.push({ idx: i, text: q });
      });
      if (texts.length) {
        const embedder = await loadEmbedder(embedderOptions);
        const m = await embedAll(embedder, texts.map((x) => x.text));
        const key = `embedder:${embedder.name}`;
        const g = groups.get(key) ?? { idx: [], vectors: [] };
        texts.forEach((x, r) => {
          g.idx.push(x.idx);
          g.vectors.push(m.data.slice(r * m.dim, (r + 1) * m.dim));
        });
        groups.set(key, g);
      }

      for (const [key, g] of groups) {
        // Keep input order within the group (texts and vectors were collected in order).
        const order = g.idx.map((_, j) => j).sort((x, y) => g.idx[x]! - g.idx[y]!);
        const dim = g.vectors[0]!.length;
        const space = spaces.get(key) ?? { dim, data: new Float32Array(0), rows: 0, labels: [] };
        spaces.set(key, space);
        const w = { data: new Float32Array(order.length * dim), rows: order.length, dim };
        order.forEach((j, r) => w.data.set(g.vectors[j]!, r * dim));
        const prev = space.rows
          ? await scorer.topK(w, { data: space.data, rows: space.rows, dim }, 1)
          : undefined;
        const within = await scorer.allPairs(w, w);
        const keptHere: number[] = [];
        for (let r = 0; r < order.length; r++) {
          let best = prev ? prev.scores[r]! : -Infinity;
          let bestName = prev && prev.indices[r]! >= 0 ? space.labels[prev.indices[r]!] : undefined;
          for (const s of keptHere) {
            const c = within[r * order.length + s]!;
            if (c > best) {
              best = c;
              bestName = names[g.idx[order[s]!]!];
            }
          }
          const i = g.idx[order[r]!]!;
          if (bestName !== undefined && best >= t) {
            results[i] = drop(`cosine ${best.toFixed(4)} with earlier ${bestName}`);
          } else {
            keptHere.push(r);
          }
        }
        for (const r of keptHere) append(space, w.data.subarray(r * dim, (r + 1) * dim), names[g.idx[order[r]!]!]!);
      }
      return results;
    };
  },

  async dispose() {
    const all = [...runs];
    runs.clear();
    await Promise.all(all.map((s) => s.dispose()));
    await disposeSimilarity();
  },
};
