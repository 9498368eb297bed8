/**
 * The `rewards` command line: score, filter, render, convert, list, serve.
 * Exit codes: 0 done; 1 bad usage or a fatal error; 2 done, but some lines had errors
 * (score) or were malformed (filter --strict).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { Command, InvalidArgumentError, Option } from 'commander';
import { configurePool, closePool } from '../core/pool.js';
import { getVerifierEntry, verifierNames } from '../core/registry.js';
import { FILTERS } from '../filters/index.js';
import { loadPreset, PRESETS_DIR } from '../presets/preset.js';
import { loadTemplate, templateNames } from '../templates/template.js';
import { formatFilterSummary, runFilterCommand } from './filter.js';
import { formatRenderSummary, runConvertCommand, runRenderCommand } from './render.js';
import { formatScoreSummary, runScoreCommand } from './score.js';
import { registerBlend } from './blend.js';
import { registerExport } from './export.js';
import { runServeCommand } from './serve.js';
import { createGroupCollector, formatGroupSummary } from './groups.js';

const positiveInt = (name: string) => (v: string): number => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError(`${name} must be a non-negative integer`);
  return n;
};
const number01 = (name: string) => (v: string): number => {
  const n = Number(v);
  if (!Number.isFinite(n) || n < 0 || n > 1) throw new InvalidArgumentError(`${name} must be a number in [0, 1]`);
  return n;
};
const keyValue = (v: string, acc: Record<string, unknown>): Record<string, unknown> => {
  const eq = v.indexOf('=');
  if (eq <= 0) throw new InvalidArgumentError(`--option takes key=value, got "${v}"`);
  const raw = v.slice(eq + 1);
  let value: unknown = raw;
  try {
    value = JSON.parse(raw);
  } catch {
    // a plain string
  }
  return { ...acc, [v.slice(0, eq)]: value };
};
const list = (v: string): string[] => v.split(',').map((x) => x.trim()).filter(Boolean);

/** This package's version, read from its package.json (dist/cli/ and src/cli/ are both two levels down). */
export function packageVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

/**
 * Check a command's input before reading it: a directory or a missing file is named in the error
 * (Node's own EISDIR / ENOENT messages leave the path out); for `-` on a terminal, say on stderr that
 * input is expected on stdin, so that a command given no file does not sit waiting in silence.
 */
export function checkInput(file: string, stdin: { isTTY?: boolean } = process.stdin): void {
  if (file === '-') {
    if (stdin.isTTY) process.stderr.write('rewards: reading JSONL from stdin (no file given); end with Ctrl-D, or pass a file name\n');
    return;
  }
  let isDir: boolean;
  try {
    isDir = statSync(file).isDirectory();
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new Error(code === 'ENOENT' ? `cannot read ${file}: no such file` : `cannot read ${file}: ${(err as Error).message}`);
  }
  if (isDir) throw new Error(`${file} is a directory; give a JSONL file (or - for stdin)`);
}

