/** The process-wide worker pool the reward functions use, created on first use. */
import { createPool, type Pool, type PoolOptions } from './pool.js';

let shared: Pool | undefined;
let sharedOptions: PoolOptions = {};

/** The process-wide pool used by the reward functions, created on first use. */
export function getPool(): Pool {
  shared ??= createPool(sharedOptions);
  return shared;
}

/**
 * Configure the shared pool (threads, memory limit). Takes effect for the next batch: a running
 * shared pool is closed and recreated.
 */
export async function configurePool(options: PoolOptions): Promise<void> {
  sharedOptions = { ...options };
  const old = shared;
  shared = undefined;
  await old?.close();
}

/** Close the shared pool (workers are unref'd when idle, so this is only needed for a prompt exit). */
export async function closePool(): Promise<void> {
  const old = shared;
  shared = undefined;
  await old?.close();
}
