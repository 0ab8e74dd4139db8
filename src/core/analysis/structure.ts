/**
 * Layout of an article: paragraphs, page furniture (browser warnings, "ALSO READ" links, newsletter
 * sign-ups, social handles, image beacons, inline data: images) and the metadata found at the top
 * (headline, byline, date, dateline, publisher). Everything here is line-based and linear in the text size.
 */
import type { ArticleMetadata, PassageKind, Span } from './types';
import { parseArticleHeader } from '../import/articleFormat';
import { importedLayout } from '../import/articleLayout';

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
}

interface Line extends Span {
  readonly text: string;
}

function splitLines(text: string, limit: number): Line[] {
  const out: Line[] = [];
  let i = 0;
  const n = Math.min(text.length, limit);
  while (i < n) {
    let j = i;
    while (j < n) {
      const c = text.charCodeAt(j);
      if (c === 10 || c === 13 || c === 0x2028 || c === 0x2029) break;
      j++;
    }
    // trim
    let s = i;
    let e = j;
    while (s < e && isBlank(text.charCodeAt(s))) s++;
    while (e > s && isBlank(text.charCodeAt(e - 1))) e--;
    if (e > s) out.push({ start: s, end: e, text: text.slice(s, e) });
    else out.push({ start: i, end: i, text: '' });
    if (j < n && text.charCodeAt(j) === 13 && text.charCodeAt(j + 1) === 10) j++;
    i = j + 1;
  }
  return out;
}

function isBlank(c: number): boolean {
  return c === 32 || c === 9 || c === 0xa0 || c === 0xfeff || c === 0x200b || c === 12 || (c >= 0x2000 && c <= 0x200a) || c === 0x202f || c === 0x3000;
}

// --- furniture --------------------------------------------------------------------------------------

const FURNITURE_LINE: RegExp[] = [
  /^you are using an? (?:older|outdated|unsupported) browser/i,
  /please (?:use|upgrade to) a (?:supported|modern|newer) (?:browser|version)/i,
  /^(?:also read|read more|read also|related|recommended|see also|more from|more on this|most read|most popular|trending|advertisement|sponsored|skip to (?:main )?content)\b\s*[:\-–—]?/i,
  /^(?:sign up|subscribe|unlock|get) (?:for |to )?(?:the |our )?[\w ’']{0,60}newsletter/i,
  /\bnewsletter\b.{0,40}\b(?:for free|sign up|subscribe)\b/i,
  /^[Vv]ia [A-Z][\w.& ]{0,30}$/,
  /^(?:twitter|follow (?:us|me|him|her)?(?: on)?(?: twitter| instagram| facebook)?|instagram|facebook|x)\s*:?\s*@\w+/i,
  /^(?:@\w+(?:\s*(?:,|and|&)\s*)?)+$/,
  /^(?:image beacon)+$/i,
  /^(?:article by|source|photo|image|credit|getty images|reuters photo)\s*:\s*(?:source\s*:)?\s*$/i,
  /^(?:share|share this|share on|tweet|email|print|comments?)(?:\s*(?:\||·|,)\s*(?:share|tweet|email|print|facebook|twitter|linkedin|whatsapp))*\s*$/i,
  /^(?:copyright|©)\s/i,
  /^(?:all news|home|menu|search|log ?in|sign in|top stories|latest news)$/i,
  /^<\/?(?:[A-Za-z][\w.-]*:)?(?:image|img|figure|picture|source|svg|div|span|p|a)\b/i,
];

const INLINE_FURNITURE = /<(?:[A-Za-z][\w.-]*:)?(?:image|img|svg|picture|figure|source)\b[^>]{0,5000}>(?:[^<]{0,100000}<\/(?:[A-Za-z][\w.-]*:)?(?:image|img|svg|picture|figure)>)?|data:[a-z]+\/[\w.+-]+(?:;[\w=-]+)*,[A-Za-z0-9+/=%._-]{0,1000000}|!\[[^\]\n]{0,500}\]\([^)\n]{0,5000}\)/g;

function isFurnitureLine(t: string): boolean {
  if (/^<\/?(?:[A-Za-z][\w.-]*:)?(?:image|img|figure|picture|source|svg)\b/i.test(t)) return true;
  if (t.length > 400) return false;
  for (const re of FURNITURE_LINE) if (re.test(t)) return true;
  return isSignUpLine(t) || isNavLine(t);
}

