/**
 * The shape `news-annotator extract` prints for one article (`--json`: the JSON contract in the README; else a
 * summary), made from its analysis. It lives here, not in src/cli, because the analysis workers make it: a worker
 * posts back the printed text of an article (one string, cheap to pass between threads) instead of its analysis.
 */
import type { ArticleAnalysis } from '../core/analysis/types';

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

export function toExtracted(p: string, a: ArticleAnalysis, extraWarnings: readonly string[] = []): ExtractedArticle {
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

/** `JSON.stringify(value, null, 2)` as it reads `depth` levels down in an enclosing pretty-printed document. */
export function nested(value: unknown, depth: number): string {
  const pad = ' '.repeat(2 * depth);
  return pad + JSON.stringify(value, null, 2).replace(/\n/g, '\n' + pad);
}

function clip(s: string, n: number): string {
  const t = s.replace(/\s+/g, ' ');
  return t.length > n ? t.slice(0, n - 1) + '…' : t;
}

/** The summary `extract` prints without `--json`. */
export function summary(a: ExtractedArticle): string {
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

/** One article as `extract` prints it: `--json`, its element of `articles` (indented as there); else its summary. */
export interface PrintedArticle {
  readonly out: string;
  /** The analysis' warnings of a cut article ("first … only"), for stderr. */
  readonly cutWarnings: readonly string[];
}

export function printArticle(p: string, a: ArticleAnalysis, json: boolean, extraWarnings: readonly string[]): PrintedArticle {
  const ex = toExtracted(p, a, extraWarnings);
  return { out: json ? nested(ex, 2) : summary(ex), cutWarnings: a.warnings.map((w) => w.message).filter((m) => /first .* only/.test(m)) };
}