/** Build the `rewards` program (exported for tests). */
export function buildProgram(): Command {
  const program = new Command('rewards')
    .description('Verifiable reward functions for RL of language models: score responses, filter and render datasets.')
    .version(packageVersion(), '-V, --version', 'print the version and exit')
    .showHelpAfterError()
    .configureOutput({ outputError: (s, write) => write(`rewards: ${s}`) });

  program
    .command('score')
    .description('score responses: JSONL {id?, response, reference, options?} in, one verdict per line out, same order')
    .argument('[file]', 'input JSONL file, or - for stdin', '-')
    .option('-v, --verifier <name>', `verifier for every line (${verifierNames().join(', ')})`)
    .option('-p, --preset <name|file>', 'a preset from rewards/ (by name or path) that routes lines to verifiers')
    .addOption(new Option('-m, --mode <mode>', 'verifier mode (IFEval: strict or loose)').choices(['strict', 'loose']))
    .option('--format <template>', 'format gate: every response must follow this template\'s answer format')
    .option('--format-gate', 'format gate from each line\'s "format" field (as rewards render writes it)')
    .option('-o, --option <key=value>', 'a verifier option (repeatable; the value is parsed as JSON when it can be)', keyValue, {})
    .option('--out <file>', 'output JSONL (default stdout)')
    .option('--timeout <ms>', 'per-sample time limit in ms (default: the verifier\'s)', positiveInt('--timeout'))
    .option('--threads <n>', 'worker threads (default: all cores; 0 runs in this thread without hard time limits)', positiveInt('--threads'))
    .option('-q, --quiet', 'no progress and no summary on stderr')
    .option('--group-by <field>', 'GRPO group key field (group, uid, prompt_id): print the group distribution and a histogram of group means')
    .option('--resume', 'continue an interrupted run after the lines already in --out (appends)')
    .action(async (file: string, o) => {
      checkInput(file);
      if (o.verifier && o.preset) throw new InvalidArgumentError('give --verifier or --preset, not both');
      if (o.verifier && !getVerifierEntry(o.verifier)) {
        throw new InvalidArgumentError(`unknown verifier "${o.verifier}" (known: ${verifierNames().join(', ')})`);
      }
      if (o.threads) await configurePool({ threads: o.threads });
      const preset = o.preset ? loadPreset(o.preset) : undefined;
      if (preset?.combine && !o.quiet) {
        process.stderr.write(
          `rewards: preset "${preset.name}" combines over GRPO groups: lines get the gate verifier's score; ` +
            'the gated reward needs the whole batch (shapeBatch() in the API)\n',
        );
      }
      if (o.format) loadTemplate(o.format);
      const groups = o.groupBy ? createGroupCollector(o.groupBy) : undefined;
      const s = await runScoreCommand(file, {
        verifier: o.verifier,
        preset,
        mode: o.mode,
        format: o.format,
        formatGate: o.formatGate,
        options: o.option,
        out: o.out,
        timeoutMs: o.timeout,
        threads: o.threads,
        quiet: o.quiet,
        groups,
        resume: o.resume,
      });
      if (!o.quiet) process.stderr.write(formatScoreSummary(s) + '\n');
      if (groups && !o.quiet) process.stderr.write(formatGroupSummary(groups) + '\n');
      process.exitCode = s.errors > 0 ? 2 : 0;
    });

  program
    .command('filter')
    .description('keep the records whose answers can be verified (CrossThink filters); table of reasons on stderr')
    .argument('<file>', 'input JSONL dataset, or - for stdin')
    .option('--out <file>', 'kept records (default stdout)')
    .option('--rejects <file>', 'rejected records with "line" and "reject_reason"')
    .option('--max-answer-words <n>', 'longest open-ended answer kept, in words', positiveInt('--max-answer-words'), 10)
    .option('--difficulty-field <field>', 'drop records a small model already solves, read from this field (e.g. pass_rate)')
    .option('--max-pass-rate <x>', 'with --difficulty-field: drop records whose field is >= x', number01('--max-pass-rate'), 1)
    .option('--letters <letters>', 'valid MCQ option letters', 'ABCDEFGHIJ')
    .option('--skip <filters>', `filters to skip, comma-separated (${FILTERS.map((f) => f.name).join(', ')})`, list, [])
    .option('--dedup <threshold>', 'drop questions whose cosine with an earlier kept question is >= threshold (near-duplicate filter)', number01('--dedup'))
    .addOption(new Option('--embedder <name>', 'with --dedup: question embedder').choices(['use', 'onnx']).default('use'))
    .option('--model-dir <dir>', 'with --embedder onnx: a local Hugging Face model directory')
    .addOption(new Option('--backend <name>', 'with --dedup: similarity backend').choices(['auto', 'cpu', 'webgpu']).default('auto'))
    .option('--timeout <ms>', 'per-record time limit of the verifying filters', positiveInt('--timeout'))
    .option('--threads <n>', 'worker threads for the verifying filters', positiveInt('--threads'))
    .option('--window <n>', 'records judged together (default 1024)', positiveInt('--window'))
    .option('--strict', 'exit with code 2 when a line is not valid JSON')
    .option('-q, --quiet', 'no progress and no summary on stderr')
    .option('--resume', 'continue an interrupted run after the last line in --out / --rejects (appends)')
    .action(async (file: string, o) => {
      checkInput(file);
      if (o.threads) await configurePool({ threads: o.threads });
      const s = await runFilterCommand(file, {
        out: o.out,
        rejects: o.rejects,
        maxAnswerWords: o.maxAnswerWords,
        difficultyField: o.difficultyField,
        maxPassRate: o.maxPassRate,
        letters: o.letters.toUpperCase(),
        skip: o.skip,
        timeoutMs: o.timeout,
        window: o.window,
        quiet: o.quiet,
        resume: o.resume,
        ...(o.dedup !== undefined && { dedup: o.dedup, embedder: o.embedder, backend: o.backend }),
        ...(o.modelDir !== undefined && { modelDir: o.modelDir }),
      });
      if (!o.quiet) process.stderr.write(formatFilterSummary(s, !!o.rejects) + '\n');
      const malformed = (s.byReason['invalid-json'] ?? 0) + (s.byReason['empty-line'] ?? 0) + (s.byReason['not-an-object'] ?? 0);
      process.exitCode = o.strict && malformed > 0 ? 2 : 0;
    });

  program
    .command('render')
    .description('render records into prompts with a template; each output line carries verifier, reference and format')
    .argument('<file>', 'input JSONL dataset, or - for stdin')
    .requiredOption('-t, --template <name|file>', `template (${templateNames().join(', ')}) or a path to a template file`)
    .option('--out <file>', 'output JSONL (default stdout)')
    .option('--rejects <file>', 'records that cannot be rendered (default: error lines in the output)')
    .option('-q, --quiet', 'no progress and no summary on stderr')
    .action(async (file: string, o) => {
      checkInput(file);
      const s = await runRenderCommand(file, o.template, { out: o.out, rejects: o.rejects, quiet: o.quiet });
      if (!o.quiet) process.stderr.write(formatRenderSummary('render', s) + '\n');
      process.exitCode = s.errors > 0 && !o.rejects ? 2 : 0;
    });

  program
    .command('convert')
    .description('convert MCQ records to open-ended ones (the gold option text becomes the answer); option-dependent questions are dropped')
    .argument('<file>', 'input JSONL dataset, or - for stdin')
    .addOption(new Option('--to <kind>', 'target format').choices(['open-ended']).default('open-ended'))
    .option('--out <file>', 'output JSONL (default stdout)')
    .option('--rejects <file>', 'records that cannot be converted, with reject_reason (default: error lines in the output)')
    .option('-q, --quiet', 'no progress and no summary on stderr')
    .action(async (file: string, o) => {
      checkInput(file);
      const s = await runConvertCommand(file, { out: o.out, rejects: o.rejects, quiet: o.quiet });
      if (!o.quiet) process.stderr.write(formatRenderSummary('convert', s) + '\n');
    });

  program
    .command('list')
    .description('list the verifiers, templates, presets and filters')
    .action(() => {
      const presets = readdirSync(PRESETS_DIR).filter((f) => f.endsWith('.json') && !f.includes('schema')).map((f) => f.slice(0, -5));
      console.log(`verifiers: ${verifierNames().join(', ')}`);
      console.log(`templates: ${templateNames().join(', ')}`);
      console.log(`presets:   ${presets.join(', ')}`);
      console.log(`filters:   ${FILTERS.map((f) => f.name).join(', ')}`);
    });
  registerBlend(program);
  registerExport(program);
  program
    .command('serve')
    .description('serve rewards over HTTP for trainers: native /v1/score, OpenRLHF /get_reward, slime /v1/reward, NeMo-Gym /verify')
    .option('--host <host>', 'address to bind', '127.0.0.1')
    .option('--port <n>', 'port to listen on', positiveInt('--port'), 8000)
    .option('-v, --verifier <name>', `verifier for samples nothing else routes (${verifierNames().join(', ')})`)
    .option('-p, --preset <name|file>', 'a preset that routes samples by data_source/domain/kind (e.g. mixed)')
    .option('--token <token>', 'require Authorization: Bearer <token> (default: $REWARDS_TOKEN; health and ready stay open)')
    .option('--max-inflight <n>', 'samples in flight before requests get 429 + Retry-After', positiveInt('--max-inflight'), 4096)
    .option('--body-limit <bytes>', 'largest JSON body (413 above it)', positiveInt('--body-limit'), 64 * 1024 * 1024)
    .option('--timeout <ms>', 'per-sample time limit in ms (default: the verifier\'s)', positiveInt('--timeout'))
    .option('--max-items <n>', 'most samples in one JSON request (413 above it; NDJSON streams are not limited)', positiveInt('--max-items'), 100_000)
    .option('--max-connections <n>', 'most open connections (more are refused)', positiveInt('--max-connections'), 1024)
    .option('--request-timeout <ms>', 'most ms to receive a whole JSON request body (0: no limit)', positiveInt('--request-timeout'), 300_000)
    .option('--option-caps <json>', 'the most a request\'s options may ask for, e.g. \'{"timeLimitMs":20000,"memoryLimitMb":2048}\' (default: 10 s, 1 GiB, 8 processes, 16 MiB output, the verifiers\' response caps)')
    .option('--threads <n>', 'worker threads (default: all cores)', positiveInt('--threads'))
    .option('--code-threads <n>', 'worker threads of the code verifier\'s own pool (default: all cores)', positiveInt('--code-threads'))
    .option('--log-level <level>', 'pino log level (fatal, error, warn, info, debug, silent)', 'info')
    .action(async (o) => {
      await runServeCommand(o);
    });
  return program;
}

/** Run the CLI with `argv` (default the process's). */
export async function main(argv = process.argv): Promise<void> {
  try {
    await buildProgram().parseAsync(argv);
  } catch (err) {
    process.stderr.write(`rewards: ${(err as Error).message}\n`);
    process.exitCode = 1;
  } finally {
    await closePool();
  }
}
