/**
 * `markdown`: a readable report. Per article (by path): its headline, outlet, date and file; then each annotated
 * passage as a blockquote followed by its tags, speaker and note, in document order; then, under their own
 * heading and marked "orphaned", the annotations whose text is no longer in the article. In quotes mode, each
 * quotation as a blockquote with its speaker and cue instead.
 */
import type { AnnotationRecord, ArticleRecord } from './records';
import type { ExportProblem, ExportSubject } from './types';

/** Escapes what Markdown would read as markup in running text (kept readable: only what matters). */
export function escapeMarkdown(s: string): string {
  return s
    .replace(/[\\`*_[\]<>|~]/g, '\\$&')
    .replace(/^(\s*)([#+\-=>])/gm, '$1\\$2')
    .replace(/^(\s*\d+)([.)])/gm, '$1\\$2');
}

/** Lines of `s` as a Markdown blockquote (blank lines kept inside the quote). */
export function blockquote(s: string): string {
  return s
    .split(/\r\n|\r|\n/)
    .map((l) => (l.trim() === '' ? '>' : `> ${escapeMarkdown(l)}`))
    .join('\n');
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

function oneLine(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

function headline(a: ArticleRecord): string {
  return a.title ? escapeMarkdown(oneLine(a.title)) : escapeMarkdown(a.path);
}

function byline(a: ArticleRecord): string {
  const date = a.date && a.dateIso && a.date !== a.dateIso ? `${a.date} (${a.dateIso})` : (a.date ?? a.dateIso);
  const parts = [a.outlet, date, a.author ? `by ${a.author}` : null].filter((x): x is string => !!x).map((x) => escapeMarkdown(oneLine(x)));
  const file = `\`${a.path.replace(/`/g, "'")}\``;
  return parts.length > 0 ? `*${parts.join(' · ')}* — ${file}` : file;
}

function tagList(tags: readonly string[]): string {
  return tags.map((t) => `\`${t.replace(/`/g, "'")}\``).join(', ');
}

function note(n: string): string {
  const lines = n.split(/\r\n|\r|\n/).map((l) => escapeMarkdown(l));
  return `**Note:** ${lines.join('  \n')}`;
}

function annotationBlock(n: AnnotationRecord, orphan: boolean): string {
  const parts: string[] = [];
  if (orphan) parts.push('**⚠ orphaned** (this passage is no longer in the article)');
  parts.push(blockquote(n.quote));
  const meta: string[] = [];
  if (n.tags.length > 0) meta.push(`Tags: ${tagList(n.tags)}`);
  if (n.speaker) meta.push(`Speaker: ${escapeMarkdown(n.speaker)}`);
  if (n.status === 'moved') meta.push('moved since it was annotated');
  if (n.status === 'fuzzy') meta.push(`found approximately (${Math.round(n.similarity * 100)}% similar)`);
  if (meta.length > 0) parts.push(meta.join(' · '));
  if (n.note) parts.push(note(n.note));
  return parts.join('\n\n');
}

export function toMarkdown(articles: readonly ArticleRecord[], what: ExportSubject, tag: string | undefined, problems: readonly ExportProblem[]): string {
  const out: string[] = [];
  const filter = tag !== undefined ? ` tagged \`${tag.replace(/`/g, "'")}\`` : '';
  if (what === 'quotes') {
    const n = articles.reduce((s, a) => s + a.quotes.length, 0);
    out.push('# Quotations', '', `${plural(n, 'quotation')}${filter} in ${plural(articles.length, 'article')}.`);
    for (const a of articles) {
      out.push('', `## ${headline(a)}`, '', byline(a));
      if (a.quotes.length === 0) out.push('', '*No quotations.*');
      for (const q of a.quotes) {
        out.push('', blockquote(q.text), '', `— ${q.speaker ? escapeMarkdown(q.speaker) : '*speaker not identified*'}${q.cue ? ` (${escapeMarkdown(q.cue)})` : ''}${q.kind === 'direct' ? '' : ` · ${q.kind === 'reported' ? 'reported speech' : 'reported speech, partly quoted'}`}${q.tags.length > 0 ? ` · Tags: ${tagList(q.tags)}` : ''}`);
      }
    }
  } else {
    const shown = articles.filter((a) => a.annotations.length > 0 || a.tags.length > 0 || a.note);
    const total = shown.reduce((s, a) => s + a.annotations.length, 0);
    const orphans = shown.reduce((s, a) => s + a.annotations.filter((x) => x.start === null).length, 0);
    out.push('# Annotations', '', `${plural(total, 'annotation')}${filter} in ${plural(shown.length, 'article')}${orphans > 0 ? `, ${orphans} orphaned` : ''}.`);
    for (const a of shown) {
      out.push('', `## ${headline(a)}`, '', byline(a));
      if (a.tags.length > 0) out.push('', `Article tags: ${tagList(a.tags)}`);
      if (a.note) out.push('', note(a.note));
      const placed = a.annotations.filter((x) => x.start !== null);
      const lost = a.annotations.filter((x) => x.start === null);
      for (const n of placed) out.push('', annotationBlock(n, false));
      if (lost.length > 0) {
        out.push('', `### Orphaned annotations (${lost.length})`);
        for (const n of lost) out.push('', annotationBlock(n, true));
      }
    }
  }
  if (problems.length > 0) {
    out.push('', '## Not exported', '');
    for (const p of problems) out.push(`- \`${p.path.replace(/`/g, "'")}\`: ${escapeMarkdown(oneLine(p.message))}`);
  }
  return out.join('\n') + '\n';
}
