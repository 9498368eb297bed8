/// <reference types="@webgpu/types" />
/**
 * The WebGPU backend: the WGSL kernels of `wgsl.ts` run through Dawn's Node binding (the
 * `webgpu` npm package, an optional dependency). No adapter (the package is missing, or
 * `requestAdapter()` resolves null) means "no GPU": {@link createWebGpuBackend} resolves null.
 *
 * Lifetime: the object returned by the binding's `create()` must outlive every GPU object made
 * from it (the binding aborts the process if it is garbage-collected first), so each backend
 * keeps it, and a module-level set keeps it too until `dispose()`. Pipelines are compiled once
 * per backend; buffers are kept and grown across batches; `dispose()` destroys them all.
 * Calls are serialized (one batch on the device at a time), so callers may overlap them.
 */
import { normalizeRows, type Matrix } from './matrix.js';
import { checkK, checkSameDim, mergeTopK, type TopK } from './cpu.js';
import { ALLPAIRS_WGSL, GPU_MAX_K, ROWWISE_WGSL, TILE, TILE_K, TOPK_WGSL } from './wgsl.js';

/** What the backend reports about its adapter. */
export interface GpuAdapterSummary {
  /** Adapter description, e.g. `NVIDIA H200` or `llvmpipe: Mesa 25.0.7 (LLVM 15.0.6)`. */
  description: string;
  vendor: string;
  architecture: string;
  /** True for a CPU rasterizer (llvmpipe/lavapipe, SwiftShader, WARP), a fallback adapter, or Dawn's null backend. */
  software: boolean;
}

/** Why no backend could be made (returned by {@link probeWebGpu} when the answer is "no GPU"). */
export interface NoGpu {
  reason: string;
}

/** A live WebGPU backend. Every method rejects after `dispose()`. */
export interface WebGpuBackend {
  readonly adapter: GpuAdapterSummary;
  /** Row-wise cosine of equal-shape batches. */
  rowwise(a: Matrix, b: Matrix): Promise<Float32Array>;
  /** All-pairs cosine, N x M row-major. */
  allPairs(a: Matrix, b: Matrix): Promise<Float32Array>;
  /** Top-k rows of b per row of a. */
  topK(a: Matrix, b: Matrix, k: number): Promise<TopK>;
  /**
   * Run the all-pairs kernel `reps` times on data already on the device, without reading the
   * result back; resolves with the mean milliseconds per run (for the bench's roofline figure).
   */
  timeAllPairsKernel(a: Matrix, b: Matrix, reps: number): Promise<number>;
  /** Destroy buffers and device and release the binding. Idempotent. */
  dispose(): Promise<void>;
}

/** Settings for {@link createWebGpuBackend}. */
export interface WebGpuOptions {
  /** Flags passed to the binding's `create()`, e.g. `['backend=vulkan']`. */
  flags?: string[];
  /** Largest buffer the backend binds, in bytes (default: the adapter's limit). Smaller forces chunking. */
  maxBindingBytes?: number;
  /** Resolve "no GPU" for a software adapter (llvmpipe, SwiftShader, ...) instead of creating a device on it. */
  hardwareOnly?: boolean;
}

/** Optional dependency, imported by a variable name so that builds without it still typecheck. */
const WEBGPU_PACKAGE: string = 'webgpu';

type Binding = { create(flags: string[]): GPU; globals: Record<string, unknown> };

/** GPU instances in use: keeping them here stops the GC from collecting them under a live device. */
const liveInstances = new Set<GPU>();

const SOFTWARE_RE = /llvmpipe|lavapipe|swiftshader|softpipe|\bwarp\b|basic render|software|null-backend/i;

/** Load the `webgpu` package; undefined when it is not installed or does not load here. */
async function loadBinding(): Promise<Binding | NoGpu> {
  try {
    const mod = (await import(WEBGPU_PACKAGE)) as Binding;
    return mod;
  } catch (err) {
    return { reason: `the optional "webgpu" package is not available (npm install webgpu to use the GPU): ${(err as Error).message.split('\n')[0]}` };
  }
}

