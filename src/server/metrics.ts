/**
 * Prometheus metrics of one server (its own prom-client registry, so several servers in one
 * process, as in tests, do not share counters): items by verifier and outcome, verification time,
 * items in flight, rejected requests, build info, and prom-client's process and event-loop defaults.
 */
import { createRequire } from 'node:module';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { VerdictOutcome } from '../core/verdict.js';

/** The metrics a server updates. */
export interface ServerMetrics {
  registry: Registry;
  items: Counter<'verifier' | 'outcome'>;
  duration: Histogram<'verifier'>;
  inflight: Gauge;
  rejected: Counter<'reason'>;
  /** Count one verdict of `verifier` with its outcome, and (when given) a request's verification time. */
  observe(verifier: string, outcome: VerdictOutcome, seconds?: number): void;
  /** Read by the in-flight gauge at each scrape (set by the server's admission counter). */
  inflightSource?: () => number;
}

const version = (createRequire(import.meta.url)('../../package.json') as { version: string }).version;

/** Buckets from 1 ms to 120 s (the code verifier's default per-sample limit). */
export const DURATION_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120];

/** Create the metrics of one server, with default process metrics registered. */
export function createMetrics(): ServerMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const items = new Counter({ name: 'rewards_items_total', help: 'Samples verified, by verifier and outcome (pass, fail, error).', labelNames: ['verifier', 'outcome'] as const, registers: [registry] });
  const duration = new Histogram({
    name: 'rewards_verify_duration_seconds',
    help: 'Time to verify a batch of samples of one verifier (a single-sample request is a batch of one).',
    labelNames: ['verifier'] as const,
    buckets: DURATION_BUCKETS,
    registers: [registry],
  });
  // Read at scrape time rather than set on every admission and release (off the request path).
  const inflight = new Gauge({
    name: 'rewards_inflight_items',
    help: 'Samples admitted and not yet answered.',
    registers: [registry],
    collect() {
      if (out.inflightSource) this.set(out.inflightSource());
    },
  });
  const rejected = new Counter({ name: 'rewards_rejected_total', help: 'Requests rejected, by reason (overloaded, unauthorized, draining, too-large, malformed, shape).', labelNames: ['reason'] as const, registers: [registry] });
  const build = new Gauge({ name: 'rewards_build_info', help: 'Build information (value is always 1).', labelNames: ['version', 'node'] as const, registers: [registry] });
  build.set({ version, node: process.version }, 1);
  // Label children are looked up once per label set: prom-client hashes the labels on every call otherwise.
  const counters = new Map<string, { inc(): void }>();
  const timers = new Map<string, { observe(v: number): void }>();
  const out: ServerMetrics = {
    registry,
    items,
    duration,
    inflight,
    rejected,
    observe(verifier, outcome, seconds) {
      const key = `${verifier}\0${outcome}`;
      let c = counters.get(key);
      if (!c) counters.set(key, (c = items.labels(verifier, outcome)));
      c.inc();
      if (seconds === undefined) return;
      let t = timers.get(verifier);
      if (!t) timers.set(verifier, (t = duration.labels(verifier)));
      t.observe(seconds);
    },
  };
  return out;
}

/** The package version, as reported in `rewards_build_info`. */
export const PACKAGE_VERSION = version;
