/**
 * The reward server: fastify on the event loop (parse, route, answer), verification on the worker
 * pool. Routes: native `POST /v1/score` (JSON or NDJSON), `GET /v1/verifiers`, OpenRLHF
 * `POST /get_reward`, slime `POST /v1/reward`, NeMo-Gym `POST /verify`, `POST /{domain}/verify`,
 * `POST /seed_session`, `POST /aggregate_metrics`; `GET /healthz`, `GET /readyz`, `GET /metrics`.
 *
 * Trust boundary: request bodies are untrusted data; they are parsed here and only ever reach
 * verifiers as plain data (responses, references, options). A request can name a bundled preset,
 * never a file.
 */
import { readdirSync } from 'node:fs';
import { Readable } from 'node:stream';
import Fastify, { LogController, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { verifyBatch, type BatchOptions } from '../core/batch.js';
import { createBatcher } from './batcher.js';
import { createPool, type Pool } from '../core/pool.js';
import { createBatchThread } from '../core/batch-thread.js';
import { getVerifierEntry, verifierNames } from '../core/registry.js';
import { loadPreset, PRESETS_DIR, type Preset } from '../presets/preset.js';
import { createAdmission } from './admission.js';
import { createAuth } from './auth.js';
import { nativeHeader, nativeItems, nativeVerdict, planItem } from './contracts/native.js';
import { domainOfVerifier, inferDomain, nemoResponse, planNemo, NEMO_DOMAINS, type NemoDomain } from './contracts/nemo-gym.js';
import { aggregateMetrics } from './contracts/nemo-metrics.js';
import { openrlhfResponse, planOpenrlhf } from './contracts/openrlhf.js';
import { planSlime, slimeResponse } from './contracts/slime.js';
import { parseJsonBody } from './json-body.js';
import { HttpError, isObject, requireObjectBody } from './errors.js';
import { createMetrics, type ServerMetrics } from './metrics.js';
import { scoreNdjson } from './ndjson.js';
import type { Planned, RouteLevel } from './route.js';
import { scorePlanned, type Scored } from './score.js';
import { DEFAULT_OPTION_CAPS, type OptionCaps } from './client-options.js';
import { guardBodies } from './body-guard.js';

/** Settings of a reward server. */
export interface ServerOptions {
  /** Verifier for samples no preset routes (a single-domain server). */
  verifier?: string;
  /** Preset routing samples by record fields. */
  preset?: Preset;
  /** Bearer token; undefined leaves the API open. */
  token?: string;
  /** Most samples in flight before requests get 429 (default 4096). */
  maxInflight?: number;
  /** Largest JSON body in bytes (default 64 MiB). */
  bodyLimit?: number;
  /** Per-sample time limit in ms (default: each verifier's). */
  timeoutMs?: number;
  /** pino log level (default `info`); `silent` turns logging off. */
  logLevel?: string;
  /** Verifiers to load into the pool before /readyz says ready (default: those the routing uses). */
  warm?: string[];
  /** The most a request's options may ask for (default DEFAULT_OPTION_CAPS; client-options.ts). */
  optionCaps?: OptionCaps;
  /** Most samples in one JSON request (default 100,000; NDJSON streams are not limited). */
  maxItems?: number;
  /** Most open connections (default 1,024; more are refused). */
  maxConnections?: number;
  /** Most ms to receive a whole JSON request (default 300,000; 0 turns it off). */
  requestTimeoutMs?: number;
  /** Worker threads of the code verifier's own pool (default: all cores). */
  codeThreads?: number;
}

/** A built server, not yet listening. */
export interface RewardServer {
  app: FastifyInstance;
  metrics: ServerMetrics;
  /** Resolves when the pool is warm (then /readyz answers 200). */
  warmed: Promise<void>;
  /** Stop accepting (readyz 503), finish what is in flight, close the HTTP server. */
  drain(): Promise<void>;
}

const OPEN_PATHS = new Set(['/healthz', '/readyz']);

function bundledPresets(): string[] {
  return readdirSync(PRESETS_DIR)
    .filter((f) => f.endsWith('.json') && !f.includes('schema'))
    .map((f) => f.slice(0, -5));
}

function warmSample(verifier: string): { response: string; reference: unknown } {
  if (verifier === 'ifeval') return { response: 'hello', reference: { prompt: 'p', instruction_id_list: [], kwargs: [] } };
  if (verifier === 'mcq') return { response: 'The answer is (A).', reference: 'A' };
  return { response: '\\boxed{1}', reference: '1' };
}

/** The verifiers a routing set-up can reach. */
function routedVerifiers(o: ServerOptions): string[] {
  const names = new Set<string>();
  if (o.verifier) names.add(o.verifier);
  if (o.preset?.verifier) names.add(o.preset.verifier);
  for (const r of Object.values(o.preset?.routes ?? {})) names.add(r.verifier);
  if (o.preset?.default) names.add(o.preset.default.verifier);
  return [...names];
}

/** Build the server (routes, hooks, metrics). Call `app.listen` to serve. */
export function buildServer(o: ServerOptions = {}): RewardServer {
  if (o.verifier !== undefined && !getVerifierEntry(o.verifier)) {
    throw new Error(`unknown verifier "${o.verifier}" (known: ${verifierNames().join(', ')})`);
  }
  if (o.preset && unshaped(o.preset)) throw new Error(unshaped(o.preset));
  const metrics = createMetrics();
  const caps = o.optionCaps ?? DEFAULT_OPTION_CAPS;
  const warnings: string[] = [];
  const bodyLimit = o.bodyLimit ?? 64 * 1024 * 1024;
  const maxItems = o.maxItems ?? 100_000;
  if (!o.verifier && !o.preset) {
    // Not an error (items may name their verifier), but OpenRLHF and slime labels rarely do, and
    // their samples would all score 0 as unroutable.
    warnings.push('no --verifier or --preset: only samples that name their own verifier (item "verifier", a label object\'s "verifier", a request\'s "verifier") are scored; the rest get invalid-input');
  }
  const admission = createAdmission(o.maxInflight ?? 4096);
  metrics.inflightSource = () => admission.inflight;
  const auth = createAuth(o.token);
  const levels: RouteLevel[] = [...(o.preset ? [{ preset: o.preset }] : []), ...(o.verifier ? [{ verifier: o.verifier }] : [])];
  // Batch verifiers (similarity: embedding a batch held the event loop for seconds, health checks
  // included) run in a thread of their own, slice by slice under the per-sample limit.
  const batchThread = createBatchThread();
  const batch: BatchOptions & Record<string, unknown> = { ...(o.timeoutMs !== undefined && { timeoutMs: o.timeoutMs }), batchThread };
  // Code samples run on a pool of their own: they can hold a worker for their whole limit (two
  // sleeping solutions on --threads 2 delayed a math request 97 s on the shared pool).
  let codePool: Pool | undefined;
  const submit = createBatcher(batch, (name) => (name === 'code' ? (codePool ??= createPool(o.codeThreads ? { threads: o.codeThreads } : {})) : undefined));
  const presetCache = new Map<string, Preset>();
  const resolvePreset = (name: string): Preset => {
    if (!/^[A-Za-z0-9_.-]+$/.test(name) || !bundledPresets().includes(name)) {
      throw new HttpError(422, `field "preset": no bundled preset "${name}" (known: ${bundledPresets().join(', ')})`);
    }
    let p = presetCache.get(name);
    if (!p) presetCache.set(name, (p = loadPreset(name)));
    const why = unshaped(p);
    if (why) throw new HttpError(422, `field "preset": ${why}`);
    return p;
  };
  let ready = false;
  let draining = false;
  let streams = 0; // NDJSON responses still being written

  const app = Fastify({
    bodyLimit,
    logger: { level: o.logLevel ?? 'info' },
    // Per-request log lines cost more than a cheap sample at thousands of requests per second.
    logController: new LogController({ disableRequestLogging: true }),
    // No child logger per request (its creation costs more than a cheap sample): handlers log through
    // the server's logger, and errors carry the request's method and URL instead of a request id.
    childLoggerFactory: (logger) => logger,
    forceCloseConnections: 'idle',
    return503OnClosing: true,
  });
  // Idle or slow connections cost a file descriptor each (19,995 idle sockets left none for real
  // clients): past the cap, new connections are refused at once.
  app.server.maxConnections = o.maxConnections ?? 1024;
  for (const w of warnings) app.log.warn(w);
  app.addHook('onClose', async () => {
    await codePool?.close();
    await batchThread.close();
  });
  const bodies = guardBodies(app, bodyLimit, o.requestTimeoutMs ?? 300_000, metrics);

  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_req, body, done) => {
    try {
      done(null, parseJsonBody(body as string));
    } catch (err) {
      done(err as Error, undefined);
    }
  });
  // NDJSON bodies reach the handler as a stream (no body limit: they are scored window by window).
  app.addContentTypeParser('application/x-ndjson', (_req, payload, done) => done(null, payload));

  // The auth hook exists only when a token is set (an open server pays no hook per request).
  if (auth) {
    app.addHook('onRequest', (req, reply, done) => {
      if (OPEN_PATHS.has(req.url) || auth(req.headers.authorization)) return done();
      metrics.rejected.inc({ reason: 'unauthorized' });
      void reply.code(401).header('www-authenticate', 'Bearer').send({ error: 'missing or wrong bearer token (Authorization: Bearer <token>)' });
    });
  }

  app.setErrorHandler((err: Error & { statusCode?: number; code?: string }, req, reply) => {
    let status = err instanceof HttpError ? err.status : (err.statusCode ?? 500);
    let message = err.message;
    if (err.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || err instanceof SyntaxError) {
      status = 400;
      message = `body is not valid JSON: ${err.message}`;
    }
    const reason = status === 413 ? 'too-large' : status === 400 || status === 415 ? 'malformed' : status === 422 ? 'shape' : status === 404 ? 'not-found' : 'internal';
    metrics.rejected.inc({ reason });
    if (status >= 500) app.log.error({ err, method: req.method, url: req.url }, 'request failed');
    return reply.code(status).send({ error: message });
  });

  /** Admit, score, release; a 429 with Retry-After when over --max-inflight. */
  let lastUnroutedWarning = 0;
  async function admitAndScore(planned: Planned[], reply: FastifyReply): Promise<Scored[] | undefined> {
    if (planned.length > maxItems) throw new HttpError(413, `${planned.length} samples in one request; at most ${maxItems} (--max-items), or send them as NDJSON`);
    if (planned.length > 0 && planned.every((p) => 'error' in p) && Date.now() - lastUnroutedWarning > 10_000) {
      // Every sample of a request failing to plan is most often a set-up mistake (no routing, a
      // preset whose fields the data lacks): trainers read only the zeros, so say it here.
      lastUnroutedWarning = Date.now();
      app.log.warn(`every sample of a request was refused before scoring, e.g. "${(planned[0] as { error: string }).error}" (check --verifier/--preset and the labels)`);
    }
    if (draining) {
      metrics.rejected.inc({ reason: 'draining' });
      void reply.code(503).header('retry-after', '1').send({ error: 'server is draining' });
      return undefined;
    }
    if (!admission.tryAcquire(planned.length)) {
      metrics.rejected.inc({ reason: 'overloaded' });
      void reply.code(429).header('retry-after', '1').send({ error: `over --max-inflight (${admission.inflight} samples in flight)` });
      return undefined;
    }
    try {
      return await scorePlanned(planned, submit, metrics);
    } finally {
      admission.release(planned.length);
    }
  }

  app.get('/healthz', async () => ({ status: 'ok' }));
  app.get('/readyz', async (_req, reply) => {
    if (draining) return reply.code(503).send({ status: 'draining' });
    if (!ready) return reply.code(503).send({ status: 'warming' });
    return { status: 'ready' };
  });
  app.get('/metrics', async (_req, reply) => {
    reply.type(metrics.registry.contentType);
    return metrics.registry.metrics();
  });
  app.get('/v1/verifiers', async () => ({
    verifiers: verifierNames().map((name) => ({ name, timeoutMs: getVerifierEntry(name)!.timeoutMs })),
    presets: bundledPresets(),
    nemo_gym_domains: Object.keys(NEMO_DOMAINS),
    server: { verifier: o.verifier ?? null, preset: o.preset?.name ?? null },
  }));

  app.post('/v1/score', async (req: FastifyRequest, reply) => {
    if (req.body instanceof Readable) {
      const q = isObject(req.query) ? req.query : {};
      const header = nativeHeader(q.options !== undefined ? { ...q, options: parseQueryOptions(q.options) } : q, levels, resolvePreset, caps);
      if (draining || admission.inflight >= (o.maxInflight ?? 4096)) {
        metrics.rejected.inc({ reason: draining ? 'draining' : 'overloaded' });
        return reply.code(draining ? 503 : 429).header('retry-after', '1').send({ error: draining ? 'server is draining' : 'over --max-inflight' });
      }
      const lines = scoreNdjson(req.body, { header, admission, score: (p) => scorePlanned(p, submit, metrics), maxLineBytes: Math.min(bodyLimit, 16 * 2 ** 20), draining: () => draining });
      streams += 1;
      const counted = (async function* () {
        try {
          yield* lines;
        } finally {
          streams -= 1;
        }
      })();
      return reply.type('application/x-ndjson').send(Readable.from(counted));
    }
    const body = requireObjectBody(req.body);
    const header = nativeHeader(body, levels, resolvePreset, caps);
    const items = nativeItems(body);
    if (items.length > maxItems) throw new HttpError(413, `${items.length} items in one request; at most ${maxItems} (--max-items), or send them as NDJSON`);
    const scored = await admitAndScore(items.map((it) => planItem(it, header)), reply);
    if (!scored) return reply;
    return { verdicts: items.map((it, i) => nativeVerdict(it, scored[i]!)) };
  });

  app.post('/get_reward', async (req, reply) => {
    const body = requireObjectBody(req.body);
    if (Array.isArray(body.query) && body.query.length > maxItems) throw new HttpError(413, `${body.query.length} queries in one request; at most ${maxItems} (--max-items)`);
    const planned = planOpenrlhf(body, levels, caps);
    if (planned.length === 0) return openrlhfResponse([]);
    const scored = await admitAndScore(planned, reply);
    return scored ? openrlhfResponse(scored) : reply;
  });

  app.post('/v1/reward', async (req, reply) => {
    const scored = await admitAndScore([planSlime(requireObjectBody(req.body), levels, caps)], reply);
    return scored ? slimeResponse(scored[0]!) : reply;
  });

  const nemo = async (req: FastifyRequest, reply: FastifyReply, domain: NemoDomain | undefined): Promise<unknown> => {
    const body = requireObjectBody(req.body);
    const d = domain ?? domainOfVerifier(o.verifier) ?? inferDomain(body);
    const scored = await admitAndScore([planNemo(body, d)], reply);
    return scored ? nemoResponse(body, d, scored[0]!) : reply;
  };
  app.post('/verify', (req, reply) => nemo(req, reply, undefined));
  app.post<{ Params: { domain: string } }>('/:domain/verify', (req, reply) => {
    const domain = req.params.domain;
    if (!(domain in NEMO_DOMAINS)) throw new HttpError(404, `unknown domain "${domain}" (known: ${Object.keys(NEMO_DOMAINS).join(', ')})`);
    return nemo(req, reply, domain as NemoDomain);
  });
  app.post('/seed_session', async () => ({}));
  app.post('/:domain/seed_session', async () => ({}));
  app.post('/aggregate_metrics', async (req) => aggregateMetrics(requireObjectBody(req.body)));
  app.post('/:domain/aggregate_metrics', async (req) => aggregateMetrics(requireObjectBody(req.body)));

  const warmNames = o.warm ?? (routedVerifiers(o).length ? routedVerifiers(o) : ['math', 'mcq', 'ifeval']);
  const warmed = (async () => {
    for (const name of warmNames.filter((n) => n !== 'code' && n !== 'similarity')) {
      const s = warmSample(name);
      await verifyBatch(name, Array.from({ length: 8 }, () => s), batch);
    }
    ready = true;
  })();
  warmed.catch((err: Error) => app.log.error(`warm-up failed: ${err.message}`));

  return {
    app,
    metrics,
    warmed,
    async drain() {
      // Keep listening until the admitted samples are answered, so load balancers and probes see
      // 503 on /readyz (and new work gets 503 + Retry-After) rather than refused connections.
      draining = true;
      bodies.abortReceiving();
      while (admission.inflight > 0 || streams > 0) await new Promise((r) => setTimeout(r, 25));
      await app.close();
    },
  };
}

/**
 * Why the server cannot serve `preset`: its reward shaping (overlong penalties, per-reason
 * rewards) and group combinators work on a whole batch and are not applied per request here,
 * so serving it would pay unshaped rewards (dapo-math paid 1 where rewards score pays 0 and 0.5).
 */
function unshaped(preset: Preset): string | undefined {
  if (!preset.shaping && !preset.combine) return undefined;
  return `preset "${preset.name}" shapes or combines rewards over a batch (${preset.shaping ? 'shaping' : 'combine'}), which rewards serve does not apply yet: score with rewards score, or serve a preset without it`;
}

function parseQueryOptions(v: unknown): unknown {
  if (typeof v !== 'string') return v;
  try {
    return JSON.parse(v) as unknown;
  } catch {
    throw new HttpError(400, 'query "options" must be a JSON object');
  }
}
