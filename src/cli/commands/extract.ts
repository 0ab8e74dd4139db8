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
import { CORRECTIONS_FILE, parseEntityCorrections, parseSpeakerCorrections, SPEAKER_CORRECTIONS_FILE, type AnalyzeOptions, type ArticleAnalysis, type EntityCorrections, type SpeakerCorrection } from '../../core/analysis/index';
import { decodeArticleBytes } from '../../core/text/decode';
import { mapOrdered } from '../../node/workers/orderedMap';
import { expandArticlePaths } from '../articlePaths';
import { withAnalysisPool, type CliAnalyzer } from '../pool';

export interface ExtractedArticle {
  path: string;
  title: string | null;
  titleDerived: boolean;
  publisher: string | null;
  date: string | null;
  dateIso: string | null;
  author: string | null;
  dateline: string | null;
  /** The page's URL for an imported article (see src/core/import), else null. */
  url: string | null;
  /** When an imported article was retrieved (ISO 8601), else null. */
  retrieved: string | null;
  /**
   * Statements: `kind` direct (words in quotation marks; text/start/end inside the marks, as before), reported or
   * mixed (text/start/end: the reported clause); `cueStart`/`cueEnd` the cue words' offsets (null when none);
   * `partOf` only on a direct quotation inside a mixed statement: that statement's index in `quotes`.
   */
  quotes: { text: string; start: number; end: number; speaker: string | null; cue: string | null; kind: 'direct' | 'reported' | 'mixed'; cueStart: number | null; cueEnd: number | null; partOf?: number }[];
  /** People, organisations and places; `uncertain: true` (else absent) when the recogniser was unsure of the name. */
  entities: { id: string; name: string; type: string; uncertain?: true; mentions: { start: number; end: number; text: string }[] }[];
  /** Other proper names (products, events, works, nationalities): never entities. */
  otherNames: { name: string; mentions: { start: number; end: number; text: string }[] }[];
  warnings: string[];
}

export interface ExtractError {
  path: string;
  reason: string;
}

export function toExtracted(p: string, a: ArticleAnalysis, extraWarnings: string[] = []): ExtractedArticle {
  const m = a.metadata;
  return {
    path: p,
    title: m.title,
    titleDerived: m.titleDerived,
    publisher: m.publisher,
    date: m.date,
    dateIso: m.dateIso,
    author: m.author,
    dateline: m.dateline,
    url: m.url ?? null,
    retrieved: m.retrieved ?? null,
    quotes: a.quotes.map((q) => ({
      text: q.text,
      start: q.start,
      end: q.end,
      speaker: q.speaker,
      cue: q.cue,
      kind: q.kind ?? 'direct',
      cueStart: q.cueStart ?? null,
      cueEnd: q.cueEnd ?? null,
      ...(q.partOf !== undefined ? { partOf: q.partOf } : {}),
    })),
    entities: a.entities.map((e) => ({ id: e.id, name: e.name, type: e.type, ...(e.uncertain ? { uncertain: true as const } : {}), mentions: e.mentions.map(spanOf) })),
    otherNames: a.otherNames.map((o) => ({ name: o.name, mentions: o.mentions.map(spanOf) })),
    warnings: [...extraWarnings, ...a.warnings.map((w) => w.message)],
  };
}

function spanOf(x: { start: number; end: number; text: string }): { start: number; end: number; text: string } {
  return { start: x.start, end: x.end, text: x.text };
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

type Outcome = { readonly error: ExtractError } | { readonly article: ExtractedArticle; readonly notes: readonly string[] };

/** Reads, decodes and analyses one file (on the pool); what to print about it comes back with it. */
async function extractOne(f: string, options: AnalyzeOptions, analyzer: CliAnalyzer): Promise<Outcome> {
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
  let a: ArticleAnalysis;
  try {
    a = await analyzer.analyze(d.text, options, f);
  } catch (e) {
    return { error: { path: f, reason: `analysis failed: ${e instanceof Error ? e.message : String(e)}` } };
  }
  for (const w of a.warnings) if (/first .* only/.test(w.message)) notes.push(`news-annotator: ${f}: ${w.message}\n`);
  return { article: toExtracted(f, a, extra), notes };
}

/** `JSON.stringify(value, null, 2)` as it reads `depth` levels down in an enclosing pretty-printed document. */
function nested(value: unknown, depth: number): string {
  const pad = ' '.repeat(2 * depth);
  return pad + JSON.stringify(value, null, 2).replace(/\n/g, '\n' + pad);
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
    for await (const o of mapOrdered(files, analyzer.window, (f) => extractOne(f, options, analyzer))) {
      if ('error' in o) {
        errors.push(o.error);
        continue;
      }
      for (const n of o.notes) err(n);
      if (json) out(`${count > 0 ? ',' : ''}\n${nested(o.article, 2)}`);
      else out(summary(o.article));
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

function clip(s: string, n: number): string {
  const t = s.replace(/\s+/g, ' ');
  return t.length > n ? t.slice(0, n - 1) + '…' : t;
}

function summary(a: ExtractedArticle): string {
  const lines: string[] = [];
  lines.push(`${a.path}`);
  lines.push(`  title:     ${a.title ?? '(none)'}${a.titleDerived ? '  [derived from the first sentence]' : ''}`);
  const meta = [a.publisher && `publisher: ${a.publisher}`, a.date && `date: ${a.date}${a.dateIso ? ` (${a.dateIso})` : ''}`, a.author && `author: ${a.author}`, a.dateline && `dateline: ${a.dateline}`].filter(Boolean);
  if (meta.length) lines.push(`  ${meta.join('   ')}`);
  lines.push(`  quotes (${a.quotes.length}):`);
  for (const q of a.quotes) {
    if (q.partOf !== undefined) continue; // shown within its mixed statement
    const text = q.kind === 'direct' ? `“${clip(q.text, 90)}”` : `${clip(q.text, 90)} (${q.kind === 'mixed' ? 'reported, partly quoted' : 'reported'})`;
    lines.push(`    ${q.speaker ?? '(no speaker)'}${q.cue ? ` [${q.cue}]` : ''}: ${text}`);
  }
  const byType = (t: string) =>
    a.entities
      .filter((e) => e.type === t)
      .sort((x, y) => y.mentions.length - x.mentions.length)
      .map((e) => `${e.name} (${e.mentions.length})`)
      .join(', ');
  lines.push(`  people:        ${byType('person') || '-'}`);
  lines.push(`  organisations: ${byType('organization') || '-'}`);
  lines.push(`  places:        ${byType('place') || '-'}`);
  for (const w of a.warnings) lines.push(`  warning: ${w}`);
  return lines.join('\n') + '\n\n';
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
