/**
 * Page furniture: lines users paste along with articles (browser warnings, link lists, sign-ups, navigation,
 * mastheads, issue lines, inline images), recognised line by line.
 */
import type { Span } from '../types';
import { findDate } from './dates';
import { BYLINE } from './headlines';
import { wordsOf, type Line } from './lines';

// --- furniture --------------------------------------------------------------------------------------

export const FURNITURE_LINE: RegExp[] = [
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
  // a credit line under a picture: "Photo: Tomas Brenner/Nordwire", "Picture by Anna Berg (Kelmsby Courier)"
  /^(?:photo|photograph|picture|image|illustration|credit|photo credit)s?(?:\s*:|\s+by\b)\s*[^.!?]{1,80}$/i,
  /^(?:share|share this|share on|tweet|email|print|comments?)(?:\s*(?:\||·|,)\s*(?:share|tweet|email|print|facebook|twitter|linkedin|whatsapp))*\s*$/i,
  /^(?:copyright|©)\s/i,
  // a site's footer: "All rights reserved", or two of its links on one line ("Terms of Use Privacy Policy Contact Us")
  /\ball rights reserved\b/i,
  /(?:privacy policy|terms of (?:use|service)|contact us|cookie (?:policy|settings)|about us|advertise with us|accessibility statement)\W+(?:.{0,40}\W)?(?:privacy policy|terms of (?:use|service)|contact us|cookie (?:policy|settings)|about us|advertise with us|accessibility statement)/i,
  /^(?:all news|home|menu|search|log ?in|sign in|top stories|latest news)$/i,
  /^<\/?(?:[A-Za-z][\w.-]*:)?(?:image|img|figure|picture|source|svg|div|span|p|a)\b/i,
];

/**
 * The labels a news site prints before a caption or a credit, pasted along with the text ("Image caption",
 * "Media caption", "Image copyright"): masked, so the name before one never runs into it ("… Kowalczyk Image").
 */
export const CAPTION_LABEL = /\b(?:Image|Media|Video|Photo) (?:caption|copyright|source|credit)\b/g;

export const INLINE_FURNITURE = /<(?:[A-Za-z][\w.-]*:)?(?:image|img|svg|picture|figure|source)\b[^>]{0,5000}>(?:[^<]{0,100000}<\/(?:[A-Za-z][\w.-]*:)?(?:image|img|svg|picture|figure)>)?|data:[a-z]+\/[\w.+-]+(?:;[\w=-]+)*,[A-Za-z0-9+/=%._-]{0,1000000}|!\[[^\]\n]{0,500}\]\([^)\n]{0,5000}\)/g;

export function isFurnitureLine(t: string): boolean {
  if (/^<\/?(?:[A-Za-z][\w.-]*:)?(?:image|img|figure|picture|source|svg)\b/i.test(t)) return true;
  if (t.length > 400) return false;
  for (const re of FURNITURE_LINE) if (re.test(t)) return true;
  return isSignUpLine(t) || isNavLine(t);
}

/** A line that ends a sentence (or a quotation): body text, not a label or a button. */
export const ENDS_SENTENCE = /[.!?]["”’)]?$/;

/**
 * A line that is only the heading of a list of links ("More From The Fjord Post", "Related stories",
 * "Read more:"), not a link itself ("Read more: Ferry fares rise" is one furniture line on its own).
 */
export const LINK_LIST_HEADING =
  /^(?:more from\b.{0,40}|more (?:on|about) (?:this|that)(?: story| topic)?|more (?:stories|news|coverage)|related(?: stories| articles| content| coverage| links| news| reading| topics)?|(?:read|see) (?:more|also)|also read|recommended(?: for you| reading| stories)?|you (?:may|might) also (?:like|be interested in)|most (?:read|popular|viewed)|trending(?: now)?|top stories|latest(?: news| stories)?)\s*[:\-–—]?$/i;

/**
 * One entry of such a list: a link headline ("Quota row deepens as fleets tie up"), or the short label
 * under it ("2 hours ago", "5 min read"). A line that reads like body text (long, several sentences, or
 * ending with a period unless title-cased) ends the list.
 */
export function isLinkListItem(t: string): boolean {
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
export function isSignUpLine(t: string): boolean {
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
export function isNavLine(t: string): boolean {
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
export const ISSUE_CUE = /(?:Issue|Vol\.|Volume|No\.|Number)\s*#?\s*\d+\b|(?:[A-Z][\p{L}’']*\s+)?Edition\b|#\d+\b/gu;
export const SMALL_WORDS = new Set(['of', 'the', 'and', 'for', 'on', 'in', 'at', 'a', 'an', 'to', '&']);
export function issueLine(t: string): string | null {
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

/**
 * The first navigation line among the top lines (before any body text) makes the short lines of its block
 * before it a masthead and a lone short word right after it a section label; all are marked as furniture.
 * Returns the masthead's name (the first masthead line), or null.
 */
export function markMasthead(lines: readonly Line[], isFurn: Uint8Array, furniture: Span[]): string | null {
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
export function isMastheadLike(t: string): boolean {
  if (t.length > 50 || /[.!?:,;"”’]$/.test(t) || /^["“‘]/.test(t) || findDate(t) || BYLINE.test(t)) return false;
  const words = wordsOf(t);
  return words.length <= 5 && /^[\p{Lu}\d]/u.test(t);
}
