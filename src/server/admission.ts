/**
 * Back-pressure: a count of samples admitted and not yet answered, bounded by `--max-inflight`.
 * A request that would pass the bound is refused (429 + Retry-After) instead of queued; a batch
 * larger than the bound is admitted only when nothing else is in flight, so it is never starved.
 * Streams (NDJSON) wait for room window by window, one window per stream, so nothing queues
 * without bound; together they may hold at most three quarters of the bound, so single JSON
 * requests always find room (three streams once took 259 of 267 JSON requests to 429).
 */

/** The admission counter of one server. */
export interface Admission {
  /** Samples in flight now. */
  readonly inflight: number;
  /** Admit `n` samples of a JSON request now, or return false. */
  tryAcquire(n: number): boolean;
  /** Admit a stream window of `n` samples when there is room. */
  acquire(n: number): Promise<void>;
  /** Release `n` samples (`stream`: a window admitted by `acquire`). */
  release(n: number, stream?: boolean): void;
}

/** Create an admission counter with room for `max` samples; `onChange` sees each new count. */
export function createAdmission(max: number, onChange: (inflight: number) => void = () => {}): Admission {
  let inflight = 0;
  let streamed = 0;
  const streamCap = Math.max(1, Math.floor((max * 3) / 4));
  const waiters: { n: number; resolve: () => void }[] = [];
  const fits = (n: number): boolean => inflight === 0 || inflight + n <= max;
  const streamFits = (n: number): boolean => fits(n) && (streamed === 0 || streamed + n <= streamCap);
  const take = (n: number): void => {
    inflight += n;
    onChange(inflight);
  };
  return {
    get inflight() {
      return inflight;
    },
    tryAcquire(n) {
      // A waiting stream window keeps its place where it is within the streams' share and this
      // request would take its room.
      const w = waiters[0];
      if (!fits(n) || (w !== undefined && streamed + w.n <= streamCap && inflight + n + w.n > max)) return false;
      take(n);
      return true;
    },
    acquire(n) {
      if (waiters.length === 0 && streamFits(n)) {
        streamed += n;
        take(n);
        return Promise.resolve();
      }
      return new Promise((resolve) => waiters.push({ n, resolve }));
    },
    release(n, stream = false) {
      inflight -= n;
      if (stream) streamed -= n;
      onChange(inflight);
      while (waiters.length > 0 && streamFits(waiters[0]!.n)) {
        const w = waiters.shift()!;
        streamed += w.n;
        take(w.n);
        w.resolve();
      }
    },
  };
}
