/**
 * The WGSL compute kernels of the WebGPU backend. Every kernel reads f32 storage buffers and a
 * small uniform block; the host code in `webgpu.ts` sizes the dispatches.
 */

/** Threads per workgroup of the one-row-per-workgroup kernels (row-wise cosine, top-k). */
export const ROW_WORKGROUP = 64;

/** Output tile edge of the all-pairs kernel: a 16x16 workgroup, each thread computes 4x4 outputs. */
export const TILE = 64;

/** Depth of one K step of the all-pairs kernel; vectors are zero-padded to a multiple of this. */
export const TILE_K = 16;

/** Largest k the GPU top-k kernel keeps per row (bigger k reads back the full matrix instead). */
export const GPU_MAX_K = 16;

/** Score the top-k kernel uses for "no candidate" (below any cosine). */
export const NO_SCORE = -3;

/**
 * Row-wise cosine: workgroup r computes `out[r] = cos(a_r, b_r)` with a tree reduction of the
 * dot product and both squared norms. A zero vector gives 0.
 * Uniforms: `rows`, `dim`.
 */
export const ROWWISE_WGSL = /* wgsl */ `
struct Params { rows: u32, dim: u32, pad0: u32, pad1: u32 }
@group(0) @binding(0) var<storage, read> a: array<f32>;
@group(0) @binding(1) var<storage, read> b: array<f32>;
@group(0) @binding(2) var<storage, read_write> result: array<f32>;
@group(0) @binding(3) var<uniform> p: Params;
var<workgroup> sd: array<f32, ${ROW_WORKGROUP}>;
var<workgroup> sa: array<f32, ${ROW_WORKGROUP}>;
var<workgroup> sb: array<f32, ${ROW_WORKGROUP}>;

@compute @workgroup_size(${ROW_WORKGROUP})
fn main(@builtin(workgroup_id) wg: vec3u, @builtin(num_workgroups) nwg: vec3u,
        @builtin(local_invocation_index) t: u32) {
  let row = wg.x + wg.y * nwg.x;
  if (row >= p.rows) { return; }
  let base = row * p.dim;
  var d = 0.0;
  var na = 0.0;
  var nb = 0.0;
  for (var k = t; k < p.dim; k += ${ROW_WORKGROUP}u) {
    let x = a[base + k];
    let y = b[base + k];
    d += x * y;
    na += x * x;
    nb += y * y;
  }
  sd[t] = d;
  sa[t] = na;
  sb[t] = nb;
  workgroupBarrier();
  for (var s = ${ROW_WORKGROUP / 2}u; s > 0u; s >>= 1u) {
    if (t < s) {
      sd[t] += sd[t + s];
      sa[t] += sa[t + s];
      sb[t] += sb[t + s];
    }
    workgroupBarrier();
  }
  if (t == 0u) {
    let den = sqrt(sa[0]) * sqrt(sb[0]);
    result[row] = select(clamp(sd[0] / den, -1.0, 1.0), 0.0, den == 0.0);
  }
}
`;

/**
 * All-pairs dot products of unit rows, `c[i * ldc + j] = clamp(dot(a_i, b_j), -1, 1)`, for an
 * `n x m` block. A 16x16 workgroup computes a 64x64 tile of c, each thread a 4x4 block held in
 * four vec4 accumulators; A and B are staged through workgroup memory 16 dimensions at a time,
 * each thread loading one vec4 of each. Rows are `dim4` vec4s long (dimension padded to 16).
 * Uniforms: `n`, `m`, `dim4`, `ldc`.
 */
export const ALLPAIRS_WGSL = /* wgsl */ `
struct Params { n: u32, m: u32, dim4: u32, ldc: u32 }
@group(0) @binding(0) var<storage, read> a: array<vec4f>;
@group(0) @binding(1) var<storage, read> b: array<vec4f>;
@group(0) @binding(2) var<storage, read_write> c: array<f32>;
@group(0) @binding(3) var<uniform> p: Params;
var<workgroup> As: array<array<f32, ${TILE}>, ${TILE_K}>;
var<workgroup> Bs: array<array<f32, ${TILE}>, ${TILE_K}>;

@compute @workgroup_size(16, 16)
fn main(@builtin(workgroup_id) wg: vec3u, @builtin(local_invocation_id) lid: vec3u,
        @builtin(local_invocation_index) t: u32) {
  let rowBase = wg.y * ${TILE}u;
  let colBase = wg.x * ${TILE}u;
  let lr = t / 4u;
  let lq = t % 4u;
  let lk = lq * 4u;
  let ty = lid.y * 4u;
  let tx = lid.x * 4u;
  var acc0 = vec4f(0.0);
  var acc1 = vec4f(0.0);
  var acc2 = vec4f(0.0);
  var acc3 = vec4f(0.0);
  let steps = p.dim4 / 4u;
  for (var s = 0u; s < steps; s++) {
    let kv = s * 4u + lq;
    var va = vec4f(0.0);
    var vb = vec4f(0.0);
    if (rowBase + lr < p.n) { va = a[(rowBase + lr) * p.dim4 + kv]; }
    if (colBase + lr < p.m) { vb = b[(colBase + lr) * p.dim4 + kv]; }
    As[lk][lr] = va.x; As[lk + 1u][lr] = va.y; As[lk + 2u][lr] = va.z; As[lk + 3u][lr] = va.w;
    Bs[lk][lr] = vb.x; Bs[lk + 1u][lr] = vb.y; Bs[lk + 2u][lr] = vb.z; Bs[lk + 3u][lr] = vb.w;
    workgroupBarrier();
    for (var k = 0u; k < ${TILE_K}u; k++) {
      let bv = vec4f(Bs[k][tx], Bs[k][tx + 1u], Bs[k][tx + 2u], Bs[k][tx + 3u]);
      acc0 += As[k][ty] * bv;
      acc1 += As[k][ty + 1u] * bv;
      acc2 += As[k][ty + 2u] * bv;
      acc3 += As[k][ty + 3u] * bv;
    }
    workgroupBarrier();
  }
  let accs = array<vec4f, 4>(acc0, acc1, acc2, acc3);
  for (var r = 0u; r < 4u; r++) {
    let i = rowBase + ty + r;
    if (i >= p.n) { break; }
    let v = clamp(accs[r], vec4f(-1.0), vec4f(1.0));
    for (var q = 0u; q < 4u; q++) {
      let j = colBase + tx + q;
      if (j < p.m) { c[i * p.ldc + j] = v[q]; }
    }
  }
}
`;

