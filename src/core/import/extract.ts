/**
 * HTML page → article: Mozilla's Readability (the reader view of Firefox) over a linkedom document, after the
 * page's furniture is removed, plus the page's own metadata (metadata.ts). The text comes out as paragraphs
 * (one per block element), captions, share bars, related links and sign-up boxes left out. A page that yields
 * no article (a paywall teaser, an index page, a page that needs JavaScript) is an ImportError, never written.
 */
import { Readability } from '@mozilla/readability';
import { cleanText, ELEMENT_NODE, parsePage, TEXT_NODE, type DomElement, type DomNode } from './dom';
import { isFurnitureParagraph, isTopLabel, PAYWALL, removeFurnitureElements } from './boilerplate';
import { pageMetadata } from './metadata';
import { ImportError, type ExtractedArticle } from './types';
import { canonicalUrl } from './url';

/** Fewer body words than this: not an article. */
export const MIN_ARTICLE_WORDS = 60;
/** With a paywall sign, fewer body words than this: a teaser. */
export const MIN_PAYWALLED_WORDS = 250;

const BLOCK = new Set(['P', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'LI', 'BLOCKQUOTE', 'PRE', 'DD', 'DT', 'TR', 'DIV', 'SECTION', 'ARTICLE', 'UL', 'OL', 'DL', 'TABLE', 'TBODY', 'THEAD', 'HEADER', 'MAIN', 'ADDRESS', 'CENTER', 'HR']);
const SKIP = new Set(['FIGURE', 'FIGCAPTION', 'ASIDE', 'NAV', 'SCRIPT', 'STYLE', 'NOSCRIPT', 'IMG', 'PICTURE', 'SVG', 'BUTTON', 'FORM', 'IFRAME', 'VIDEO', 'AUDIO', 'TEMPLATE']);

interface Collected {
  paragraphs: string[];
  linkChars: number;
  allChars: number;
}

/** The paragraphs of an extracted content element: one per block, inline runs joined, `<br><br>` a break. */
function paragraphsOf(root: DomNode): Collected {
  const out: Collected = { paragraphs: [], linkChars: 0, allChars: 0 };
  let buf = '';
  let prefix = '';
  const flush = () => {
    const t = cleanText(buf);
    if (t) out.paragraphs.push(prefix + t);
    buf = '';
    prefix = '';
  };
  const walk = (n: DomNode, inLink: boolean) => {
    if (n.nodeType === TEXT_NODE) {
      const t = n.textContent ?? '';
      buf += t;
      const len = t.trim().length;
      out.allChars += len;
      if (inLink) out.linkChars += len;
      return;
    }
    if (n.nodeType !== ELEMENT_NODE) return;
    const name = n.nodeName.toUpperCase();
    if (SKIP.has(name)) return;
    if (name === 'BR') {
      const next = nextElementSibling(n);
      if (next && next.nodeName.toUpperCase() === 'BR') flush();
      else buf += ' ';
      return;
    }
    const block = BLOCK.has(name);
    if (block) flush();
    if (name === 'LI') prefix = '- ';
    const link = inLink || name === 'A';
    const kids = n.childNodes;
    for (let i = 0; i < kids.length; i++) {
      walk(kids[i]!, link);
      if (name === 'TR' && (kids[i]!.nodeName === 'TD' || kids[i]!.nodeName === 'TH')) buf += ' | ';
    }
    if (name === 'TR') buf = buf.replace(/\s*\|\s*$/, '');
    if (block) flush();
  };
  walk(root, false);
  flush();
  return out;
}

function nextElementSibling(n: DomNode): DomNode | null {
  const parent = n.parentNode;
  if (!parent) return null;
  const kids = parent.childNodes;
  let seen = false;
  for (let i = 0; i < kids.length; i++) {
    const k = kids[i]!;
    if (k === n) {
      seen = true;
      continue;
    }
    if (!seen) continue;
    if (k.nodeType === TEXT_NODE && !(k.textContent ?? '').trim()) continue;
    return k.nodeType === ELEMENT_NODE ? k : null;
  }
  return null;
}

/** Words of a text; in scripts written without spaces (Chinese, Japanese), two characters count as a word. */
export function countWords(s: string): number {
  const cjk = s.match(/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Thai}]/gu);
  const rest = cjk ? s.replace(/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Thai}]/gu, ' ') : s;
  const m = rest.match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu);
  return (m ? m.length : 0) + Math.ceil((cjk ? cjk.length : 0) / 2);
}

