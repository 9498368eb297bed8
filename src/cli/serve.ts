/**
 * `rewards serve`: start the reward server, wait for the pool to warm, and drain on SIGTERM or
 * SIGINT (readyz 503, finish in-flight samples, exit 0; a second signal, or the longest per-sample
 * limit passing, forces the exit).
 */
import { configurePool, closePool } from '../core/pool.js';
import { getVerifierEntry, verifierNames } from '../core/registry.js';
import { loadPreset } from '../presets/preset.js';
import { buildServer } from '../server/app.js';
import { parseOptionCaps } from '../server/client-options.js';

/** Options of the serve command (as parsed by commander). */
export interface ServeCommandOptions {
  host: string;
  port: number;
  verifier?: string;
  preset?: string;
  token?: string;
  maxInflight: number;
  bodyLimit: number;
  timeout?: number;
  threads?: number;
  logLevel: string;
  maxItems?: number;
  maxConnections?: number;
  requestTimeout?: number;
  optionCaps?: string;
  codeThreads?: number;
}

/** Run the server until a signal drains it. Resolves after the drain (exit code 0). */
export async function runServeCommand(o: ServeCommandOptions): Promise<void> {
  if (o.verifier && !getVerifierEntry(o.verifier)) throw new Error(`unknown verifier "${o.verifier}" (known: ${verifierNames().join(', ')})`);
  if (o.threads) await configurePool({ threads: o.threads });
  const preset = o.preset ? loadPreset(o.preset) : undefined;
  const token = o.token ?? process.env.REWARDS_TOKEN;
  const server = buildServer({
    ...(o.verifier && { verifier: o.verifier }),
    ...(preset && { preset }),
    ...(token !== undefined && { token }),
    maxInflight: o.maxInflight,
    bodyLimit: o.bodyLimit,
    ...(o.timeout !== undefined && { timeoutMs: o.timeout }),
    logLevel: o.logLevel,
    ...(o.maxItems !== undefined && { maxItems: o.maxItems }),
    ...(o.maxConnections !== undefined && { maxConnections: o.maxConnections }),
    ...(o.requestTimeout !== undefined && { requestTimeoutMs: o.requestTimeout }),
    ...(o.optionCaps !== undefined && { optionCaps: parseOptionCaps(o.optionCaps) }),
    ...(o.codeThreads !== undefined && { codeThreads: o.codeThreads }),
  });
  const address = await server.app.listen({ host: o.host, port: o.port });
  server.app.log.info(`rewards serve listening on ${address} (verifier ${o.verifier ?? '-'}, preset ${preset?.name ?? '-'}, auth ${token ? 'on' : 'off'})`);
  await new Promise<void>((resolve) => {
    let draining = false;
    const onSignal = (sig: NodeJS.Signals): void => {
      if (draining) {
        server.app.log.warn(`${sig} again: exiting without finishing in-flight samples`);
        process.exit(1);
      }
      draining = true;
      const longest = Math.max(o.timeout ?? 0, ...verifierNames().map((n) => getVerifierEntry(n)!.timeoutMs));
      server.app.log.info(`${sig}: draining (up to ${longest} ms)`);
      setTimeout(() => {
        server.app.log.error('drain did not finish within the longest per-sample limit; exiting');
        process.exit(1);
      }, longest + 5_000).unref();
      server
        .drain()
        .then(() => closePool())
        .then(resolve, (err: Error) => {
          server.app.log.error(`drain failed: ${err.message}`);
          process.exit(1);
        });
    };
    process.on('SIGTERM', onSignal);
    process.on('SIGINT', onSignal);
  });
}