/** Summarize an adapter's info, classifying software rasterizers. */
export function summarizeAdapter(adapter: GPUAdapter): GpuAdapterSummary {
  const info = adapter.info as GPUAdapterInfo & { isFallbackAdapter?: boolean; adapterType?: string };
  const description = info.description || info.device || info.vendor || 'unknown adapter';
  const text = `${info.description} ${info.device} ${info.architecture}`;
  const software = info.isFallbackAdapter === true || info.adapterType === 'cpu' || /^(software|cpu)$/i.test(info.architecture) || SOFTWARE_RE.test(text);
  return { description, vendor: info.vendor, architecture: info.architecture, software };
}

/**
 * Ask for an adapter without creating a device. Resolves with its summary, or with the reason
 * there is none; never rejects.
 */
export async function probeWebGpu(flags: string[] = []): Promise<GpuAdapterSummary | NoGpu> {
  const binding = await loadBinding();
  if ('reason' in binding) return binding;
  let gpu: GPU;
  try {
    gpu = binding.create(flags);
  } catch (err) {
    return { reason: `webgpu create() failed: ${(err as Error).message}` };
  }
  liveInstances.add(gpu);
  try {
    const adapter = await gpu.requestAdapter({ powerPreference: 'high-performance' });
    return adapter ? summarizeAdapter(adapter) : { reason: 'requestAdapter() returned null (no WebGPU adapter on this machine)' };
  } catch (err) {
    return { reason: `requestAdapter() failed: ${(err as Error).message}` };
  } finally {
    // The adapter object dies with this scope; keep the instance a moment longer so that its
    // finalizer never runs before the adapter's.
    setTimeout(() => liveInstances.delete(gpu), 1000).unref();
  }
}

/** Create a backend on the best adapter; resolves with the reason instead when there is no GPU. */
export async function createWebGpuBackend(options: WebGpuOptions = {}): Promise<WebGpuBackend | NoGpu> {
  const binding = await loadBinding();
  if ('reason' in binding) return binding;
  const gpu = binding.create(options.flags ?? []);
  liveInstances.add(gpu);
  let adapter: GPUAdapter | null;
  try {
    adapter = await gpu.requestAdapter({ powerPreference: 'high-performance' });
  } catch (err) {
    liveInstances.delete(gpu);
    return { reason: `requestAdapter() failed: ${(err as Error).message}` };
  }
  if (!adapter) {
    liveInstances.delete(gpu);
    return { reason: 'requestAdapter() returned null (no WebGPU adapter on this machine)' };
  }
  const summary = summarizeAdapter(adapter);
  if (options.hardwareOnly && summary.software) {
    liveInstances.delete(gpu);
    return { reason: `the only adapter is a software one (${summary.description})` };
  }
  const limits = adapter.limits;
  const device = await adapter.requestDevice({
    requiredLimits: { maxStorageBufferBindingSize: limits.maxStorageBufferBindingSize, maxBufferSize: limits.maxBufferSize },
  });
  return makeBackend(gpu, adapter, device, binding.globals, options);
}

