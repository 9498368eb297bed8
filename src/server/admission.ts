/**
 * Back-pressure: a count of samples admitted and not yet answered, bounded by `--max-inflight`.
 * A request that would pass the bound is refused (429 + Retry-After) instead of queued; a batch
 * larger than the bound is admitted only when nothing else is in flight, so it is never starved.
 * Streams (NDJSON) wait for room window by window, one window per stream, so nothing queues
 * without bound.
 */

/** The admission counter of one server. */
export interface Admission {
  /** Samples in flight now. */
  readonly inflight: number;
  /** Admit `n` samples now, or return false. */
  tryAcquire(n: number): boolean;
  /** Admit `n` samples when there is room. */
  acquire(n: number): Promise<void>;
  /** Release `n` samples. */
  release(n: number): void;
}

/** Create an admission counter with room for `max` samples; `onChange` sees each new count. */
export function createAdmission(max: number, onChange: (inflight: number) => void = () => {}): Admission {
  let inflight = 0;
  const waiters: { n: number; resolve: () => void }[] = [];
  const fits = (n: number): boolean => inflight === 0 || inflight + n <= max;
  const take = (n: number): void => {
    inflight += n;
    onChange(inflight);
  };
  return {
    get inflight() {
      return inflight;
    },
    tryAcquire(n) {
      if (waiters.length > 0 || !fits(n)) return false;
      take(n);
      return true;
    },
    acquire(n) {
      if (waiters.length === 0 && fits(n)) {
        take(n);
        return Promise.resolve();
      }
      return new Promise((resolve) => waiters.push({ n, resolve }));
    },
    release(n) {
      inflight -= n;
      onChange(inflight);
      while (waiters.length > 0 && fits(waiters[0]!.n)) {
        const w = waiters.shift()!;
        take(w.n);
        w.resolve();
      }
    },
  };
}
