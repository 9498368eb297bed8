/**
 * Stopping a CLI run on SIGINT, SIGTERM or SIGHUP (a trainer's `terminate()`): what is complete
 * is flushed, so every output file holds a valid prefix, and the process exits with 128 + the
 * signal's number. Nothing half-written, no orphan work.
 */
import { constants } from 'node:os';

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/** Install the handlers; `flush` writes out what is complete. Returns a function removing them. */
export function stopOnSignals(flush: () => void): () => void {
  const handler = (sig: NodeJS.Signals): void => {
    try {
      flush();
    } finally {
      process.exit(128 + (constants.signals[sig] ?? 15));
    }
  };
  for (const s of SIGNALS) process.on(s, handler);
  return () => {
    for (const s of SIGNALS) process.off(s, handler);
  };
}
