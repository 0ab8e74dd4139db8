/**
 * `news-annotator tally <folder>... [--json|--csv] [--by speaker|outlet|month] [--kind direct,mixed,reported]`:
 * who is quoted, counted by the same core module as the dashboard (src/core/tally). Entity corrections are read
 * as `extract` reads them (the current directory and each folder given), entity and speaker corrections alike,
 * so a merged speaker is one row and a corrected speaker counts as corrected.
 */
import { promises as fsp } from 'node:fs';
import type { Command } from 'commander';
import { decodeArticleBytes } from '../../core/text/decode';
import { rowsBy, STATEMENT_KINDS, tally, tallyCsv, tallyJson, type StatementKind, type TallyArticle, type TallyBy, type TallyFilters } from '../../core/tally/index';
import { expandArticlePaths } from '../articlePaths';
import { CliError } from '../cliError';
import { withAnalysisPool } from '../pool';
import { loadCorrections, loadSpeakerCorrections } from './extract';

interface TallyOpts {
  json?: boolean;
  csv?: boolean;
  by: string;
  kind?: string;
  from?: string;
  to?: string;
  outlet?: string[];
}

const BY: readonly TallyBy[] = ['speaker', 'outlet', 'month'];

export function parseKinds(value: string | undefined): StatementKind[] | undefined {
  if (value === undefined) return undefined;
  const kinds = value.split(',').map((k) => k.trim()).filter(Boolean);
  const bad = kinds.filter((k) => !(STATEMENT_KINDS as readonly string[]).includes(k));
  if (bad.length > 0 || kinds.length === 0) throw new CliError(`--kind takes ${STATEMENT_KINDS.join(', ')} (comma-separated), not ${JSON.stringify(value)}`, 2);
  return kinds as StatementKind[];
}

export function register(program: Command): void {
  program
    .command('tally')
    .description('Who is quoted: statements counted by speaker, outlet or month (the numbers of the Quote Dashboard)')
    .argument('<folders...>', 'files or folders of articles (walked recursively)')
    .option('--json', 'print {"articles", "statements", "unattributed", "rows": [{"key", "type", "statements", "direct", "mixed", "reported", "articles", "outlets"}]}')
    .option('--csv', 'print the rows as CSV (RFC 4180)')
    .option('--by <dimension>', 'rows by speaker, outlet or month', 'speaker')
    .option('--kind <kinds>', 'only these kinds of statement: direct,mixed,reported')
    .option('--from <date>', 'only articles dated on or after (yyyy, yyyy-mm or yyyy-mm-dd)')
    .option('--to <date>', 'only articles dated on or before (yyyy, yyyy-mm or yyyy-mm-dd)')
    .option('--outlet <name>', 'only this outlet (repeatable)', (v: string, prev: string[] = []) => [...prev, v])
    .action(async (inputs: string[], opts: TallyOpts) => {
      if (opts.json && opts.csv) throw new CliError('--json and --csv cannot be used together', 2);
      if (!BY.includes(opts.by as TallyBy)) throw new CliError(`--by takes ${BY.join(', ')}, not ${JSON.stringify(opts.by)}`, 2);
      const by = opts.by as TallyBy;
      const kinds = parseKinds(opts.kind);
      const filters: TallyFilters = { ...(kinds ? { kinds } : {}), from: opts.from, to: opts.to, outlets: opts.outlet };
      const { files, errors } = await expandArticlePaths(inputs);
      if (errors.length > 0) throw new CliError(errors.map((e) => `${e.path}: ${e.message}`).join('\n'), 2);
      const folders = ['.'];
      for (const a of inputs) if ((await fsp.stat(a)).isDirectory()) folders.push(a);
      const { corrections, errors: entityErrors } = await loadCorrections(folders);
      const speakers = await loadSpeakerCorrections(folders);
      const corrErrors = [...entityErrors, ...speakers.errors];
      for (const e of corrErrors) process.stderr.write(`news-annotator: ${e.path}: ${e.reason}\n`);
      const pending: Promise<TallyArticle>[] = [];
      let failed = 0;
      const articles = await withAnalysisPool(async (analyzer) => {
        for (const f of [...new Set(files)]) {
          let bytes: Uint8Array;
          try {
            bytes = await fsp.readFile(f);
          } catch (err) {
            failed++;
            process.stderr.write(`news-annotator: ${f}: cannot read (${(err as Error).message})\n`);
            continue;
          }
          const d = decodeArticleBytes(bytes);
          if (!d.ok) {
            failed++;
            process.stderr.write(`news-annotator: ${f}: ${d.reason}\n`);
            continue;
          }
          const analysed = analyzer.analyze(d.text, { corrections, speakerCorrections: { statements: speakers.statements } }, f).then((analysis) => ({ path: f, analysis }));
          analysed.catch(() => undefined); // awaited below
          pending.push(analysed);
        }
        return Promise.all(pending);
      });
      let result;
      try {
        result = tally(articles, { filters });
      } catch (err) {
        if (err instanceof RangeError) throw new CliError(err.message, 2);
        throw err;
      }
      if (opts.json) process.stdout.write(JSON.stringify(tallyJson(result, by), null, 2) + '\n');
      else if (opts.csv) process.stdout.write(tallyCsv(rowsBy(result, by)));
      else {
        const rows = rowsBy(result, by);
        const width = Math.min(40, Math.max(8, ...rows.map((r) => r.key.length)));
        process.stdout.write(`${result.articles} articles, ${result.statements} statements, ${result.unattributed} with no identified speaker\n`);
        if (by === 'speaker' && result.statements > 0) process.stdout.write(`top 5 speakers: ${pct(result.top5Share)} of statements, top 10: ${pct(result.top10Share)}\n`);
        process.stdout.write(`\n${by.padEnd(width)}  statements  direct  mixed  reported  articles\n`);
        for (const r of rows) {
          const key = r.key.length > width ? r.key.slice(0, width - 1) + '…' : r.key;
          process.stdout.write(`${key.padEnd(width)}  ${String(r.statements).padStart(10)}  ${String(r.direct).padStart(6)}  ${String(r.mixed).padStart(5)}  ${String(r.reported).padStart(8)}  ${String(r.articles).padStart(8)}\n`);
        }
      }
      if (failed > 0 || corrErrors.length > 0) process.exitCode = 1;
    });
}

function pct(x: number): string {
  return `${(x * 100).toFixed(1)}%`;
}
