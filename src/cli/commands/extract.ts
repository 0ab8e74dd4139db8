/**
 * `news-annotator extract [--json] <file-or-folder>...`: the analysis of each article (metadata, quotes
 * with speakers, named entities). Folders are walked by the same rules as the extension. A file that
 * cannot be read or decoded goes to `errors` (and stderr), the others are still processed, and the exit
 * status is then 1. Entity corrections are read from `.news-annotator/entities.yaml` (speaker corrections from
 * `.news-annotator/speakers.yaml`) in the current directory and in each folder given.
 */
import { promises as fsp } from 'node:fs';
import * as path from 'node:path';
import type { Command } from 'commander';
import { CORRECTIONS_FILE, parseEntityCorrections, parseSpeakerCorrections, SPEAKER_CORRECTIONS_FILE, type AnalyzeOptions, type EntityCorrections, type SpeakerCorrection } from '../../core/analysis/index';
import { decodeArticleBytes } from '../../core/text/decode';
import { type PrintedArticle } from '../../node/extracted';
import { mapOrdered } from '../../node/workers/orderedMap';
import { expandArticlePaths } from '../articlePaths';
import { withAnalysisPool, type CliAnalyzer } from '../pool';

export interface ExtractError {
  path: string;
  reason: string;
}

/**
 * Reads the file `name` in each of `dirs` (each once) and parses it; a missing file is skipped, a broken one is
 * reported in `errors` and left out (the articles are analysed without it).
 */
async function readEach<T>(dirs: readonly string[], name: string, parse: (src: string) => T): Promise<{ parsed: T[]; errors: ExtractError[] }> {
  const parsed: T[] = [];
  const errors: ExtractError[] = [];
  const seen = new Set<string>();
  for (const d of dirs) {
    const file = path.resolve(d, name);
    if (seen.has(file)) continue;
    seen.add(file);
    let src: string;
    try {
      src = await fsp.readFile(file, 'utf8');
    } catch {
      continue; // no corrections file here
    }
    try {
      parsed.push(parse(src));
    } catch (err) {
      errors.push({ path: file, reason: `${err instanceof Error ? err.message : String(err)} (corrections not applied)` });
    }
  }
  return { parsed, errors };
}

/** Loads and merges the entity corrections files found in `dirs`; problems are returned, not thrown. */
export async function loadCorrections(dirs: readonly string[]): Promise<{ corrections: EntityCorrections; errors: ExtractError[] }> {
  const { parsed, errors } = await readEach(dirs, CORRECTIONS_FILE, parseEntityCorrections);
  return { corrections: { entities: parsed.flatMap((c) => c.entities), suppress: parsed.flatMap((c) => c.suppress) }, errors };
}

/** Loads and merges the speaker corrections files (`.news-annotator/speakers.yaml`) found in `dirs`. */
export async function loadSpeakerCorrections(dirs: readonly string[]): Promise<{ statements: SpeakerCorrection[]; errors: ExtractError[] }> {
  const { parsed, errors } = await readEach(dirs, SPEAKER_CORRECTIONS_FILE, parseSpeakerCorrections);
  return { statements: parsed.flatMap((c) => c.statements), errors };
}

export { toExtracted, type ExtractedArticle } from '../../node/extracted';

type Outcome = { readonly error: ExtractError } | { readonly printed: PrintedArticle; readonly notes: readonly string[] };

/**
 * Reads, decodes and analyses one file on the pool, whose worker also makes what is printed of it (a string:
 * passing the whole analysis between threads cost more than the analysis gained from a second core).
 */
async function extractOne(f: string, options: AnalyzeOptions, analyzer: CliAnalyzer, json: boolean): Promise<Outcome> {
  let bytes: Uint8Array;
  try {
    bytes = await fsp.readFile(f);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return { error: { path: f, reason: code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a folder' : `cannot read (${(e as Error).message})` } };
  }
  const d = decodeArticleBytes(bytes);
  if (!d.ok) return { error: { path: f, reason: d.reason } };
  const extra: string[] = [];
  const notes: string[] = [];
  if (d.invalidBytes > 0) {
    const msg = `${d.invalidBytes} invalid UTF-8 sequence(s) shown as U+FFFD`;
    extra.push(msg);
    notes.push(`news-annotator: ${f}: ${msg}\n`);
  }
  if (d.text.length === 0) extra.push('empty file');
  let printed: PrintedArticle;
  try {
    printed = await analyzer.run(d.text, options, f, { kind: 'extract', path: f, json, extraWarnings: extra });
  } catch (e) {
    return { error: { path: f, reason: `analysis failed: ${e instanceof Error ? e.message : String(e)}` } };
  }
  for (const w of printed.cutWarnings) notes.push(`news-annotator: ${f}: ${w}\n`);
  return { printed, notes };
}

/**
 * Analyses the articles on the worker pool and prints each as soon as it and those before it are done, in the
 * files' order: memory holds a window of articles, not the corpus. `--json` writes the same bytes as
 * `JSON.stringify({ articles, errors }, null, 2)` would.
 */
export async function extract(args: readonly string[], json: boolean, out: (s: string) => void, err: (s: string) => void): Promise<number> {
  const { files, errors: pathErrors } = await expandArticlePaths(args);
  const errors: ExtractError[] = pathErrors.map((e) => ({ path: e.path, reason: e.message }));
  const folders: string[] = ['.'];
  for (const a of args) {
    try {
      if ((await fsp.stat(a)).isDirectory()) folders.push(a);
    } catch {
      // reported by expandArticlePaths
    }
  }
  const { corrections, errors: corrErrors } = await loadCorrections(folders);
  errors.push(...corrErrors);
  const speakers = await loadSpeakerCorrections(folders);
  errors.push(...speakers.errors);
  const options: AnalyzeOptions = { corrections, speakerCorrections: { statements: speakers.statements } };
  let count = 0;
  if (json) out('{\n  "articles": [');
  await withAnalysisPool(async (analyzer) => {
    for await (const o of mapOrdered(files, analyzer.window, (f) => extractOne(f, options, analyzer, json))) {
      if ('error' in o) {
        errors.push(o.error);
        continue;
      }
      for (const n of o.notes) err(n);
      if (json) out(`${count > 0 ? ',' : ''}\n${o.printed.out}`);
      else out(o.printed.out);
      count++;
    }
  });
  for (const e of errors) err(`news-annotator: ${e.path}: ${e.reason}\n`);
  if (json) {
    out(`${count > 0 ? '\n  ' : ''}],\n  "errors": ${JSON.stringify(errors, null, 2).replace(/\n/g, '\n  ')}\n}\n`);
  } else {
    out(`${count} article(s) analysed${errors.length ? `, ${errors.length} problem(s)` : ''}\n`);
  }
  const fatal = errors.length > 0;
  return fatal ? 1 : 0;
}

export function register(program: Command): void {
  program
    .command('extract')
    .description('Analyse articles: metadata, quotations with speakers, named entities (files or folders)')
    .argument('<file-or-folder...>', 'article files, or folders to walk for article files')
    .option('--json', 'print one JSON object {articles, errors}')
    .action(async (paths: string[], opts: { json?: boolean }) => {
      const code = await extract(
        paths,
        !!opts.json,
        (s) => process.stdout.write(s),
        (s) => process.stderr.write(s),
      );
      if (code !== 0) process.exitCode = code;
    });
}
