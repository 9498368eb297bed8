/**
 * `rewards export FILE --to verl|openrlhf|trl|nemo-gym`: training sets in the trainers' formats,
 * the prompt rendered with the record's template, `data_source` a route of the `mixed` preset.
 */
import { Command, Option } from 'commander';
import { PARQUET_CODECS, type ParquetCodec } from '../export/parquet.js';
import { EXPORT_FORMATS, formatExportSummary, runExport, type ExportFormat } from '../export/run.js';
import { templateNames } from '../templates/template.js';
import { badLinePrinter } from './blend.js';

const list = (v: string): string[] => v.split(',').map((x) => x.trim()).filter(Boolean);

/** Register `rewards export` on `program`. */
export function registerExport(program: Command): void {
  program
    .command('export')
    .description('export records as a training set for verl (parquet), OpenRLHF, TRL or NeMo-Gym (JSONL)')
    .argument('<file>', 'input JSONL dataset, or - for stdin')
    .addOption(new Option('--to <trainer>', 'trainer format').choices([...EXPORT_FORMATS]).makeOptionMandatory())
    .option('-t, --template <names>', `templates, at most one per record kind, comma-separated (${templateNames().join(', ')}; default: mcq, open-ended, code, ifeval)`, list, [])
    .option('--out <file>', 'output file (default stdout; required for verl parquet)')
    .option('--split <name>', 'verl extra_info.split', 'train')
    .addOption(new Option('--compression <codec>', 'verl: parquet page compression (BROTLI reads in pyarrow, pandas, polars, DuckDB; GZIP for readers without Brotli)').choices([...PARQUET_CODECS]).default('BROTLI'))
    .option('--agent <name>', 'nemo-gym: agent_ref.name of each row')
    .option('--rejects <file>', 'records that cannot be exported, with line and reject_reason')
    .option('-q, --quiet', 'no progress and no summary on stderr')
    .action(async (file: string, o) => {
      const s = await runExport(file, {
        to: o.to as ExportFormat,
        templates: o.template,
        out: o.out,
        split: o.split,
        compression: o.compression as ParquetCodec,
        agent: o.agent,
        rejects: o.rejects,
        quiet: o.quiet,
        onBadLine: badLinePrinter('export', o.quiet),
      });
      if (!o.quiet) process.stderr.write(formatExportSummary(o.to, s) + '\n');
      process.exitCode = s.errors > 0 ? 2 : 0;
    });
}
