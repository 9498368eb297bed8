/**
 * `rewards blend FILE... --ratio gpr=2,math=1 | --blend PRESET | --weights-from scores.json`:
 * the CrossThink data blend as a command. Deterministic for a seed; two streaming passes.
 */
import { Command, InvalidArgumentError, Option } from 'commander';
import { BLEND_PRESETS, parseRatio, weightsFromScores, type Weights } from '../blend/ratio.js';
import { runBlend, type BlendSummary } from '../blend/run.js';
import { formatBlendTable } from '../blend/table.js';

const nonNegInt = (name: string) => (v: string): number => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError(`${name} must be a non-negative integer`);
  return n;
};

/** How many bad lines are printed on stderr before the rest are only counted. */
export const BAD_LINES_SHOWN = 20;

/** A reporter of bad lines on stderr: `rewards <cmd>: FILE:LINE: reason`, the first few in full. */
export function badLinePrinter(cmd: string, quiet: boolean | undefined): (file: string, line: number, reason: string) => void {
  let n = 0;
  return (file, line, reason) => {
    n += 1;
    if (quiet) return;
    if (n <= BAD_LINES_SHOWN) process.stderr.write(`rewards ${cmd}: ${file}:${line}: ${reason}\n`);
    else if (n === BAD_LINES_SHOWN + 1) process.stderr.write(`rewards ${cmd}: more bad lines follow (counted in the summary; --rejects FILE keeps them all)\n`);
  };
}

/** Register `rewards blend` on `program`. */
export function registerBlend(program: Command): void {
  program
    .command('blend')
    .description('blend dataset records by class at a ratio (CrossThink data blends); achieved proportions on stderr')
    .argument('<files...>', 'input JSONL datasets (read twice: files, not stdin)')
    .option('--ratio <class=w,...>', 'weights by class, e.g. gpr=2,math=1 (keys *, other, gpr take every class not named)')
    .addOption(new Option('--blend <preset>', 'a CrossThink blend: gpr-up (general-purpose reasoning : math = 2:1), mr-up (math : GPR = 2:1), mcq-up (MCQ : open-ended = 2:1), open-up (open-ended : MCQ = 2:1), natural').choices(Object.keys(BLEND_PRESETS)))
    .option('--weights-from <file>', 'B_score: weights from a JSON file {class: score} (each source\'s standalone score)')
    .option('--by <field>', 'what a class is: domain, kind, data_source or any field (default domain, or the preset\'s)')
    .option('--total <n>', 'records to write (default: the largest blend the data holds at the ratio without repeats)', nonNegInt('--total'))
    .option('--seed <n>', 'seed of the selection (same seed and input, same output)', nonNegInt('--seed'), 0)
    .option('--cap', 'when a class has too few records for the ratio at --total: take all it has (smaller blend, off the ratio)')
    .option('--upsample', 'when a class has too few records for the ratio at --total: repeat its records')
    .option('--out <file>', 'blended records (default stdout)')
    .option('--rejects <file>', 'bad lines as {file, line, reject_reason}')
    .option('-q, --quiet', 'no progress, no table')
    .action(async (files: string[], o) => {
      const given = [o.ratio, o.blend, o.weightsFrom].filter((x) => x !== undefined).length;
      if (given !== 1) throw new InvalidArgumentError('give exactly one of --ratio, --blend and --weights-from');
      if (o.cap && o.upsample) throw new InvalidArgumentError('give --cap or --upsample, not both');
      let weights: Weights | undefined;
      let by: string = o.by ?? 'domain';
      let ratioText: string;
      if (o.ratio) {
        weights = parseRatio(o.ratio);
        ratioText = `--ratio ${o.ratio}`;
      } else if (o.blend) {
        const p = BLEND_PRESETS[o.blend as string]!;
        weights = p.weights;
        by = o.by ?? p.by;
        ratioText = `--blend ${p.name}`;
      } else {
        weights = weightsFromScores(o.weightsFrom);
        ratioText = `--weights-from ${o.weightsFrom}`;
      }
      const s = await runBlend(files, {
        by,
        weights,
        ratioText,
        total: o.total,
        seed: o.seed,
        shortfall: o.cap ? 'cap' : o.upsample ? 'upsample' : 'error',
        out: o.out,
        rejects: o.rejects,
        quiet: o.quiet,
        onBadLine: badLinePrinter('blend', o.quiet),
      });
      reportBlend(s, o.quiet);
      process.exitCode = s.badLines > 0 ? 2 : 0;
    });
}

function reportBlend(s: BlendSummary, quiet: boolean | undefined): void {
  for (const p of s.plan) {
    // Said even with --quiet: a blend off its ratio is never silent.
    if (p.status === 'capped') process.stderr.write(`rewards blend: warning: "${p.key}" capped at ${p.available} records (the ratio asks for ${p.target})\n`);
    if (p.status === 'upsampled') process.stderr.write(`rewards blend: warning: "${p.key}" upsampled: ${p.take} records from ${p.available}\n`);
  }
  if (!quiet) process.stderr.write(formatBlendTable(s) + '\n');
}
