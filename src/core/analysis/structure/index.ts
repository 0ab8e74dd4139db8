/**
 * Layout of an article: paragraphs, page furniture (browser warnings, "ALSO READ" links, newsletter
 * sign-ups, social handles, image beacons, inline data: images) and the metadata found at the top
 * (headline, byline, date, dateline, publisher). Everything here is line-based and linear in the text size.
 * Modules: lines.ts (lines and offsets), furniture.ts (page furniture), dates.ts, headlines.ts (headline, byline,
 * dateline patterns); this file puts them together.
 */
import type { ArticleMetadata, PassageKind, Span } from '../types';
import { parseArticleHeader } from '../../import/articleFormat';
import { importedLayout } from '../../import/articleLayout';
import { findDate, TIME_SUFFIX, WEEKDAY_DATE, type FoundDate } from './dates';
import { CAPTION_LABEL, ENDS_SENTENCE, INLINE_FURNITURE, isFurnitureLine, isLinkListItem, issueLine, LINK_LIST_HEADING, markMasthead } from './furniture';
import { AGENCIES, BYLINE, DATELINE, isStandalone, LOGO, looksLikeHeadline } from './headlines';
import { nextNonEmpty, splitLines, wordsOf } from './lines';

export { findDate, type FoundDate } from './dates';

export interface Block extends Span {
  kind: PassageKind;
}

export interface Structure {
  readonly blocks: Block[];
  /** Furniture spans: whole lines and inline pieces (data: images, markup). */
  readonly furniture: Span[];
  readonly metadata: ArticleMetadata;
  /** The first body paragraph's dateline span, when found (kept out of quotes, still scanned for entities). */
  readonly datelineSpan: Span | null;
  /** The place the dateline names ("TROMSØ" in `TROMSØ (Reuters) —`): a place whatever the recogniser says. */
  readonly datelinePlace: Span | null;
  /** The news agency the dateline names ("AP" in `WASHINGTON (AP) —`, "NORDWIRE" in `/NORDWIRE/`): an organisation. */
  readonly datelineAgency: Span | null;
}

/** A note from the editors put above or below a story: "EDITOR'S NOTE: …", "Correction: …", "Update (May 3): …". */
const EDITORS_NOTE = /^(?:EDITOR[’']?S[’']? NOTES?|Editor[’']?s[’']? [Nn]otes?|CORRECTION|Correction|CLARIFICATION|Clarification|UPDATE|Update|Updated)\b[^:—–\n]{0,40}[:—–]/;

/** True for an editors' note line ("EDITOR'S NOTE: …", "Correction: …"): article text, never its headline or dateline. */
export function isEditorsNote(t: string): boolean {
  return EDITORS_NOTE.test(t);
}