/**
 * Top-k per row of a score block: workgroup r scans row r of `c` (64 threads, strided), each
 * thread keeps its own best k, then thread 0 merges the 64 lists. Order: higher score first,
 * lower column first on ties. Columns are reported as `colBase + j`; missing entries get index
 * 0xffffffff and score ${NO_SCORE}. Uniforms: `rows`, `cols`, `k`, `ldc`, `colBase`.
 */
export const TOPK_WGSL = /* wgsl */ `
const MAXK = ${GPU_MAX_K}u;
const WG = ${ROW_WORKGROUP}u;
const NONE = 0xffffffffu;
struct Params { rows: u32, cols: u32, k: u32, ldc: u32, colBase: u32, pad0: u32, pad1: u32, pad2: u32 }
@group(0) @binding(0) var<storage, read> c: array<f32>;
@group(0) @binding(1) var<storage, read_write> outIdx: array<u32>;
@group(0) @binding(2) var<storage, read_write> outScore: array<f32>;
@group(0) @binding(3) var<uniform> p: Params;
var<workgroup> ws: array<f32, ${ROW_WORKGROUP * GPU_MAX_K}>;
var<workgroup> wi: array<u32, ${ROW_WORKGROUP * GPU_MAX_K}>;

fn better(s: f32, i: u32, t: f32, j: u32) -> bool {
  return s > t || (s == t && i < j);
}

@compute @workgroup_size(${ROW_WORKGROUP})
fn main(@builtin(workgroup_id) wg: vec3u, @builtin(num_workgroups) nwg: vec3u,
        @builtin(local_invocation_index) t: u32) {
  let row = wg.x + wg.y * nwg.x;
  if (row >= p.rows) { return; }
  let k = p.k;
  var bs: array<f32, MAXK>;
  var bi: array<u32, MAXK>;
  for (var r = 0u; r < MAXK; r++) { bs[r] = ${NO_SCORE}.0; bi[r] = NONE; }
  for (var j = t; j < p.cols; j += WG) {
    let s = c[row * p.ldc + j];
    let idx = p.colBase + j;
    if (better(s, idx, bs[k - 1u], bi[k - 1u])) {
      var q = k - 1u;
      loop {
        if (q == 0u) { break; }
        if (!better(s, idx, bs[q - 1u], bi[q - 1u])) { break; }
        bs[q] = bs[q - 1u];
        bi[q] = bi[q - 1u];
        q -= 1u;
      }
      bs[q] = s;
      bi[q] = idx;
    }
  }
  for (var r = 0u; r < k; r++) { ws[t * MAXK + r] = bs[r]; wi[t * MAXK + r] = bi[r]; }
  workgroupBarrier();
  if (t == 0u) {
    var fs: array<f32, MAXK>;
    var fi: array<u32, MAXK>;
    for (var r = 0u; r < MAXK; r++) { fs[r] = ${NO_SCORE}.0; fi[r] = NONE; }
    for (var u = 0u; u < WG * MAXK; u++) {
      if (u % MAXK >= k) { continue; }
      let s = ws[u];
      let idx = wi[u];
      if (idx == NONE || !better(s, idx, fs[k - 1u], fi[k - 1u])) { continue; }
      var q = k - 1u;
      loop {
        if (q == 0u) { break; }
        if (!better(s, idx, fs[q - 1u], fi[q - 1u])) { break; }
        fs[q] = fs[q - 1u];
        fi[q] = fi[q - 1u];
        q -= 1u;
      }
      fs[q] = s;
      fi[q] = idx;
    }
    for (var r = 0u; r < k; r++) { outScore[row * k + r] = fs[r]; outIdx[row * k + r] = fi[r]; }
  }
}
`;
