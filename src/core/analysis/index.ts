/**
 * Article analysis: metadata, passages, quotations with their speakers, and named entities.
 * Pure core: no vscode, no fs. Linear in the text size; texts longer than `maxChars` are analysed for
 * quotes and entities up to that point only (with a warning), while passages cover the whole text.
 */
import { analyzeStructure, isEditorsNote } from './structure';
import { MentionCollector } from './mentions';
import { addDefinedAcronyms, addGroupings, dropPartyLabels } from './acronyms';
import { splitPlaceCompounds } from './placeCompounds';
import { isTitleCase, reviseTitleCase } from './titleCase';
import { findQuotes, type QuoteBlock, type RawQuote } from './quotes';
import { tokenize, type Token } from './tokenize';
import { docEvidence, normWord } from './ner/features';
import { buildEntities } from './entityBuild';
import type { EntityIndex } from './entities';
import { collectOtherNames } from './otherNames';
import { attributeQuote, CUES, findReported, mergeStatements, splitQuotations, SpeakerResolver, tokenAt, type Attribution } from './attribution';
import { NO_CORRECTIONS, type EntityCorrections } from './corrections';
import { applySpeakerCorrections, type SpeakerCorrections } from './speakerCorrections';
import type { AnalysisWarning, ArticleAnalysis, ArticleMetadata, Entity, Passage, Quote, Span } from './types';

export type * from './types';
export { parseEntityCorrections, CorrectionsError, CORRECTIONS_FILE, NO_CORRECTIONS, type EntityCorrections, type EntityCorrection, type SuppressRule } from './corrections';
export { applyCorrectionEdit, type CorrectionEdit } from './correctionsEdit';
export { entityId } from './entities';
export { applySpeakerCorrections, normStatementText, parseSpeakerCorrections, NO_SPEAKER_CORRECTIONS, SPEAKER_CORRECTIONS_FILE, type SpeakerCorrection, type SpeakerCorrections } from './speakerCorrections';
export { applySpeakerCorrectionEdit, statementKey, type SpeakerCorrectionEdit, type StatementKey } from './speakerCorrectionsEdit';
export { genderOfFirstName, genderOfPerson, genderOfTitle, type Gender } from '../people/gender';

export interface AnalyzeOptions {
  /** User corrections to entities (see parseEntityCorrections). */
  readonly corrections?: EntityCorrections;
  /** User corrections to statements' speakers (see parseSpeakerCorrections). */
  readonly speakerCorrections?: SpeakerCorrections;
  /** Quotes and entities are looked for in the first `maxChars` characters only (default 1,000,000). */
  readonly maxChars?: number;
}

export const DEFAULT_MAX_CHARS = 1_000_000;


function isTerminalText(s: string): boolean {
  return s === '.' || s === '!' || s === '?' || s === '…' || s === '...' || s === '?!' || s === '!!';
}

function isCloser(s: string): boolean {
  return s === '”' || s === '"' || s === '’' || s === "'" || s === ')' || s === ']' || s === '»';
}

/**
 * Splits the tokens of one block into sentences (token index ranges [start, end)). A line break ends a
 * sentence too, unless the block reads as prose wrapped at a fixed width (the line before the break is nearly
 * as long as the block's longest): lists, tables and results put one item per line, and a name never runs
 * from one item into the next ("NEW YORK" / "CLEVELAND").
 */
