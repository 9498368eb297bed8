/**
 * The local ONNX embedder: a sentence-embedding model directory in the Hugging Face layout
 * (`config.json`, `tokenizer.json`, `tokenizer_config.json`, `onnx/model.onnx`), run through
 * `@huggingface/transformers` (an optional peer dependency) on onnxruntime-node's CPU provider.
 * Remote models are disabled: nothing is ever downloaded.
 *
 * Installing `@huggingface/transformers` offline: onnxruntime-node's postinstall script tries to
 * download CUDA binaries from api.nuget.org. Its CPU binaries are inside the npm package, so skip
 * the script: `ONNXRUNTIME_NODE_INSTALL=skip npm install @huggingface/transformers`, or (npm 11)
 * `"allowScripts": { "onnxruntime-node": false }` in package.json.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import type { Embedder } from './embed.js';

/** Optional peer dependency, imported by a variable name so that builds without it still typecheck. */
const TRANSFORMERS_PACKAGE: string = '@huggingface/transformers';

/** ONNX weight file names by dtype, as transformers.js names them. */
const DTYPE_FILES: Record<string, string> = {
  fp32: 'model.onnx',
  fp16: 'model_fp16.onnx',
  q8: 'model_quantized.onnx',
  int8: 'model_int8.onnx',
  uint8: 'model_uint8.onnx',
  q4: 'model_q4.onnx',
  q4f16: 'model_q4f16.onnx',
  bnb4: 'model_bnb4.onnx',
};

/** Settings of the ONNX embedder. */
export interface OnnxEmbedderOptions {
  pooling: 'mean' | 'cls';
  dtype: string;
}

/** Why `dir` cannot hold a loadable model, or undefined when the files are there. */
export function onnxModelDirProblem(dir: string, dtype = 'fp32'): string | undefined {
  if (!existsSync(dir)) return `model directory ${dir} does not exist`;
  if (!statSync(dir).isDirectory()) return `${dir} is not a directory`;
  for (const f of ['config.json', 'tokenizer.json', 'tokenizer_config.json']) {
    if (!existsSync(join(dir, f))) return `model directory ${dir} has no ${f}`;
  }
  const file = DTYPE_FILES[dtype];
  if (!file) return `unknown dtype ${JSON.stringify(dtype)} (known: ${Object.keys(DTYPE_FILES).join(', ')})`;
  if (!existsSync(join(dir, 'onnx', file))) {
    const found = existsSync(join(dir, 'onnx')) ? readdirSync(join(dir, 'onnx')).filter((f) => f.endsWith('.onnx')) : [];
    const hint = found.length
      ? ` (found ${found.join(', ')}; choose it with dtype: ${found.map((f) => Object.entries(DTYPE_FILES).find(([, n]) => n === f)?.[0]).filter(Boolean).join(' or ') || '?'})`
      : '';
    return `model directory ${dir} has no onnx/${file}${hint}`;
  }
  return undefined;
}

interface Tensor {
  dims: number[];
  data: Float32Array;
}
type Extractor = ((texts: string[], opts: { pooling: string; normalize: boolean }) => Promise<Tensor>) & { dispose?: () => Promise<void> };

/** Load a local ONNX sentence-embedding model. Rejects with the missing file or package named. */
export async function loadOnnxEmbedder(modelDir: string, options: OnnxEmbedderOptions): Promise<Embedder> {
  const dir = resolve(modelDir);
  const problem = onnxModelDirProblem(dir, options.dtype);
  if (problem) throw new Error(`embedder "onnx": ${problem}`);
  let tf: { env: Record<string, unknown>; pipeline: (task: string, model: string, opts: object) => Promise<Extractor> };
  try {
    tf = (await import(TRANSFORMERS_PACKAGE)) as typeof tf;
  } catch (err) {
    throw new Error(
      'embedder "onnx" needs the optional package @huggingface/transformers: ' +
        `ONNXRUNTIME_NODE_INSTALL=skip npm install @huggingface/transformers (${(err as Error).message.split('\n')[0]})`,
    );
  }
  tf.env.allowRemoteModels = false;
  tf.env.allowLocalModels = true;
  tf.env.localModelPath = `${dirname(dir)}/`;
  let extractor: Extractor;
  try {
    extractor = await tf.pipeline('feature-extraction', basename(dir), { local_files_only: true, dtype: options.dtype, device: 'cpu' });
  } catch (err) {
    throw new Error(`embedder "onnx": cannot load the model in ${dir}: ${(err as Error).message}`);
  }
  return {
    name: `onnx:${dir}`,
    async embed(texts) {
      if (texts.length === 0) return { data: new Float32Array(0), rows: 0, dim: 0 };
      // Unnormalized pooling: a text with no known tokens stays a zero vector (cosine 0) instead of NaN.
      const out = await extractor([...texts], { pooling: options.pooling, normalize: false });
      const [rows, dim] = out.dims as [number, number];
      return { data: Float32Array.from(out.data), rows, dim };
    },
    async dispose() {
      await extractor.dispose?.();
    },
  };
}