function makeBackend(gpu: GPU, adapter: GPUAdapter, device: GPUDevice, globals: Record<string, unknown>, options: WebGpuOptions): WebGpuBackend {
  const usage = globals.GPUBufferUsage as typeof GPUBufferUsage;
  const mapRead = (globals.GPUMapMode as typeof GPUMapMode).READ;
  const summary = summarizeAdapter(adapter);
  const maxBind = Math.min(
    options.maxBindingBytes ?? Infinity,
    device.limits.maxStorageBufferBindingSize,
    device.limits.maxBufferSize,
  );
  let disposed = false;
  let queue: Promise<unknown> = Promise.resolve();

  const pipeline = (code: string, label: string): GPUComputePipeline =>
    device.createComputePipeline({ label, layout: 'auto', compute: { module: device.createShaderModule({ label, code }), entryPoint: 'main' } });
  const rowwisePipe = pipeline(ROWWISE_WGSL, 'rowwise-cosine');
  const allPairsPipe = pipeline(ALLPAIRS_WGSL, 'allpairs-cosine');
  const topKPipe = pipeline(TOPK_WGSL, 'topk');

  const buffers = new Map<string, GPUBuffer>();
  /** A buffer for `role` of at least `bytes`, reused across calls and grown when too small. */
  function buffer(role: string, bytes: number, flags: number): GPUBuffer {
    const need = Math.max(256, Math.ceil(bytes / 256) * 256);
    const old = buffers.get(role);
    if (old && old.size >= need) return old;
    old?.destroy();
    const size = Math.min(Math.max(need, old ? Math.ceil((old.size * 1.5) / 256) * 256 : 0), Math.max(need, maxBind));
    const b = device.createBuffer({ label: role, size, usage: flags });
    buffers.set(role, b);
    return b;
  }
  const storageIn = usage.STORAGE | usage.COPY_DST;
  const storageOut = usage.STORAGE | usage.COPY_SRC;
  const uniform = (role: string, values: number[]): GPUBuffer => {
    const b = buffer(role, 32, usage.UNIFORM | usage.COPY_DST);
    device.queue.writeBuffer(b, 0, new Uint32Array([...values, 0, 0, 0, 0, 0, 0, 0, 0].slice(0, 8)));
    return b;
  };
  const bind = (pipe: GPUComputePipeline, bufs: GPUBuffer[]): GPUBindGroup =>
    device.createBindGroup({ layout: pipe.getBindGroupLayout(0), entries: bufs.map((b, i) => ({ binding: i, resource: { buffer: b } })) });

  /** Dispatch `groups` one-row workgroups as a 2D grid (each dimension is limited to 65535). */
  function rowGrid(pass: GPUComputePassEncoder, groups: number): void {
    const x = Math.min(groups, 65535);
    pass.dispatchWorkgroups(x, Math.ceil(groups / x));
  }

  async function readBack(src: GPUBuffer, bytes: number, role = 'staging'): Promise<ArrayBuffer> {
    const staging = buffer(role, bytes, usage.MAP_READ | usage.COPY_DST);
    const enc = device.createCommandEncoder();
    enc.copyBufferToBuffer(src, 0, staging, 0, Math.ceil(bytes / 4) * 4);
    device.queue.submit([enc.finish()]);
    await staging.mapAsync(mapRead, 0, staging.size);
    const copy = staging.getMappedRange(0, bytes).slice(0);
    staging.unmap();
    return copy;
  }

  /** Run `job` after every earlier call, inside validation/out-of-memory error scopes. */
  function serialized<T>(job: () => Promise<T>): Promise<T> {
    const run = async (): Promise<T> => {
      if (disposed) throw new Error('the WebGPU backend was disposed');
      device.pushErrorScope('out-of-memory');
      device.pushErrorScope('validation');
      let result: T | undefined;
      let failure: unknown;
      try {
        result = await job();
      } catch (err) {
        failure = err;
      }
      const validation = await device.popErrorScope();
      const oom = await device.popErrorScope();
      const gpuError = validation ?? oom;
      if (gpuError) throw new Error(`WebGPU error: ${gpuError.message}`);
      if (failure !== undefined) throw failure;
      return result as T;
    };
    const p = queue.then(run, run);
    queue = p.catch(() => undefined);
    return p;
  }

  /** Pad unit rows to `dimPad` columns (zeros) so the all-pairs kernel can read whole vec4 steps. */
  function padded(m: Matrix, dimPad: number): Float32Array {
    const n = normalizeRows(m);
    if (dimPad === m.dim) return n.data;
    const out = new Float32Array(m.rows * dimPad);
    for (let r = 0; r < m.rows; r++) out.set(n.data.subarray(r * m.dim, (r + 1) * m.dim), r * dimPad);
    return out;
  }

  /**
   * Visit every (A block, B block) of the all-pairs product: `onBlock` gets the device buffer
   * holding the `rows x cols` block of cosines (row stride `cols`) after it is encoded.
   */
  async function forEachBlock(
    a: Matrix, b: Matrix,
    onBlock: (enc: GPUCommandEncoder, c: GPUBuffer, i0: number, rows: number, j0: number, cols: number) => Promise<void>,
  ): Promise<void> {
    const dimPad = Math.max(TILE_K, Math.ceil(a.dim / TILE_K) * TILE_K);
    const rowBytes = dimPad * 4;
    if (rowBytes > maxBind) throw new RangeError(`vectors of dimension ${a.dim} exceed the device's binding size`);
    const cols = Math.max(1, Math.min(b.rows, Math.floor(maxBind / rowBytes), Math.floor(maxBind / 4)));
    const rowsPer = Math.max(1, Math.min(a.rows, Math.floor(maxBind / rowBytes), Math.floor(maxBind / (4 * cols))));
    const an = padded(a, dimPad);
    const bn = padded(b, dimPad);
    const aBuf = buffer('a', Math.min(a.rows, rowsPer) * rowBytes, storageIn);
    const bBuf = buffer('b', Math.min(b.rows, cols) * rowBytes, storageIn);
    const cBuf = buffer('c', rowsPer * Math.min(b.rows, cols) * 4, storageOut);
    const aChunks = Math.ceil(a.rows / rowsPer);
    if (aChunks === 1) device.queue.writeBuffer(aBuf, 0, an);
    for (let j0 = 0; j0 < b.rows; j0 += cols) {
      const bc = Math.min(cols, b.rows - j0);
      device.queue.writeBuffer(bBuf, 0, bn, j0 * dimPad, bc * dimPad);
      for (let i0 = 0; i0 < a.rows; i0 += rowsPer) {
        const ar = Math.min(rowsPer, a.rows - i0);
        if (aChunks > 1) device.queue.writeBuffer(aBuf, 0, an, i0 * dimPad, ar * dimPad);
        const params = uniform('allpairs-params', [ar, bc, dimPad / 4, bc]);
        const enc = device.createCommandEncoder();
        const pass = enc.beginComputePass();
        pass.setPipeline(allPairsPipe);
        pass.setBindGroup(0, bind(allPairsPipe, [aBuf, bBuf, cBuf, params]));
        pass.dispatchWorkgroups(Math.ceil(bc / TILE), Math.ceil(ar / TILE));
        pass.end();
        await onBlock(enc, cBuf, i0, ar, j0, bc);
      }
    }
  }

  const checkShapes = (a: Matrix, b: Matrix): void => checkSameDim(a, b);

  return {
    adapter: summary,

    rowwise(a, b) {
      return serialized(async () => {
        checkShapes(a, b);
        if (a.rows !== b.rows) throw new RangeError(`row-wise cosine needs equal row counts, got ${a.rows} and ${b.rows}`);
        const rows = a.rows;
        const out = new Float32Array(rows);
        if (rows === 0) return out;
        const rowBytes = a.dim * 4;
        const per = Math.max(1, Math.min(rows, Math.floor(maxBind / Math.max(4, rowBytes))));
        const aBuf = buffer('a', per * rowBytes, storageIn);
        const bBuf = buffer('b', per * rowBytes, storageIn);
        const rBuf = buffer('rowwise-out', per * 4, storageOut);
        for (let r0 = 0; r0 < rows; r0 += per) {
          const n = Math.min(per, rows - r0);
          device.queue.writeBuffer(aBuf, 0, a.data, r0 * a.dim, n * a.dim);
          device.queue.writeBuffer(bBuf, 0, b.data, r0 * a.dim, n * a.dim);
          const params = uniform('rowwise-params', [n, a.dim]);
          const enc = device.createCommandEncoder();
          const pass = enc.beginComputePass();
          pass.setPipeline(rowwisePipe);
          pass.setBindGroup(0, bind(rowwisePipe, [aBuf, bBuf, rBuf, params]));
          rowGrid(pass, n);
          pass.end();
          device.queue.submit([enc.finish()]);
          out.set(new Float32Array(await readBack(rBuf, n * 4)), r0);
        }
        return out;
      });
    },

    allPairs(a, b) {
      return serialized(async () => {
        checkShapes(a, b);
        const M = b.rows;
        const out = new Float32Array(a.rows * M);
        if (a.rows === 0 || M === 0) return out;
        await forEachBlock(a, b, async (enc, c, i0, rows, j0, cols) => {
          device.queue.submit([enc.finish()]);
          const block = new Float32Array(await readBack(c, rows * cols * 4));
          if (cols === M) out.set(block, i0 * M);
          else for (let r = 0; r < rows; r++) out.set(block.subarray(r * cols, (r + 1) * cols), (i0 + r) * M + j0);
        });
        return out;
      });
    },

    topK(a, b, k) {
      return serialized(async () => {
        checkShapes(a, b);
        checkK(k);
        const indices = new Int32Array(a.rows * k).fill(-1);
        const scores = new Float32Array(a.rows * k).fill(-Infinity);
        if (a.rows === 0 || b.rows === 0) return { k, indices, scores };
        const kk = Math.min(k, GPU_MAX_K);
        await forEachBlock(a, b, async (enc, c, i0, rows, j0, cols) => {
          if (k > GPU_MAX_K) {
            device.queue.submit([enc.finish()]);
            const block = new Float32Array(await readBack(c, rows * cols * 4));
            for (let r = 0; r < rows; r++) mergeTopK(block, r * cols, cols, undefined, j0, k, indices, scores, (i0 + r) * k);
            return;
          }
          const idxBuf = buffer('topk-idx', rows * kk * 4, storageOut);
          const scoreBuf = buffer('topk-score', rows * kk * 4, storageOut);
          const params = uniform('topk-params', [rows, cols, kk, cols, j0]);
          const pass = enc.beginComputePass();
          pass.setPipeline(topKPipe);
          pass.setBindGroup(0, bind(topKPipe, [c, idxBuf, scoreBuf, params]));
          rowGrid(pass, rows);
          pass.end();
          device.queue.submit([enc.finish()]);
          const idx = new Int32Array(await readBack(idxBuf, rows * kk * 4, 'staging'));
          const sc = new Float32Array(await readBack(scoreBuf, rows * kk * 4, 'staging2'));
          for (let r = 0; r < rows; r++) mergeTopK(sc, r * kk, kk, idx, 0, k, indices, scores, (i0 + r) * k);
        });
        return { k, indices, scores };
      });
    },

    timeAllPairsKernel(a, b, reps) {
      return serialized(async () => {
        checkShapes(a, b);
        let total = 0;
        for (let rep = 0; rep < reps + 1; rep++) {
          let submitted = 0;
          let start = 0;
          await forEachBlock(a, b, async (enc) => {
            await device.queue.onSubmittedWorkDone();
            if (submitted === 0) start = performance.now();
            device.queue.submit([enc.finish()]);
            submitted += 1;
          });
          await device.queue.onSubmittedWorkDone();
          if (rep > 0) total += performance.now() - start; // the first run warms up
        }
        return total / Math.max(1, reps);
      });
    },

    async dispose() {
      if (disposed) return;
      await queue;
      disposed = true;
      for (const b of buffers.values()) b.destroy();
      buffers.clear();
      device.destroy();
      liveInstances.delete(gpu);
    },
  };
}