function sentencesOf(tokens: readonly Token[], from: number, to: number, text: string, original: string | null): [number, number][] {
  const out: [number, number][] = [];
  let s = from;
  const breaks = from < to ? lineBreaks(tokens, from, to, text, original) : null;
  for (let i = from; i < to; i++) {
    if (breaks && i > s && breaks.has(i)) {
      out.push([s, i]);
      s = i;
    }
    if (!isTerminalText(tokens[i]!.text)) continue;
    let e = i + 1;
    while (e < to && isCloser(tokens[e]!.text)) e++;
    if (e >= to) break;
    const n = tokens[e]!.text;
    const c = n.charAt(0);
    if (c !== c.toLowerCase() || /^[“"‘'(\d]/.test(n)) {
      out.push([s, e]);
      s = e;
      i = e - 1;
    }
  }
  if (s < to) out.push([s, to]);
  return out;
}

/** A line is wrapped prose when it is at least this share of the block's longest line (and that one is long). */
const WRAPPED_SHARE = 0.6;
const WRAPPED_MIN = 40;

/**
 * Token indices in (from, to) that start a new sentence although no stop ends the one before: a new line
 * that is not the continuation of wrapped prose, or the first word after masked page furniture ("Marta
 * Kowalczyk [Image caption] The union leader …"). `text` is the masked text; `original` the article's, or null
 * when nothing was masked.
 */
function lineBreaks(tokens: readonly Token[], from: number, to: number, text: string, original: string | null): Set<number> | null {
  const start = tokens[from]!.start;
  const end = tokens[to - 1]!.end;
  let out: Set<number> | null = null;
  if (original !== null) {
    for (let i = from + 1; i < to; i++) {
      const a = tokens[i - 1]!.end;
      const b = tokens[i]!.start;
      if (b - a > 3 && original.slice(a, b).trim() !== '') (out ??= new Set()).add(i);
    }
  }
  const firstBreak = text.indexOf('\n', start);
  if (firstBreak < 0 || firstBreak >= end) return out;
  let longest = 0;
  for (let a = start; a < end; ) {
    let b = text.indexOf('\n', a);
    if (b < 0 || b > end) b = end;
    longest = Math.max(longest, text.slice(a, b).trim().length);
    a = b + 1;
  }
  for (let i = from + 1; i < to; i++) {
    const nl = text.lastIndexOf('\n', tokens[i]!.start - 1);
    if (nl < tokens[i - 1]!.end) continue;
    const lineStart = text.lastIndexOf('\n', tokens[i - 1]!.end - 1) + 1;
    const len = text.slice(lineStart, nl).trim().length;
    if (longest < WRAPPED_MIN || len < longest * WRAPPED_SHARE) (out ??= new Set()).add(i);
  }
  return out;
}

export function analyzeArticle(text: string, options: AnalyzeOptions = {}): ArticleAnalysis {
  const warnings: AnalysisWarning[] = [];
  const maxChars = options.maxChars ?? DEFAULT_MAX_CHARS;
  const corrections = options.corrections ?? NO_CORRECTIONS;
  if (text.length > 0 && text.charCodeAt(0) === 0xfeff) {
    warnings.push({ message: 'text starts with a byte-order mark; offsets count it as one character' });
  }
  const replacement = text.indexOf('\uFFFD');
  if (replacement >= 0) warnings.push({ message: `text holds replacement characters (invalid UTF-8 in the file), first at offset ${replacement}` });

  const structure = analyzeStructure(text);
  let limit = text.length;
  if (text.length > maxChars) {
    limit = maxChars;
    const nl = text.lastIndexOf('\n', maxChars);
    if (nl > maxChars / 2) limit = nl;
    warnings.push({ message: `text is ${text.length.toLocaleString('en')} characters long: quotes and entities were looked for in the first ${limit.toLocaleString('en')} only` });
  }
  // Masked text: furniture replaced by spaces (same length, so offsets hold); "''Two apostrophes''" as the New
  // York Times writes double quotation marks read as one mark (offsets hold).
  const masked = doubleApostrophes(maskFurniture(text, structure.furniture));
  const blocks = tokenizeBlocks(structure.blocks, masked, limit);
  const { tokens, blockOfToken, analysed } = blocks;
  // Sentences (given the article's own text beside the masked one only when something was masked).
  const original = masked === text ? null : text;
  const sentencesByBlock = blocks.ranges.map(([s, e]) => sentencesOf(tokens, s, e, masked, original));
  // (and a short first line, when every long word of it is capitalised: a headline the layout did not take for
  // one, "Obama Power Plant Rules Face Key Test In U.S. Court.")
  const headlines = analysed.map((bi, k): HeadlineKind => (structure.blocks[bi]!.kind === 'headline' ? 'headline' : k === 0 && blocks.ranges[0]![1] - blocks.ranges[0]![0] <= 20 ? 'first line' : 'no'));
  const { entityIndex, otherNames } = recognizeEntities(tokens, sentencesByBlock, headlines, masked, [structure.datelinePlace, structure.datelineAgency], limit, corrections);
  const { rawQuotes, quotes, resolver } = attributeQuotes(text, masked, blocks, entityIndex);

  // Reported speech, and one list of statements in document order (mixed statements hold their quotations).
  const sentenceRanges: [number, number][] = [];
  for (const ss of sentencesByBlock) for (const r of ss) sentenceRanges.push(r);
  const reported = findReported(resolver, sentenceRanges, rawQuotes);
  const split = splitQuotations(masked, quotes, CUES);
  if (split.length > 0) {
    reported.push(...split);
    reported.sort((x, y) => x.start - y.start || x.end - y.end);
  }
  let statements = mergeStatements(text, quotes, reported, (pos) => analysed[blockOfToken[Math.min(tokenAt(tokens, pos), tokens.length - 1)]!]!);
  if (options.speakerCorrections) statements = applySpeakerCorrections(statements, options.speakerCorrections, (name) => entityIndex.resolve(name)?.id ?? null);

  const passages = passagesOf(structure.blocks, analysed, sentencesByBlock, tokens);
  const metadata = metadataOf(structure.metadata, passages, text);
  return { metadata, passages, furniture: structure.furniture, quotes: statements, entities: entityIndex.entities, otherNames, warnings };
}

// The steps of analyzeArticle are functions of their own: the optimising compiler recompiles a function whenever
// a branch it has not seen yet turns up, and one long function cost it far more each time.

/** The text with its page furniture replaced by spaces (same length, so offsets hold). */
function maskFurniture(text: string, furniture: readonly Span[]): string {
  if (furniture.length === 0) return text;
  const parts: string[] = [];
  let at = 0;
  for (const f of furniture) {
    if (f.start < at) {
      if (f.end > at) {
        parts.push(' '.repeat(f.end - at));
        at = f.end;
      }
      continue;
    }
    parts.push(text.slice(at, f.start), ' '.repeat(f.end - f.start));
    at = f.end;
  }
  parts.push(text.slice(at));
  return parts.join('');
}

interface Blocks {
  readonly tokens: Token[];
  /** token range of each analysed block */
  readonly ranges: [number, number][];
  /** passage index of each analysed block */
  readonly analysed: number[];
  readonly quoteBlocks: QuoteBlock[];
  readonly blockOfToken: Int32Array;
}

/** Tokens per block (the blocks that are not furniture or a byline, within the limit). */
function tokenizeBlocks(blocks: ReturnType<typeof analyzeStructure>['blocks'], masked: string, limit: number): Blocks {
  const tokens: Token[] = [];
  const ranges: [number, number][] = [];
  const analysed: number[] = [];
  const quoteBlocks: QuoteBlock[] = [];
  blocks.forEach((b, idx) => {
    if (b.kind === 'furniture' || b.kind === 'byline' || b.start >= limit) return;
    const end = Math.min(b.end, limit);
    const t0 = tokens.length;
    for (const t of tokenize(masked, b.start, end)) tokens.push(t);
    ranges.push([t0, tokens.length]);
    analysed.push(idx);
    const words = tokens.length - t0;
    quoteBlocks.push({ start: b.start, end, headlineLike: b.kind === 'headline' || (words <= 14 && !/[.!?]["”’]?$/.test(masked.slice(b.start, end).trimEnd())) });
  });
  const blockOfToken = new Int32Array(tokens.length);
  ranges.forEach(([s, e], bi) => blockOfToken.fill(bi, s, e));
  return { tokens, ranges, analysed, quoteBlocks, blockOfToken };
}

/** Whether a block is the headline, or a first line that may be one (titleCase.ts). */
type HeadlineKind = 'headline' | 'first line' | 'no';

/** Named-entity recognition: the mentions sentence by sentence, revised over the article, then its entities. */
function recognizeEntities(
  tokens: readonly Token[],
  sentencesByBlock: readonly [number, number][][],
  headlines: readonly HeadlineKind[],
  masked: string,
  dateline: readonly [place: Span | null, agency: Span | null],
  limit: number,
  corrections: EntityCorrections,
): { entityIndex: EntityIndex; otherNames: ArticleAnalysis['otherNames'] } {
  const sentWords: string[][] = [];
  const sentStarts: number[] = [];
  const inHeadline: HeadlineKind[] = [];
  sentencesByBlock.forEach((ss, bi) => {
    for (const [s, e] of ss) {
      const w: string[] = [];
      for (let i = s; i < e; i++) w.push(normWord(tokens[i]!.text));
      sentWords.push(w);
      sentStarts.push(s);
      inHeadline.push(headlines[bi] ?? 'no');
    }
  });
  const ev = docEvidence(sentWords);
  const collector = new MentionCollector(tokens, masked, ev);
  for (let k = 0; k < sentWords.length; k++) collector.sentence(sentWords[k]!, sentStarts[k]!);
  const raw = collector.finish(dateline, limit);
  // a headline in title case (as US outlets write them): the rest of the article decides its names
  const titleRanges: [number, number][] = [];
  for (let k = 0; k < sentWords.length; k++) {
    const w = sentWords[k]!;
    if (inHeadline[k] !== 'no' && w.length > 0 && isTitleCase(w, inHeadline[k] === 'headline' ? undefined : 1)) titleRanges.push([tokens[sentStarts[k]!]!.start, tokens[sentStarts[k]! + w.length - 1]!.end]);
  }
  if (titleRanges.length < sentWords.length) reviseTitleCase(raw, titleRanges, tokens, masked);
  splitPlaceCompounds(raw, tokens, masked);
  addDefinedAcronyms(raw, tokens, masked, limit);
  addGroupings(raw, tokens, masked, limit);
  dropPartyLabels(raw, masked);
  raw.sort((a, b) => a.start - b.start);
  const entityIndex = buildEntities(raw, corrections, masked.slice(0, limit));
  return { entityIndex, otherNames: collectOtherNames(collector.other, entityIndex, masked, limit) };
}

/** Direct quotations and their speakers (a run of quotation over several paragraphs shares its speaker). */
function attributeQuotes(text: string, masked: string, blocks: Blocks, entityIndex: EntityIndex): { rawQuotes: RawQuote[]; quotes: Quote[]; resolver: SpeakerResolver } {
  const { tokens, blockOfToken, analysed, quoteBlocks } = blocks;
  const rawQuotes = findQuotes(masked, quoteBlocks);
  const quoted = new Uint8Array(tokens.length);
  for (const q of rawQuotes) {
    let i = tokenAt(tokens, q.open);
    while (i < tokens.length && tokens[i]!.start <= q.close) quoted[i++] = 1;
  }
  const resolver = new SpeakerResolver({ text: masked, tokens, blockOfToken, entities: entityIndex, quoted });
  const quotes: Quote[] = [];
  let prev: { att: Attribution; entity: Entity | null; q: RawQuote } | null = null;
  for (const q of rawQuotes) {
    const r = attributeQuote(resolver, q, prev, quoteBlocks[q.block]!.headlineLike);
    if (r.att.speaker && (!r.entity || r.entity.type === 'person')) resolver.addAnchor(q.start, r.entity, r.att.speaker);
    quotes.push({
      start: q.start,
      end: q.end,
      text: text.slice(q.start, q.end),
      speaker: r.att.speaker,
      speakerId: r.att.speakerId,
      cue: r.att.cue,
      cueStart: r.att.cue ? (r.att.cueStart ?? null) : null,
      cueEnd: r.att.cue ? (r.att.cueEnd ?? null) : null,
      passage: analysed[q.block]!,
      group: q.group,
      ...(q.unclosed ? { unclosed: true } : {}),
    });
    prev = { att: r.att, entity: r.entity, q };
  }
  // A run of quotation over several paragraphs is often attributed only at its end: share the speaker.
  const groupSpeaker = new Map<number, Quote>();
  for (const q of quotes) if (q.speaker && q.group !== undefined && !groupSpeaker.has(q.group)) groupSpeaker.set(q.group, q);
  for (let k = 0; k < quotes.length; k++) {
    const q = quotes[k]!;
    const g = q.group !== undefined ? groupSpeaker.get(q.group) : undefined;
    if (!q.speaker && g) quotes[k] = { ...q, speaker: g.speaker, speakerId: g.speakerId, cue: g.cue, cueStart: g.cueStart ?? null, cueEnd: g.cueEnd ?? null };
  }
  return { rawQuotes, quotes, resolver };
}

/** Passages with their sentence spans. */
function passagesOf(blocks: ReturnType<typeof analyzeStructure>['blocks'], analysed: readonly number[], sentencesByBlock: readonly [number, number][][], tokens: readonly Token[]): Passage[] {
  const sentenceSpans = new Map<number, Span[]>();
  analysed.forEach((pi, bi) => {
    sentenceSpans.set(
      pi,
      sentencesByBlock[bi]!.filter(([s, e]) => e > s).map(([s, e]) => ({ start: tokens[s]!.start, end: tokens[e - 1]!.end })),
    );
  });
  return blocks.map((b, index) => ({
    start: b.start,
    end: b.end,
    kind: b.kind,
    index,
    sentences: sentenceSpans.get(index) ?? [{ start: b.start, end: b.end }],
  }));
}

/** The metadata, with a title derived from the first sentence when there is no headline. */
function metadataOf(metadata: ArticleMetadata, passages: readonly Passage[], text: string): ArticleMetadata {
  if (metadata.title) return metadata;
  const first = passages.find((p) => p.kind === 'paragraph' && !isEditorsNote(text.slice(p.start, Math.min(p.end, p.start + 80))));
  if (!first) return metadata;
  const s = first.sentences[0] ?? first;
  let t = text.slice(s.start, s.end).trim();
  if (t.length > 160) t = t.slice(0, 157).replace(/\s+\S*$/, '') + '…';
  return { ...metadata, title: t, titleDerived: true, titleSpan: null };
}

/** `''quoted''` → ` "quoted" `: a pair of apostrophes standing for a double quotation mark, same length. */
function doubleApostrophes(text: string): string {
  let at = text.indexOf("''");
  if (at < 0) return text;
  const parts: string[] = [];
  let from = 0;
  while (at >= 0) {
    const before = at > 0 ? text.charCodeAt(at - 1) : 32;
    const after = at + 2 < text.length ? text.charCodeAt(at + 2) : 32;
    const spaceBefore = before === 32 || before === 10 || before === 9 || before === 40;
    const spaceAfter = after === 32 || after === 10 || after === 9 || after === 13;
    if (spaceBefore && !spaceAfter) parts.push(text.slice(from, at), ' "');
    else if (!spaceBefore) parts.push(text.slice(from, at), '" ');
    else parts.push(text.slice(from, at + 2));
    from = at + 2;
    at = text.indexOf("''", from);
  }
  parts.push(text.slice(from));
  return parts.join('');
}