function sameText(a: string, b: string): boolean {
  const n = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
  return n(a) === n(b);
}

/**
 * Elements a page may hold (scripts and styles included). Readability's time grows with them: about 2.5 s for
 * 20,000 on the development machine, so a page beyond this is refused rather than holding the extension host.
 */
export const MAX_ELEMENTS = 40_000;

export interface ExtractOptions {
  /** The page's final URL (fetched) or its address found in a saved file; resolves relative links. */
  readonly pageUrl?: string | null;
  /** Default MAX_ELEMENTS. */
  readonly maxElements?: number;
}

/**
 * Names from Readability's byline guess, which is the byline element's text: "By Ann Lee5 March 2025" (inline
 * elements run together), "Ann Lee | Updated 06:00". The names end where a date, a time or a label begins.
 */
export function bylineNames(byline: string | null | undefined): string[] {
  let t = cleanText(byline).replace(/^(?:by|written by|words by)\s+/i, '');
  t = t.split(/\s*(?:\d|[|•·]|\s[-–—]\s|\b(?:updated|published|posted|last modified)\b)/i)[0]!.trim().replace(/[,;:]$/, '');
  if (!t || t.length > 80 || !/^\p{Lu}/u.test(t)) return [];
  return t.split(/\s*(?:,|\band\b|&)\s*/).filter((n) => n.length > 1 && /^\p{Lu}/u.test(n));
}

/** Extracts the article of a page (decoded HTML). Throws ImportError when the page holds no article. */
export function extractArticle(html: string, options: ExtractOptions = {}): ExtractedArticle {
  const pageUrl = options.pageUrl ?? null;
  const doc = parsePage(html);
  const maxElements = options.maxElements ?? MAX_ELEMENTS;
  const elements = doc.querySelectorAll('*').length;
  if (elements > maxElements) {
    throw new ImportError(`the page is too large to extract (${elements.toLocaleString('en')} elements; the limit is ${maxElements.toLocaleString('en')})`);
  }
  const meta = pageMetadata(doc, pageUrl);
  const bodyText = cleanText(doc.body?.textContent);
  const paywallSign = meta.accessibleForFree === false || PAYWALL.test(bodyText.slice(0, 200_000));
  removeFurnitureElements(doc);
  const reader = new Readability<DomElement>(doc as unknown as ConstructorParameters<typeof Readability>[0], {
    serializer: (el) => el as unknown as DomElement,
    charThreshold: 300,
  });
  const r = reader.parse();
  const title = meta.headline ?? cleanText(r?.title) ?? '';
  const got = r?.content ? paragraphsOf(r.content) : { paragraphs: [], linkChars: 0, allChars: 0 };
  let paragraphs = got.paragraphs.filter((p) => !isFurnitureParagraph(p));
  // the headline and a byline/date label repeated at the top of the text
  while (paragraphs.length > 0 && paragraphs.slice(0, 1).some((p) => sameText(p, title) || isTopLabel(p))) paragraphs = paragraphs.slice(1);
  const bodyWords = paragraphs.reduce((n, p) => n + countWords(p), 0);
  if (paywallSign && bodyWords < MIN_PAYWALLED_WORDS) {
    throw new ImportError(`only a teaser of the article (${bodyWords} words): the page is behind a paywall or needs a sign-in`);
  }
  if (bodyWords < MIN_ARTICLE_WORDS) {
    throw new ImportError(`no article found on the page (${bodyWords} words of text): an index page, a teaser, or a page that needs JavaScript`);
  }
  if (got.allChars > 0 && got.linkChars / got.allChars > 0.5) {
    throw new ImportError('no article found on the page: its text is mostly links (an index or section page)');
  }
  if (!title) throw new ImportError('no headline found on the page');
  const authors = meta.authors.length > 0 ? meta.authors : bylineNames(r?.byline);
  const url = meta.canonicalUrl ?? (pageUrl ? canonicalUrl(pageUrl) : null);
  return {
    title,
    publisher: meta.publisher ?? (cleanText(r?.siteName) || null),
    authors,
    published: meta.published,
    url,
    paragraphs,
  };
}
