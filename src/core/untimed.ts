/**
 * Loading a dependency is never charged to a sample's time budget. A verifier that loads a heavy
 * library on first use (the math verifier's mathjs, ~0.8 s) wraps the load in {@link untimed};
 * inside a pool worker the sample's clock stops while it runs (a separate, generous load limit
 * applies instead, see `PoolOptions.loadTimeoutMs`). Elsewhere it simply runs the function.
 */

/** The clock a pool worker installs: `begin` stops the running sample's clock, `end` restarts it. */
export interface UntimedClock {
  begin(): void;
  end(): void;
}

let clock: UntimedClock | undefined;
let depth = 0;

/** Install the worker's clock (pool workers only). */
export function setUntimedClock(c: UntimedClock | undefined): void {
  clock = c;
}

/**
 * Run `load` (a synchronous dependency load) without charging its time to the running sample.
 *
 * ```ts
 * if (!lib) lib = untimed(() => require('mathjs'));
 * ```
 */
export function untimed<T>(load: () => T): T {
  if (!clock || depth > 0) return load();
  depth += 1;
  clock.begin();
  try {
    return load();
  } finally {
    depth -= 1;
    clock.end();
  }
}
