/**
 * `news-annotator export <file-or-folder>... --format json|jsonl|csv|markdown|w3c [--what annotations|quotes]
 * [--tag T] [--out FILE]`: articles with their analysis and annotations, in one of the export formats of
 * src/core/export. Without --out the export goes to stdout; with it, to a temporary file beside FILE that is
 * then renamed over it (a failed run never leaves half a file). An article whose sidecar is broken (or that
 * cannot be read) is reported on stderr and left out, the others are exported, and the exit status is 1.
 * Entity corrections are read as `extract` reads them.
 */
import { promises as fsp } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Option, type Command } from 'commander';
import { SidecarStore } from '../../core/annotations/store';
import {
  checkExportOptions,
  EXPORT_FORMATS,
  EXPORT_SUBJECTS,
  ExportOptionError,
  exportArticles,
  type ExportArticle,
  type ExportFormat,
  type ExportProblem,
  type ExportSubject,
} from '../../core/export/index';
import { decodeArticleBytes } from '../../core/text/decode';
import { isSidecarPath, sidecarPathFor } from '../../core/workspace/articleFiles';
import { expandArticlePaths } from '../articlePaths';
import { CliError } from '../cliError';
import { nodeFileOps } from '../../node/nodeFileOps';
import { withAnalysisPool } from '../pool';
import { articlePathOf } from './annotate';
import { loadCorrections } from './extract';

export interface ExportCliOptions {
  readonly format: ExportFormat;
  readonly what: ExportSubject;
  readonly tag?: string;
  readonly out?: string;
}

/** Writes `data` to `file` atomically: a temporary file in the same folder, then a rename over `file`. */
export async function writeFileAtomic(file: string, data: string): Promise<void> {
  const dir = path.dirname(path.resolve(file));
  const tmp = path.join(dir, `.${path.basename(file)}.${process.pid}.${Math.random().toString(36).slice(2, 10)}.tmp`);
  try {
    await fsp.writeFile(tmp, data, { flag: 'wx' });
    await fsp.rename(tmp, file);
  } catch (err) {
    await fsp.unlink(tmp).catch(() => undefined);
    throw new CliError(`${file}: cannot write (${err instanceof Error ? err.message : String(err)}); nothing written`);
  }
}

export async function runExport(paths: readonly string[], opts: ExportCliOptions, err: (s: string) => void): Promise<{ output: string; code: number; articles: number }> {
  try {
    checkExportOptions({ format: opts.format, what: opts.what, tag: opts.tag });
  } catch (e) {
    if (e instanceof ExportOptionError) throw new CliError(e.message, 2);
    throw e;
  }
  const { files, errors: pathErrors } = await expandArticlePaths(paths.map(articlePathOf));
  if (pathErrors.length > 0) throw new CliError(pathErrors.map((p) => `${p.path}: ${p.message}`).join('; ') + ' (nothing exported)', 2);
  if (opts.out !== undefined) {
    const out = path.resolve(opts.out);
    if (isSidecarPath(out) || files.some((f) => path.resolve(f) === out)) throw new CliError(`--out ${opts.out} is an article or a sidecar; choose another file`, 2);
  }
  const folders = ['.'];
  for (const p of paths) if ((await fsp.stat(p)).isDirectory()) folders.push(p);
  const { corrections, errors: corrErrors } = await loadCorrections(folders);
  for (const e of corrErrors) err(`news-annotator: ${e.path}: ${e.reason}\n`);

  const store = new SidecarStore({ fileOps: nodeFileOps });
  const problems: ExportProblem[] = [];
  // The analyses run on the worker pool while the next files and sidecars are read.
  const pending: Promise<ExportArticle>[] = [];
  const seen = new Set<string>();
  // Only `json` and the quotations modes show articles without annotations: otherwise an article without a
  // sidecar is neither read nor analysed.
  const needsAll = opts.format === 'json' || opts.what === 'quotes';
  const articles = await withAnalysisPool(async (analyzer) => {
    for (const file of files) {
      if (seen.has(file)) continue;
      seen.add(file);
      if (!needsAll && !(await nodeFileOps.stat(sidecarPathFor(file)))) continue;
      let bytes: Uint8Array;
      try {
        bytes = await fsp.readFile(file);
      } catch (e) {
        problems.push({ path: file, message: `cannot read (${e instanceof Error ? e.message : String(e)})` });
        continue;
      }
      const d = decodeArticleBytes(bytes);
      if (!d.ok) {
        problems.push({ path: file, message: d.reason });
        continue;
      }
      const h = await store.load(file, d.text);
      store.forget(file);
      if (h.error) {
        const e = h.error;
        problems.push({ path: file, message: `sidecar ${e.path}${e.line !== null ? ` line ${e.line}` : ''}: ${e.message} (article not exported)` });
        continue;
      }
      const analysed = analyzer.analyze(d.text, { corrections }, file).then((analysis) => {
        h.resolveEntityRefs(analysis.entities); // entity references as the article names them now (nothing written)
        return {
          path: file,
          uri: pathToFileURL(path.resolve(file)).href,
          text: d.text,
          analysis,
          annotations: h.list(),
          tags: h.data.tags,
          ...(h.data.note ? { note: h.data.note } : {}),
        };
      });
      analysed.catch(() => undefined); // awaited below
      pending.push(analysed);
    }
    return Promise.all(pending);
  });
  for (const p of problems) err(`news-annotator: ${p.path}: ${p.message}\n`);
  const output = exportArticles(articles, { format: opts.format, what: opts.what, ...(opts.tag !== undefined ? { tag: opts.tag } : {}), problems });
  return { output, code: problems.length > 0 || corrErrors.length > 0 ? 1 : 0, articles: articles.length };
}

export function register(program: Command): void {
  program
    .command('export')
    .description('Export articles (metadata, quotations, entities) and their annotations as JSON, JSON Lines, CSV, Markdown or W3C Web Annotations.')
    .argument('<file-or-folder...>', 'article files, or folders to walk for article files')
    .addOption(new Option('--format <format>', 'output format').choices([...EXPORT_FORMATS]).makeOptionMandatory())
    .addOption(new Option('--what <what>', 'one row/line/entry per annotation or per quotation (csv, jsonl, markdown)').choices([...EXPORT_SUBJECTS]).default('annotations'))
    .option('--tag <tag>', 'only annotations with this tag or its sub-tags (quotes: only quotations such an annotation covers)')
    .option('--out <file>', 'write to this file (atomically) instead of stdout')
    .action(async (paths: string[], opts: ExportCliOptions) => {
      const r = await runExport(paths, opts, (s) => process.stderr.write(s));
      if (opts.out !== undefined) {
        await writeFileAtomic(opts.out, r.output);
        process.stderr.write(`news-annotator: wrote the ${opts.format} export of ${r.articles} article(s) to ${opts.out}\n`);
      } else {
        process.stdout.write(r.output);
      }
      if (r.code !== 0) process.exitCode = r.code;
    });
}