/** Analyses layout and metadata. `limit`: characters beyond it are laid out as paragraphs only. */
export function analyzeStructure(text: string): Structure {
  // An imported article (headline, metadata block, paragraphs): its header is taken as written.
  const imported = parseArticleHeader(text);
  if (imported) return importedLayout(text, imported, analyzeStructure);
  const lines = splitLines(text, text.length);
  const furniture: Span[] = [];
  const isFurn = new Uint8Array(lines.length);
  // Hard-wrapped text: join consecutive non-empty lines into one paragraph.
  let multi = 0;
  let nonEmpty = 0;
  let totalLen = 0;
  for (let k = 0; k < lines.length; k++) {
    if (!lines[k]!.text) continue;
    nonEmpty++;
    totalLen += lines[k]!.text.length;
    // a line that runs on into the next one without ending a sentence
    if (k + 1 < lines.length && lines[k + 1]!.text && !/[.!?:"”’)]$/.test(lines[k]!.text)) multi++;
  }
  const hardWrapped = nonEmpty > 6 && multi / nonEmpty > 0.6 && totalLen / nonEmpty < 90;

  // Line furniture.
  let afterNewsletter = false;
  // A heading of links after the body ("More From X", "Related", "Read more") and the link headlines under it.
  let inLinkList = false;
  let seenBody = false;
  for (let k = 0; k < lines.length; k++) {
    const l = lines[k]!;
    if (!l.text) continue;
    let furn = isFurnitureLine(l.text);
    if (!furn && afterNewsletter && l.text.length < 140 && !/[.!?"”]$/.test(l.text)) furn = true;
    afterNewsletter = furn && /newsletter/i.test(l.text);
    if (furn) {
      if (seenBody && LINK_LIST_HEADING.test(l.text)) inLinkList = true;
    } else if (inLinkList && isLinkListItem(l.text)) furn = true;
    else {
      inLinkList = false;
      if (l.text.length > 120 || ENDS_SENTENCE.test(l.text)) seenBody = true;
    }
    // Breadcrumbs: "HomeFT SelectPutin urges ..." ending with the next line's text.
    if (!furn && k < 12) {
      const next = nextNonEmpty(lines, k);
      if (next && next.text.length >= 12 && l.text.length > next.text.length && l.text.endsWith(next.text)) furn = true;
    }
    if (furn) {
      isFurn[k] = 1;
      furniture.push({ start: l.start, end: l.end });
    }
  }
  // Masthead and section label around the first navigation line at the top of the page:
  // "The Northern Ledger" / "Home | World | Europe | Business" / "Europe".
  const masthead = markMasthead(lines, isFurn, furniture);
  // Inline furniture (data: images, image tags, markdown images) anywhere.
  INLINE_FURNITURE.lastIndex = 0;
  if (text.indexOf('data:') >= 0 || text.indexOf('<im') >= 0 || text.indexOf('![') >= 0) {
    for (let m = INLINE_FURNITURE.exec(text); m; m = INLINE_FURNITURE.exec(text)) {
      if (m[0].length === 0) {
        INLINE_FURNITURE.lastIndex++;
        continue;
      }
      furniture.push({ start: m.index, end: m.index + m[0].length });
    }
  }
  if (text.indexOf(' caption') >= 0 || text.indexOf(' copyright') >= 0 || text.indexOf(' source') >= 0 || text.indexOf(' credit') >= 0) {
    CAPTION_LABEL.lastIndex = 0;
    for (let m = CAPTION_LABEL.exec(text); m; m = CAPTION_LABEL.exec(text)) furniture.push({ start: m.index, end: m.index + m[0].length });
  }

  // Metadata from the top of the article.
  let title: string | null = null;
  let titleSpan: Span | null = null;
  let publisher: string | null = null;
  let date: FoundDate | null = null;
  let author: string | null = null;
  let dateline: string | null = null;
  let datelineSpan: Span | null = null;
  let datelinePlace: Span | null = null;
  let datelineAgency: Span | null = null;
  let issuePublisher: string | null = null;
  const kinds = new Map<number, PassageKind>();
  let firstBody = -1;
  let seen = 0;
  for (let k = 0; k < lines.length && seen < 10; k++) {
    const l = lines[k]!;
    if (!l.text || isFurn[k]) continue;
    seen++;
    const t = l.text;
    if (!title && firstBody < 0) {
      // "Ocean Policy Weekly — Issue 112": the publication, not the headline.
      const issue = issueLine(t);
      if (issue !== null) {
        if (issue && !issuePublisher) issuePublisher = issue;
        const d = findDate(t);
        if (d && !date) date = d;
        isFurn[k] = 1;
        furniture.push({ start: l.start, end: l.end });
        continue;
      }
    }
    // "EDITOR'S NOTE: …", "Correction: …" added above the story: text of the article, but no layout clue
    if (EDITORS_NOTE.test(t)) continue;
    const undated = t.replace(TIME_SUFFIX, '');
    if (WEEKDAY_DATE.test(undated) || (/^\S.{0,40}$/.test(undated) && findDate(undated)?.text.length === undated.replace(/\.$/, '').length)) {
      const d = findDate(undated);
      // "Tuesday / March 19." above the masthead: the site's own date of the day, page furniture; a date line
      // with a year, or one below the headline, is the article's
      if (!title && d && !d.iso && WEEKDAY_DATE.test(undated) && /\//.test(undated)) {
        isFurn[k] = 1;
        furniture.push({ start: l.start, end: l.end });
        continue;
      }
      if (!date) date = d;
      kinds.set(k, 'dateline');
      continue;
    }
    const logo = LOGO.exec(t);
    if (logo) {
      publisher = logo[1]!.trim();
      const rest = logo[2] ?? '';
      const d = findDate(rest);
      if (d && !date) date = d;
      const name = (d ? rest.slice(0, d.index) + ' ' + rest.slice(d.index + d.text.length) : rest).trim();
      if (/^[A-Z][\p{L}'’.-]+(?:\s+[A-Z][\p{L}'’.-]+){0,3}$/u.test(name)) author = name;
      kinds.set(k, 'byline');
      continue;
    }
    const by = BYLINE.exec(t);
    if (by && t.length < 120) {
      author = by[1]!.trim();
      const d = findDate(t);
      if (d && !date) date = d;
      kinds.set(k, 'byline');
      continue;
    }
    if (!title && firstBody < 0 && looksLikeHeadline(t, isStandalone(lines, k, isFurn)) && !/^["“‘]/.test(t)) {
      title = t.replace(/;$/, '');
      titleSpan = { start: l.start, end: l.end };
      kinds.set(k, 'headline');
      continue;
    }
    if (!title && firstBody < 0 && wordsOf(t).length <= 2 && t.length < 25 && !/[.!?"”]$/.test(t)) {
      // navigation crumbs ("All news") before the headline
      isFurn[k] = 1;
      furniture.push({ start: l.start, end: l.end });
      continue;
    }
    // (a sentence's end, or a quotation's: '' is the New York Times archive's closing quotation mark; or a line
    // opening with an agency's dateline, whatever its end: "WASHINGTON (AP) — The Latest on … (all times EST):")
    if (firstBody < 0 && (t.length > 120 || /(?:[.!?"”’]|'')$/.test(t) || DATELINE.exec(t)?.[2])) {
      firstBody = k;
      break;
    }
  }
  if (firstBody < 0) {
    for (let k = 0; k < lines.length; k++) {
      if (lines[k]!.text && !isFurn[k] && !kinds.has(k) && !EDITORS_NOTE.test(lines[k]!.text)) {
        firstBody = k;
        break;
      }
    }
  }
  if (firstBody >= 0) {
    const l = lines[firstBody]!;
    const m = DATELINE.exec(l.text);
    if (m && m[0].length < 60) {
      const place = m[1]!;
      const agency = m[2];
      const allCaps = place === place.toUpperCase();
      // a dateline is followed by the story in running text; "SOCCER - SHEARER NAMED AS CAPTAIN." is a shouted headline
      const story = /\p{Ll}/u.test(l.text.slice(m[0].length, m[0].length + 60)) || place.includes(',');
      if (agency || (allCaps && story) || (m[0].trimEnd().endsWith(':') && wordsOf(place).length <= 2)) {
        dateline = m[0].trim().replace(/[-–—:]+$/, '').trim();
        datelineSpan = { start: l.start, end: l.start + m[0].trimEnd().length };
        datelinePlace = { start: l.start, end: l.start + place.split(',')[0]!.trimEnd().length };
        if (agency) {
          const at = l.start + m[0].indexOf(agency, place.length) + 1;
          datelineAgency = { start: at, end: at + agency.length - 2 };
          const a = agency.replace(/[/()]/g, '');
          publisher = publisher ?? AGENCIES[a.toUpperCase()] ?? a;
        }
        if (!date) {
          const d = findDate(dateline);
          if (d) date = d;
        }
      }
    }
  }
  // Publisher clues anywhere in furniture: "Via FT", "More From LiveMint".
  if (!publisher) {
    for (const f of furniture) {
      const t = text.slice(f.start, Math.min(f.end, f.start + 200));
      const via = /^[Vv]ia ([A-Z][\w.& ]{0,30})$/.exec(t) ?? /^more from ([A-Z][\w.& ]{0,30})$/i.exec(t);
      if (via) {
        publisher = via[1]!.trim();
        break;
      }
    }
  }
  // The page's own name: an issue line's publication, else the masthead above the navigation.
  if (!publisher) publisher = issuePublisher ?? masthead;
  if (!publisher) {
    for (const l of lines.slice(0, 12)) {
      const c = /^Home([A-Z]{2,6})(?=[A-Z ])/.exec(l.text);
      if (c) {
        publisher = c[1]!;
        break;
      }
    }
  }

  // A wire credit after the last sentence of the last body paragraph ("... the temperature.” Bloomberg").
  for (let k = lines.length - 1; k >= 0; k--) {
    const l = lines[k]!;
    if (!l.text || isFurn[k]) continue;
    const m = /[.!?]["”’]?\s+((?:[A-Z][A-Za-z&.]+)(?: [A-Z][A-Za-z&.]+)?)$/.exec(l.text);
    if (m && l.text.length > 80) {
      const start = l.start + m.index + m[0].length - m[1]!.length;
      furniture.push({ start, end: l.end });
    }
    break;
  }

  // Blocks (passages).
  const blocks: Block[] = [];
  let k = 0;
  while (k < lines.length) {
    const l = lines[k]!;
    if (!l.text) {
      k++;
      continue;
    }
    if (isFurn[k]) {
      blocks.push({ start: l.start, end: l.end, kind: 'furniture' });
      k++;
      continue;
    }
    const kind = kinds.get(k) ?? 'paragraph';
    let end = l.end;
    let j = k + 1;
    if (hardWrapped && kind === 'paragraph') {
      while (j < lines.length && lines[j]!.text && !isFurn[j] && !kinds.has(j)) {
        end = lines[j]!.end;
        j++;
      }
    }
    blocks.push({ start: l.start, end, kind });
    k = j;
  }

  return {
    blocks,
    furniture: furniture.sort((a, b) => a.start - b.start),
    metadata: {
      title,
      titleDerived: false,
      titleSpan,
      publisher,
      date: date ? date.text : null,
      dateIso: date ? date.iso : null,
      author,
      dateline,
    },
    datelineSpan,
    datelinePlace,
    datelineAgency,
  };
}
