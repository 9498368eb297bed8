/**
 * Limits on request bodies while they are being received (before any handler runs): a client
 * that sends a body slowly, or holds many bodies part-sent, costs the server memory and sockets
 * for nothing (80 connections each 60 MB into a 64 MB body held 5 GB; one byte every 20 s kept a
 * request open for good). So:
 * - a JSON body must arrive within `timeoutMs` of the request's start (else the connection is closed);
 * - the bodies being received at once may add up to at most 4 x the body limit (counted from
 *   Content-Length, or the whole limit when it is unknown); past that, 503 + Retry-After.
 * NDJSON streams are exempt: they are read window by window under back-pressure, for as long as
 * they last.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ServerMetrics } from './metrics.js';

const RESERVED = Symbol('reserved body bytes');
/** Bodies up to this size are never refused for the budget. */
const SMALL_BODY = 1 << 20;
const STARTED = Symbol('body started');

type Guarded = FastifyRequest & { [RESERVED]?: number; [STARTED]?: number };

function isStream(req: FastifyRequest): boolean {
  return (req.headers['content-type'] ?? '').toLowerCase().startsWith('application/x-ndjson');
}

/** Install the hooks on `app`. */
export function guardBodies(app: FastifyInstance, bodyLimit: number, timeoutMs: number, metrics: ServerMetrics): { abortReceiving(): void } {
  const budget = 4 * bodyLimit;
  let receiving = 0;
  const receivingNow = new Set<Guarded>();
  // One sweep a second over the bodies still arriving (a timer per request cost ~15% of a small
  // request's time).
  let sweeper: NodeJS.Timeout | undefined;
  const sweep = (): void => {
    const now = Date.now();
    for (const req of receivingNow) {
      if (now - (req[STARTED] ?? now) > timeoutMs) {
        metrics.rejected.inc({ reason: 'timeout' });
        done(req);
        req.raw.socket?.destroy();
      }
    }
    if (receivingNow.size === 0 && sweeper) {
      clearInterval(sweeper);
      sweeper = undefined;
    }
  };
  const done = (req: Guarded): void => {
    receivingNow.delete(req);
    const n = req[RESERVED];
    if (n) receiving -= n;
    req[RESERVED] = 0;
  };
  app.addHook('onRequest', (req: Guarded, reply, next) => {
    if (req.method !== 'POST' && req.method !== 'PUT') return next();
    if (isStream(req)) return next();
    const declared = Number(req.headers['content-length']);
    const bytes = Number.isFinite(declared) && declared >= 0 ? Math.min(declared, bodyLimit) : bodyLimit;
    // A small body always gets in (four sockets that each declared 64 MB and sent one byte locked
    // every client out until the timeout).
    if (bytes > SMALL_BODY && receiving > 0 && receiving + bytes > budget) {
      metrics.rejected.inc({ reason: 'overloaded' });
      void reply.code(503).header('retry-after', '1').send({ error: `too many request bodies being received at once (${receiving} bytes)` });
      return;
    }
    receiving += bytes;
    req[RESERVED] = bytes;
    receivingNow.add(req);
    if (timeoutMs > 0) {
      req[STARTED] = Date.now();
      if (!sweeper) {
        sweeper = setInterval(sweep, Math.min(1000, timeoutMs));
        sweeper.unref();
      }
    }
    next();
  });
  // The body is in (parsed) once the handler is about to run; a request that ends any other way
  // (aborted, refused by the parser, answered early) gives its reservation back too.
  app.addHook('preHandler', (req: Guarded, _reply, next) => {
    done(req);
    next();
  });
  app.addHook('onResponse', (req: Guarded, _reply, next) => {
    done(req);
    next();
  });
  app.addHook('onRequestAbort', (req: Guarded, next) => {
    done(req);
    next();
  });
  return {
    /** Drop the connections of bodies still arriving (on drain: they were never admitted). */
    abortReceiving() {
      for (const req of [...receivingNow]) {
        done(req);
        req.raw.socket?.destroy();
      }
    },
  };
}