/** A line that ends a sentence (or a quotation): body text, not a label or a button. */
const ENDS_SENTENCE = /[.!?]["”’)]?$/;

/**
 * A line that is only the heading of a list of links ("More From The Fjord Post", "Related stories",
 * "Read more:"), not a link itself ("Read more: Ferry fares rise" is one furniture line on its own).
 */
const LINK_LIST_HEADING =
  /^(?:more from\b.{0,40}|more (?:on|about) (?:this|that)(?: story| topic)?|more (?:stories|news|coverage)|related(?: stories| articles| content| coverage| links| news| reading| topics)?|(?:read|see) (?:more|also)|also read|recommended(?: for you| reading| stories)?|you (?:may|might) also (?:like|be interested in)|most (?:read|popular|viewed)|trending(?: now)?|top stories|latest(?: news| stories)?)\s*[:\-–—]?$/i;

/**
 * One entry of such a list: a link headline ("Quota row deepens as fleets tie up"), or the short label
 * under it ("2 hours ago", "5 min read"). A line that reads like body text (long, several sentences, or
 * ending with a period unless title-cased) ends the list.
 */
function isLinkListItem(t: string): boolean {
  if (t.length > 160) return false;
  const words = wordsOf(t);
  if (words.length > 25) return false;
  // a sentence break inside the line: body text
  if (/[.!?]["”’)]?\s+["“‘(]?\p{Lu}/u.test(t.slice(0, -1))) return false;
  if (/[.;:,]$/.test(t)) {
    if (!/\.$/.test(t)) return false;
    let caps = 0;
    for (const w of words) if (/^[\p{Lu}\d"“‘']/u.test(w)) caps++;
    return caps / words.length >= 0.6;
  }
  return true;
}

/**
 * Sign-up and account furniture: "Sign up to X Briefing", "Sign up for X | Manage your subscription |
 * Unsubscribe", "Get the day's top stories in your inbox … Sign up", "Enjoyed this issue? Forward it to a
 * colleague." Short lines only: a paragraph that merely mentions subscribing is body text.
 */
function isSignUpLine(t: string): boolean {
  if (t.length > 200) return false;
  // "Sign up to Europe Briefing", "Subscribe now": a short label, not a sentence.
  if (t.length <= 80 && /^(?:sign up|subscribe)\b/i.test(t) && !ENDS_SENTENCE.test(t)) return true;
  // account links: "Manage your subscription | Unsubscribe", "View in browser"
  if (/\b(?:manage (?:your )?subscriptions?|unsubscribe|update (?:your )?(?:email )?preferences|view (?:this email |it )?in (?:your |a )?browser)\b/i.test(t)) {
    if (/[|·•]/.test(t) || !ENDS_SENTENCE.test(t)) return true;
  }
  // a promo that ends in its button: "… in your inbox every weekday morning. Sign up"
  if (/[.!?:]\s*(?:sign up|subscribe)(?: now| here| for free| free| today)?\s*[›>→]?$/i.test(t) && /\b(?:inbox|newsletter|briefing|email|daily|weekly)\b/i.test(t)) return true;
  if (t.length <= 160 && /^(?:get|receive|have)\b.{0,100}\b(?:in|to) your inbox\b/i.test(t)) return true;
  if (t.length <= 160) {
    if (/^enjoyed this (?:issue|newsletter|email|edition|briefing)\b/i.test(t)) return true;
    if (/\bforward (?:it|this(?: email| newsletter| issue| edition| briefing)?) to (?:a |your )?(?:friend|colleague)s?\b/i.test(t)) return true;
    if (/^(?:was this (?:email|newsletter|briefing) forwarded to you|forwarded this (?:email|newsletter))\b/i.test(t)) return true;
  }
  return false;
}

/**
 * A navigation line: three or more short items separated by `|`, `·` or `•` ("Home | World | Europe").
 * A byline or a date line written with the same separators ("By X · 5 March 2025 · 4 min read") is not one.
 */
function isNavLine(t: string): boolean {
  if (t.length > 300 || !/[|·•]/.test(t)) return false;
  const items = t.split(/\s*[|·•]\s*/);
  if (items.length < 3) return false;
  for (const it of items) {
    if (!it || it.length > 30 || /[.!?,;:]$/.test(it) || /^["“‘]/.test(it)) return false;
    if (wordsOf(it).length > 4) return false;
  }
  if (/^(?:by|written by|words by|reporting by)\s/i.test(t) || findDate(t)) return false;
  return true;
}

/**
 * A masthead line naming an issue or edition ("Ocean Policy Weekly — Issue 112", "The Harbour Letter No. 45",
 * "Vol. 3, No. 12", "Coastal Brief | Weekend Edition"). Returns the publication's name (the part before the
 * cue) or '' when the line has none, null when the line is not one.
 */
const ISSUE_CUE = /(?:Issue|Vol\.|Volume|No\.|Number)\s*#?\s*\d+\b|(?:[A-Z][\p{L}’']*\s+)?Edition\b|#\d+\b/gu;
const SMALL_WORDS = new Set(['of', 'the', 'and', 'for', 'on', 'in', 'at', 'a', 'an', 'to', '&']);
function issueLine(t: string): string | null {
  if (t.length > 100 || wordsOf(t).length > 14 || /[!?]$/.test(t) || /\.$/.test(t.replace(/\b(?:No|Vol)\.$/, ''))) return null;
  ISSUE_CUE.lastIndex = 0;
  for (let m = ISSUE_CUE.exec(t); m; m = ISSUE_CUE.exec(t)) {
    const before = t.slice(0, m.index);
    const after = t.slice(m.index + m[0].length);
    // the cue ends the line or is followed by a separator (a date, another cue)
    if (!/^\s*(?:$|[—–\-|·•:,(])/.test(after)) continue;
    const name = before.replace(/[\s—–\-|·•:,(]+$/, '');
    const separated = name.length < before.length && /[—–\-|·•:,(]\s*$/.test(before);
    const words = wordsOf(name);
    const titled = words.length > 0 && words.length <= 6 && words.every((w, i) => /^[\p{Lu}\d]/u.test(w) || (i > 0 && SMALL_WORDS.has(w)));
    if (!name) return '';
    if (!(separated || titled)) continue;
    return titled ? name : '';
  }
  return null;
}

// --- dates ------------------------------------------------------------------------------------------

const MONTHS: Record<string, number> = {
  jan: 1, january: 1, feb: 2, february: 2, mar: 3, march: 3, apr: 4, april: 4, may: 5, jun: 6, june: 6, jul: 7, july: 7,
  aug: 8, august: 8, sep: 9, sept: 9, september: 9, oct: 10, october: 10, nov: 11, november: 11, dec: 12, december: 12,
};
const MONTH_RE = '(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?';
const WEEKDAY_RE = '(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs)?|Fri|Sat(?:ur)?|Sun)(?:day)?';

const DATE_PATTERNS: RegExp[] = [
  /\b(\d{4})-(\d{2})-(\d{2})\b/,
  new RegExp(`\\b(?:${WEEKDAY_RE},?\\s*[/,]?\\s*)?(${MONTH_RE})\\s+(\\d{1,2})(?:st|nd|rd|th)?(?:,?\\s+(\\d{4}))?\\b\\.?`, 'i'),
  new RegExp(`\\b(?:${WEEKDAY_RE},?\\s*[/,]?\\s*)?(\\d{1,2})(?:st|nd|rd|th)?\\s+(${MONTH_RE})(?:,?\\s+(\\d{4}))?\\b\\.?`, 'i'),
  /\b(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})\b/,
];

const WEEKDAY_DATE = new RegExp(`^${WEEKDAY_RE}\\s*[/,]?\\s*${MONTH_RE}\\s+\\d{1,2}\\.?(?:,?\\s+\\d{4})?$|^${WEEKDAY_RE}\\s*[/,]?\\s*\\d{1,2}\\s+${MONTH_RE}(?:,?\\s+\\d{4})?\\.?$`, 'i');

export interface FoundDate {
  readonly text: string;
  readonly iso: string | null;
  readonly index: number;
}

function pad(n: number): string {
  return n < 10 ? '0' + n : String(n);
}

/** Finds the first date in a short string; returns the text as written and ISO when the year is known. */
export function findDate(s: string): FoundDate | null {
  let best: FoundDate | null = null;
  for (let p = 0; p < DATE_PATTERNS.length; p++) {
    const m = DATE_PATTERNS[p]!.exec(s);
    if (!m) continue;
    let iso: string | null = null;
    if (p === 0) {
      const mo = Number(m[2]);
      const d = Number(m[3]);
      if (mo >= 1 && mo <= 12 && d >= 1 && d <= 31) iso = `${m[1]}-${m[2]}-${m[3]}`;
      else continue;
    } else if (p === 1 || p === 2) {
      const monthName = (p === 1 ? m[1] : m[2])!.replace('.', '').toLowerCase();
      const mo = MONTHS[monthName];
      const d = Number(p === 1 ? m[2] : m[1]);
      if (!mo || d < 1 || d > 31) continue;
      if (m[3]) iso = `${m[3]}-${pad(mo)}-${pad(d)}`;
    } else {
      const a = Number(m[1]);
      const b = Number(m[2]);
      // dd-mm-yyyy unless the first number cannot be a day of a month ≤ 12
      let d = a;
      let mo = b;
      if (b > 12 && a <= 12) {
        d = b;
        mo = a;
      }
      if (mo < 1 || mo > 12 || d < 1 || d > 31) continue;
      iso = `${m[3]}-${pad(mo)}-${pad(d)}`;
    }
    const found = { text: m[0].trim(), iso, index: m.index };
    if (!best || found.index < best.index) best = found;
  }
  return best;
}

// --- headline / byline / dateline ---------------------------------------------------------------------

const DATELINE = /^((?:\p{Lu}[\p{Lu}.'’-]+(?:[ -]\p{Lu}[\p{Lu}.'’-]+){0,3}|\p{Lu}\p{Ll}+(?: \p{Lu}\p{Ll}+)?)(?:,\s*(?:\p{Lu}\p{Ll}+\.?(?: \p{Lu}\p{Ll}+)?,?\s*)?(?:\p{Lu}\p{Ll}{2,8}\.? \d{1,2}|\d{1,2} \p{Lu}\p{Ll}{2,8}))?)(?:\s*[.,]?\s*(\/\p{Lu}[\p{L}-]{1,12}\/|\((?:AP|AFP|Reuters|Bloomberg|\p{Lu}\p{L}{1,15})\))\.?(?:\s*[-–—]+)?|\s*[-–—]+|:(?=\s+[\p{Lu}"“]))\s+/u;

// Case-sensitive names (so "By Clara Moreau in Brussels" stops before "in"); any case for the cue word.
const BYLINE = /^(?:[Bb][Yy]|[Ww]ritten [Bb]y|[Ww]ords [Bb]y|[Rr]eporting [Bb]y|BY|WRITTEN BY|WORDS BY|REPORTING BY)\s+([\p{Lu}][\p{L}'’.-]+(?:\s+(?:[\p{Lu}][\p{L}'’.-]+|van|von|de|der|da|al|bin|and|&)){0,6})(?:\s*(?:,|\||—|–|-|·|\bin\b|\bat\b)\s*.*)?$/u;

/** A time after a date on its line: "Wednesday 5 March 2025 06.00 GMT", "March 4, 2025, 10:15 am". */
const TIME_SUFFIX = /,?\s+(?:at\s+)?\d{1,2}[.:]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s+[A-Z]{2,4})?$/i;

const LOGO = /^([A-Z][\w.& ]{1,40}?) logo\s*\1?\s*(.*)$/;

const AGENCIES: Record<string, string> = {
  TASS: 'TASS', AP: 'Associated Press', AFP: 'AFP', REUTERS: 'Reuters', BLOOMBERG: 'Bloomberg', XINHUA: 'Xinhua', RIA: 'RIA Novosti', PTI: 'PTI', UPI: 'UPI', IANS: 'IANS', INTERFAX: 'Interfax',
};

function wordsOf(t: string): string[] {
  return t.split(/\s+/).filter((w) => w.length > 0);
}

/**
 * `standalone`: the line is a paragraph of its own and the text after it runs longer, as a headline above a
 * story does; then a short sentence-case line ending in a period ("Green Party candidate removed from debate
 * site by police.") or in a semicolon before its subheading ("Candidates vie for vets' support;") is one too.
 */
function looksLikeHeadline(t: string, standalone = false): boolean {
  if (t.length < 8 || t.length > 220) return false;
  const words = wordsOf(t);
  if (words.length < 3 || words.length > 30) return false;
  if (standalone && /;$/.test(t) && words.length <= 16) return true;
  if (/[.:;,]$/.test(t) && !/\.$/.test(t)) return false;
  if (/\.$/.test(t)) {
    // A headline may end with a period if it is title-cased (PolNeAR style) and a single sentence, or if it
    // stands alone above a longer paragraph and is short ("Virginian could make history. Again.").
    const sentences = /[.!?]["”’]?\s+["“‘]?[A-Z]/.test(t.slice(0, -1));
    if (standalone && words.length <= 16 && (!sentences || words.length <= 8)) return true;
    if (sentences) return false;
    let caps = 0;
    for (const w of words) if (/^[\p{Lu}\d"“‘']/u.test(w)) caps++;
    return caps / words.length >= 0.6;
  }
  if (/[.!?]["”’)]?\s+["“]?[A-Z]/.test(t) && words.length > 20) return false;
  return true;
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

  // Metadata from the top of the article.
  let title: string | null = null;
  let titleSpan: Span | null = null;
  let publisher: string | null = null;
  let date: FoundDate | null = null;
  let author: string | null = null;
  let dateline: string | null = null;
  let datelineSpan: Span | null = null;
  let datelinePlace: Span | null = null;
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
    const undated = t.replace(TIME_SUFFIX, '');
    if (WEEKDAY_DATE.test(undated) || (/^\S.{0,40}$/.test(undated) && findDate(undated)?.text.length === undated.replace(/\.$/, '').length)) {
      if (!date) date = findDate(undated);
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
    if (firstBody < 0 && (t.length > 120 || /[.!?"”’]$/.test(t))) {
      firstBody = k;
      break;
    }
  }
  if (firstBody < 0) {
    for (let k = 0; k < lines.length; k++) {
      if (lines[k]!.text && !isFurn[k] && !kinds.has(k)) {
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
  };
}

/**
 * The first navigation line among the top lines (before any body text) makes the short lines of its block
 * before it a masthead and a lone short word right after it a section label; all are marked as furniture.
 * Returns the masthead's name (the first masthead line), or null.
 */
function markMasthead(lines: readonly Line[], isFurn: Uint8Array, furniture: Span[]): string | null {
  let nav = -1;
  let seen = 0;
  for (let k = 0; k < lines.length && seen < 12; k++) {
    const t = lines[k]!.text;
    if (!t) continue;
    seen++;
    if (isFurn[k]) {
      if (isNavLine(t)) {
        nav = k;
        break;
      }
      continue;
    }
    if (t.length > 120 || ENDS_SENTENCE.test(t)) break; // body text: no masthead below it
  }
  if (nav < 0) return null;
  const mark = (k: number) => {
    isFurn[k] = 1;
    furniture.push({ start: lines[k]!.start, end: lines[k]!.end });
  };
  let name: string | null = null;
  for (let k = nav - 1; k >= 0 && lines[k]!.text; k--) {
    const t = lines[k]!.text;
    if (isFurn[k]) continue;
    if (!isMastheadLike(t)) break;
    mark(k);
    name = t;
  }
  let k = nav + 1;
  while (k < lines.length && lines[k]!.text && isFurn[k]) k++;
  const t = k < lines.length ? lines[k]!.text : '';
  if (t && wordsOf(t).length <= 2 && t.length <= 30 && !/[.!?:,;"”’]$/.test(t) && !findDate(t)) mark(k);
  return name;
}

/** A short name-like line: "The Northern Ledger", "HARBOUR DAILY". */
function isMastheadLike(t: string): boolean {
  if (t.length > 50 || /[.!?:,;"”’]$/.test(t) || /^["“‘]/.test(t) || findDate(t) || BYLINE.test(t)) return false;
  const words = wordsOf(t);
  return words.length <= 5 && /^[\p{Lu}\d]/u.test(t);
}

/**
 * Line k is a paragraph of its own (a blank line after it, or a line that runs on as a subheading) and the
 * next text line, furniture aside, is longer: how a headline sits above its story.
 */
function isStandalone(lines: readonly Line[], k: number, isFurn: Uint8Array): boolean {
  let j = k + 1;
  const blank = j < lines.length && !lines[j]!.text;
  while (j < lines.length && (!lines[j]!.text || isFurn[j])) j++;
  if (j >= lines.length) return false;
  const next = lines[j]!.text;
  return (blank || /;$/.test(lines[k]!.text)) && next.length > lines[k]!.text.length;
}

function nextNonEmpty(lines: readonly Line[], k: number): Line | undefined {
  for (let j = k + 1; j < lines.length && j < k + 4; j++) if (lines[j]!.text) return lines[j];
  return undefined;
}
