/**
 * `news-annotator related [--json] <article> --offset N [--corpus <folder>...]`: the passages related to the
 * passage or quotation at character offset N of the article, across the corpus (by default the article's
 * folder, walked recursively). Also holds the corpus loading shared with `search`.
 */
import * as path from 'node:path';
import type { Command } from 'commander';
import { SidecarStore } from '../../core/annotations/store';
import { buildCorpusIndex, loadCorpusIndex, saveCorpusIndex, toIndexedAnnotations, type CorpusIndex, type IndexedAnnotation } from '../../core/corpus';
import { expandArticlePaths } from '../articlePaths';
import { CliError } from '../cliError';
import { nodeFileOps } from '../../node/nodeFileOps';
import { withAnalysisPool } from '../pool';

/** Key under which the CLI's cache files are written; a cache from another build of the analysis is ignored. */
const CACHE_KEY = 'cli-2';

export interface LoadedCorpus {
  readonly index: CorpusIndex;
  readonly warnings: string[];
}

/**
 * Indexes the articles under `inputs` (files and folders), with the annotations of their sidecars (tags,
 * notes; orphaned annotations are left out). With `cachePath`, reuses and then updates that cache file.
 * Unreadable articles and broken sidecars become warnings; a missing input is an error.
 */
export async function loadCorpus(inputs: readonly string[], cachePath?: string): Promise<LoadedCorpus> {
  const { files, errors } = await expandArticlePaths(inputs);
  if (errors.length > 0) throw new CliError(errors.map((e) => `${e.path}: ${e.message}`).join('\n'), 2);
  const warnings: string[] = [];
  const cached = cachePath ? await loadCorpusIndex(nodeFileOps, cachePath, CACHE_KEY, (m) => warnings.push(m)) : undefined;
  const showProgress = process.stderr.isTTY === true && files.length > 200;
  const store = new SidecarStore({ fileOps: nodeFileOps });
  const annotationsFor = async (articlePath: string, text: string): Promise<IndexedAnnotation[]> => {
    const handle = await store.load(articlePath, text);
    store.forget(articlePath);
    const e = handle.error;
    if (e) warnings.push(`annotations of ${articlePath} left out: ${e.path}${e.line !== null ? `:${e.line}` : ''}: ${e.message}`);
    return toIndexedAnnotations(handle.list(), text);
  };
  const report = await withAnalysisPool((analyzer) =>
    buildCorpusIndex({
      fileOps: nodeFileOps,
      paths: [...new Set(files)],
      analyze: (text, p) => analyzer.analyze(text, {}, p),
      annotationsFor,
      batchSize: analyzer.window,
      ...(cached ? { index: cached } : {}),
      ...(showProgress ? { onProgress: (p) => p.done % 100 === 0 && process.stderr.write(`\rindexing ${p.done}/${p.total}`) } : {}),
    }),
  );
  if (showProgress) process.stderr.write('\r\x1b[K');
  for (const f of report.failed) warnings.push(`skipped ${f.path}: ${f.message}`);
  if (cachePath) {
    try {
      await saveCorpusIndex(nodeFileOps, cachePath, report.index, CACHE_KEY);
    } catch (err) {
      warnings.push(`could not write the cache ${cachePath}: ${(err as Error).message}`);
    }
  }
  return { index: report.index, warnings };
}

export function parseLimit(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new CliError(`--limit must be a positive whole number, not ${JSON.stringify(value)}`, 2);
  return n;
}

export function lineCol(text: string, offset: number): string {
  let line = 1;
  let last = -1;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    last = i;
  }
  return `${line}:${offset - last}`;
}

export function oneLine(s: string, max = 110): string {
  const t = s.replace(/\s+/g, ' ').trim();
  return t.length > max ? t.slice(0, max - 1) + '…' : t;
}

interface RelatedOpts {
  json?: boolean;
  offset: string;
  corpus?: string[];
  limit: string;
  otherArticles?: boolean;
  cache?: string;
}

export function register(program: Command): void {
  program
    .command('related')
    .description('List the passages related to the passage or quotation at an offset of an article: the same quotation elsewhere, the same speaker, shared entities, shared tags.')
    .argument('<article>', 'the article file')
    .requiredOption('--offset <n>', 'character offset (UTF-16 code units into the decoded text, as in extract --json)')
    .option('--corpus <folder...>', 'files or folders that make up the corpus (default: the article\'s folder)')
    .option('--limit <n>', 'maximum number of results', '20')
    .option('--other-articles', 'leave out passages of the same article')
    .option('--cache <file>', 'reuse and update an index cache file (makes repeated runs fast)')
    .option('--json', 'print JSON: {"source": {...}, "related": [{"path", "start", "end", "text", "score", "reasons": [...]}]}')
    .action(async (article: string, opts: RelatedOpts) => {
      const offset = Number(opts.offset);
      if (!Number.isInteger(offset) || offset < 0) throw new CliError(`--offset must be a whole number ≥ 0, not ${JSON.stringify(opts.offset)}`, 2);
      const limit = parseLimit(opts.limit);
      const corpusInputs = opts.corpus && opts.corpus.length > 0 ? opts.corpus : [path.dirname(article)];
      const { index, warnings } = await loadCorpus([...corpusInputs, article], opts.cache);
      const key = index.paths().find((p) => path.resolve(p) === path.resolve(article));
      for (const w of warnings) process.stderr.write(`news-annotator: ${w}\n`);
      if (!key) throw new CliError(`${article}: could not be indexed (see the warning above)`);
      const text = index.textOf(key)!;
      if (offset > text.length) throw new CliError(`--offset ${offset} is past the end of ${article} (${text.length} characters)`, 2);
      const source = index.sourceAt(key, offset);
      const related = source ? index.relatedTo(source, { limit, otherArticlesOnly: opts.otherArticles === true }) : [];
      if (opts.json) {
        const out = {
          source: source ? { path: source.path, start: source.start, end: source.end, text: source.text, kind: source.kind, speaker: source.speaker } : null,
          related: related.map((r) => ({ path: r.path, start: r.start, end: r.end, text: r.text, score: r.score, kind: r.kind, reasons: r.reasons })),
        };
        process.stdout.write(JSON.stringify(out, null, 2) + '\n');
        return;
      }
      if (!source) {
        process.stdout.write(`No passage at offset ${offset} of ${article}.\n`);
        return;
      }
      process.stdout.write(`${source.kind} at ${key}:${lineCol(text, source.start)}: ${oneLine(source.text)}\n`);
      if (related.length === 0) process.stdout.write('No related passages.\n');
      for (const r of related) {
        const t = index.textOf(r.path)!;
        process.stdout.write(`\n${r.score.toFixed(2)}  ${r.path}:${lineCol(t, r.start)}  ${r.kind}\n    ${oneLine(r.text)}\n`);
        for (const why of r.reasons) process.stdout.write(`    · ${why.kind}: ${why.detail}\n`);
      }
    });
}
