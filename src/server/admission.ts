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
  /** Admit `n` samples when there is room (resolves false if the server starts draining). */
  acquire(n: number): Promise<boolean>;
  /** Release `n` samples. */
  release(n: number): void;
  /** Refuse waiting streams from now on. */
  close(): void;
}

/** Create an admission counter with room for `max` samples; `onChange` sees each new count. */
export function createAdmission(max: number, onChange: (inflight: number) => void = () => {}): Admission {
  let inflight = 0;
  let closed = false;
  const waiters: { n: number; resolve: (ok: boolean) => void }[] = [];
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
      if (closed || waiters.length > 0 || !fits(n)) return false;
      take(n);
      return true;
    },
    acquire(n) {
      if (closed) return Promise.resolve(false);
      if (waiters.length === 0 && fits(n)) {
        take(n);
        return Promise.resolve(true);
      }
      return new Promise((resolve) => waiters.push({ n, resolve }));
    },
    release(n) {
      inflight -= n;
      onChange(inflight);
      while (waiters.length > 0 && fits(waiters[0]!.n)) {
        const w = waiters.shift()!;
        take(w.n);
        w.resolve(true);
      }
    },
    close() {
      closed = true;
      for (const w of waiters.splice(0)) w.resolve(false);
    },
  };
}
