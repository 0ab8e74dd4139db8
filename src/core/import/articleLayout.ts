/**
 * How the analysis lays out an imported article (articleFormat.ts): the headline and the metadata block are
 * taken as written (title, outlet, date, author, URL, retrieved), and the paragraphs after them are laid out
 * by the analysis's own rules. Kept here so src/core/analysis only calls it; the layout function is passed in
 * (no import cycle).
 */
import type { ArticleMetadata, PassageKind, Span } from '../analysis/types';
import type { ParsedArticleHeader } from './articleFormat';

/** What the analysis's layout (analysis/structure.ts `Structure`) holds that this changes; typed here, no import cycle. */
interface LaidOut {
  readonly blocks: readonly (Span & { kind: PassageKind })[];
  readonly metadata: ArticleMetadata;
}

/** Blanks out `[0, end)` except line breaks, so offsets hold and the rest is laid out alone. */
function blankHead(text: string, end: number): string {
  return text.slice(0, end).replace(/[^\r\n]/g, ' ') + text.slice(end);
}

export function importedLayout<S extends LaidOut>(text: string, header: ParsedArticleHeader, layout: (text: string) => S): S {
  const body = layout(blankHead(text, header.blockSpan.end));
  const metadata: ArticleMetadata = {
    title: header.title,
    titleDerived: false,
    titleSpan: header.titleSpan,
    publisher: header.publisher,
    date: header.date,
    dateIso: header.date,
    author: header.author,
    dateline: body.metadata.dateline,
    url: header.url,
    retrieved: header.retrieved,
  };
  const laidOut: LaidOut = {
    // the body's own guesses at a headline are paragraphs: the headline is the first line
    blocks: [
      { ...header.titleSpan, kind: 'headline' },
      { ...header.blockSpan, kind: 'byline' },
      ...body.blocks.map((b) => (b.kind === 'headline' ? { ...b, kind: 'paragraph' as const } : b)),
    ],
    metadata,
  };
  return { ...body, ...laidOut };
}
