/**
 * What a news page states about itself in its markup: JSON-LD (`NewsArticle` and kin: headline, datePublished,
 * author, publisher, isAccessibleForFree), Open Graph and article meta tags (`article:published_time`,
 * `og:site_name`, `og:title`), `<link rel=canonical>`, and the page's `h1`. Each field takes the first source
 * that has it, in that order of trust.
 */
import { findDate } from '../analysis/structure';
import { all, cleanText, spacedText, type DomDocument } from './dom';
import type { PageMetadata } from './types';
import { canonicalUrl } from './url';

type Json = string | number | boolean | null | Json[] | { [k: string]: Json };
type JsonObject = { [k: string]: Json };

const ARTICLE_TYPE = /(?:^|:)(?:NewsArticle|Article|ReportageNewsArticle|AnalysisNewsArticle|OpinionNewsArticle|BackgroundNewsArticle|ReviewNewsArticle|BlogPosting|LiveBlogPosting|Report|ScholarlyArticle|TechArticle)$/;

function isObject(v: Json | undefined): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function typesOf(o: JsonObject): string[] {
  const t = o['@type'];
  return (Array.isArray(t) ? t : [t]).filter((x): x is string => typeof x === 'string');
}

/** Every JSON-LD object of the page (top level, arrays and `@graph` flattened), in document order. */
export function jsonLdObjects(doc: DomDocument): JsonObject[] {
  const out: JsonObject[] = [];
  const visit = (v: Json | undefined, depth: number) => {
    if (depth > 4 || v === undefined) return;
    if (Array.isArray(v)) for (const x of v) visit(x, depth + 1);
    else if (isObject(v)) {
      out.push(v);
      if (v['@graph'] !== undefined) visit(v['@graph'], depth + 1);
      // a WebPage whose main entity is the article
      if (isObject(v['mainEntity']) || Array.isArray(v['mainEntity'])) visit(v['mainEntity'], depth + 1);
    }
  };
  for (const s of all(doc, 'script[type="application/ld+json" i]')) {
    const src = (s.textContent ?? '').trim();
    if (!src || src.length > 2_000_000) continue;
    try {
      visit(JSON.parse(src.replace(/^\s*<!--|-->\s*$/g, '')) as Json, 0);
    } catch {
      // broken JSON-LD is common; the meta tags still count
    }
  }
  return out;
}

function str(v: Json | undefined): string | null {
  if (typeof v === 'string') return cleanText(decodeEntities(v)) || null;
  if (Array.isArray(v)) return str(v[0]);
  if (isObject(v)) return str(v['name'] ?? v['@value']);
  return null;
}

/** JSON-LD strings are sometimes HTML-escaped twice ("Ann &amp; Bob"). */
function decodeEntities(s: string): string {
  if (s.indexOf('&') < 0) return s;
  return s.replace(/&(amp|quot|apos|#39|lt|gt|nbsp);/g, (_m, e: string) => ({ amp: '&', quot: '"', apos: "'", '#39': "'", lt: '<', gt: '>', nbsp: ' ' })[e] ?? _m);
}

function meta(doc: DomDocument, ...keys: string[]): string | null {
  for (const k of keys) {
    for (const attr of ['property', 'name', 'itemprop']) {
      const el = doc.querySelector(`meta[${attr}="${k}" i]`);
      const c = cleanText(el?.getAttribute('content'));
      if (c) return c;
    }
  }
  return null;
}

function metaAll(doc: DomDocument, key: string): string[] {
  return all(doc, `meta[property="${key}" i], meta[name="${key}" i]`)
    .map((e) => cleanText(e.getAttribute('content')))
    .filter((s) => s.length > 0);
}

/**
 * A publication date as ISO 8601: an ISO string is kept as the page wrote it (its time zone included);
 * anything else the Date parser reads becomes UTC ISO. Null when unreadable.
 */
export function isoDate(s: string | null | undefined): string | null {
  if (!s) return null;
  const t = s.trim();
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?)?$/i.exec(t);
  if (m) {
    const [, y, mo, d, h, mi, sec, frac, tz] = m;
    if (Number(mo) < 1 || Number(mo) > 12 || Number(d) < 1 || Number(d) > 31) return null;
    if (!h) return `${y}-${mo}-${d}`;
    const zone = tz ? (tz.toUpperCase() === 'Z' ? 'Z' : tz.length === 5 ? `${tz.slice(0, 3)}:${tz.slice(3)}` : tz) : '';
    return `${y}-${mo}-${d}T${h}:${mi}${sec ? `:${sec}${frac ?? ''}` : ':00'}${zone}`;
  }
  if (/^\d{8}$/.test(t)) return `${t.slice(0, 4)}-${t.slice(4, 6)}-${t.slice(6, 8)}`;
  const ms = Date.parse(t);
  if (!Number.isFinite(ms) || !/\d{4}/.test(t)) return null;
  return new Date(ms).toISOString().replace('.000Z', 'Z');
}

/** An author value that is a person's or desk's name, not a profile URL or an empty label. */
function authorName(s: string): string | null {
  const t = cleanText(s).replace(/^(?:by|written by|words by)\s+/i, '');
  if (!t || /^https?:\/\//i.test(t) || /^www\./i.test(t) || t.length > 80) return null;
  return t;
}

function uniqueNames(list: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of list) {
    // "Ann Lee and Bob Roe", "Ann Lee, Bob Roe": one name per entry
    for (const part of raw.split(/\s*(?:,|;|\band\b|&)\s*(?=\p{Lu})/u)) {
      const n = authorName(part);
      if (n && !seen.has(n.toLowerCase())) {
        seen.add(n.toLowerCase());
        out.push(n);
      }
    }
  }
  return out;
}

const TITLE_SEPARATORS = /\s+(?:[|\-–—:·•»]|::)\s+|\s*[｜]\s*/g;

/**
 * `og:title`/`<title>` without the site's name ("Ferry fares rise | The Post" → "Ferry fares rise"): a first or
 * last segment that is the publisher is dropped; without a publisher, a last segment of at most four words
 * that the document's `<title>` ends with too.
 */
export function stripSiteSuffix(title: string, site: string | null, docTitle: string | null): string {
  const seps = [...title.matchAll(TITLE_SEPARATORS)];
  if (seps.length === 0) return title;
  const lastSep = seps[seps.length - 1]!;
  const firstSep = seps[0]!;
  const head = title.slice(0, lastSep.index).trim();
  const last = title.slice(lastSep.index + lastSep[0].length).trim();
  const first = title.slice(0, firstSep.index).trim();
  const norm = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
  const siteKey = site ? norm(site) : '';
  if (siteKey && norm(last) && (norm(last) === siteKey || norm(last).includes(siteKey) || siteKey.includes(norm(last)))) return head;
  if (siteKey && norm(first) === siteKey) return title.slice(firstSep.index + firstSep[0].length).trim();
  if (docTitle && last.split(/\s+/).length <= 4 && docTitle.trim().endsWith(last)) return head;
  return title;
}

function authorEntries(v: Json | undefined): { name: string; organisation: boolean }[] {
  if (v === undefined || v === null) return [];
  if (Array.isArray(v)) return v.flatMap((x) => authorEntries(x));
  const name = str(v);
  if (!name) return [];
  const organisation = isObject(v) && typesOf(v).some((t) => /Organi[sz]ation|NewsMediaOrganization|Corporation/.test(t));
  return [{ name, organisation }];
}

function sameInstant(a: string, b: string): boolean {
  const x = Date.parse(a);
  const y = Date.parse(b);
  return Number.isFinite(x) && Number.isFinite(y) && Math.abs(x - y) <= 60_000;
}

/**
 * The publication date: JSON-LD `datePublished`, else the article meta tags, else the article's `<time>`, else a
 * date written by the headline. A time in UTC ("…Z") says nothing of the outlet's calendar day: the same instant
 * written with the page's own offset elsewhere in the markup is preferred, and without one, a date printed by the
 * headline that differs from the UTC day by one (an evening story in the Americas) gives the day.
 */
function publicationDate(doc: DomDocument, article: JsonObject | undefined): string | null {
  const metaKeys = ['article:published_time', 'og:article:published_time', 'datePublished', 'date', 'pubdate', 'publishdate', 'publish-date', 'parsely-pub-date', 'sailthru.date', 'dc.date', 'dc.date.issued', 'dcterms.created', 'cxenseparse:recs:publishtime'];
  const candidates = [
    isoDate(article ? str(article['datePublished']) : null),
    ...metaKeys.map((k) => isoDate(meta(doc, k))),
    isoDate(doc.querySelector('article time[datetime], time[pubdate][datetime], time[itemprop="datePublished"][datetime]')?.getAttribute('datetime')),
    article ? isoDate(str(article['dateCreated'])) : null,
  ].filter((c): c is string => c !== null);
  const first = candidates[0];
  if (!first) return headerDate(doc);
  if (!/Z$/i.test(first)) return first;
  const local = candidates.find((c) => /[+-]\d{2}:\d{2}$/.test(c) && sameInstant(c, first));
  if (local) return local;
  const printed = headerDate(doc);
  if (printed && printed !== first.slice(0, 10) && Math.abs(Date.parse(printed) - Date.parse(first.slice(0, 10))) === 86_400_000) return printed;
  return first;
}

/**
 * A date written near the headline ("By Ann Lee · 5 March 2025", a `<time>` without `datetime`), read only when
 * the markup states none: the text right around the first h1, with the year, as `yyyy-mm-dd`.
 */
function headerDate(doc: DomDocument): string | null {
  const h1 = doc.querySelector('h1');
  const title = spacedText(h1, 400);
  const near: string[] = [];
  // the text after the headline in its block and the block around it (never the page's own header line)
  for (let el = h1?.parentElement ?? null, k = 0; el && k < 2 && !/^(?:BODY|HTML)$/.test(el.tagName); el = el.parentElement, k++) {
    const t = spacedText(el, 1500);
    const i = title ? t.indexOf(title) : -1;
    if (i >= 0) near.push(t.slice(i + title.length, i + title.length + 300));
  }
  near.push(spacedText(doc.querySelector('article time, time'), 100));
  for (const t of near) {
    const d = findDate(t);
    if (d?.iso && /^\d{4}-\d{2}-\d{2}$/.test(d.iso)) return d.iso;
  }
  return null;
}

/** Reads the page's metadata. `pageUrl` (the final URL) resolves a relative canonical link. */
export function pageMetadata(doc: DomDocument, pageUrl: string | null): PageMetadata {
  const ld = jsonLdObjects(doc);
  const canonicalHref = doc.querySelector('link[rel~="canonical" i]')?.getAttribute('href') ?? meta(doc, 'og:url');
  const canonicalFromLinks = canonicalHref ? canonicalUrl(canonicalHref, pageUrl ?? undefined) : null;
  const articles = ld.filter((o) => typesOf(o).some((t) => ARTICLE_TYPE.test(t)));
  // several articles described (related stories, a carousel): the one at this page's address, else the first
  const sameUrl = (o: JsonObject) => {
    const u = str(o['url']) ?? str(o['mainEntityOfPage'] ?? null) ?? (isObject(o['mainEntityOfPage']) ? str(o['mainEntityOfPage']['@id']) : null);
    const c = u ? canonicalUrl(u, pageUrl ?? undefined) : null;
    return c !== null && (c === canonicalFromLinks || (pageUrl !== null && c === canonicalUrl(pageUrl)));
  };
  const article = articles.length > 1 ? (articles.find(sameUrl) ?? articles[0]) : articles[0];
  const site = (article && str(article['publisher'])) || meta(doc, 'og:site_name', 'application-name', 'publisher', 'dc.publisher') || ld.map((o) => (typesOf(o).some((t) => /Organization|NewsMediaOrganization|WebSite/.test(t)) ? str(o['name']) : null)).find((x) => !!x) || null;
  const docTitle = cleanText(doc.querySelector('head > title, title')?.textContent) || null;
  const h1s = all(doc, 'h1').map((h) => cleanText(h.textContent)).filter((t) => t.length > 0);
  const ogTitle = meta(doc, 'og:title', 'twitter:title');
  let headline = (article && str(article['headline'] ?? article['name'])) || null;
  // JSON-LD headlines are often cut to 110 characters ("…"): the page's h1 or og:title that starts the same is whole
  if (headline && /(?:…|\.\.\.)$/.test(headline)) {
    const stem = headline.replace(/\s*(?:…|\.\.\.)$/, '');
    const whole = [...h1s, ogTitle ? stripSiteSuffix(ogTitle, site, docTitle) : ''].find((t) => t.length > stem.length && t.startsWith(stem));
    if (whole) headline = whole;
  }
  if (!headline && ogTitle) headline = stripSiteSuffix(ogTitle, site, docTitle);
  if (!headline && h1s.length > 0) headline = h1s[0]!;
  if (!headline && docTitle) headline = stripSiteSuffix(docTitle, site, null);

  const published = publicationDate(doc, article);

  // Authors: JSON-LD's people; when it names only organisations (often the outlet itself, as some sites do for
  // every story) the page's byline people win, else the organisation stays.
  const ldAuthors = article ? authorEntries(article['author'] ?? article['creator']) : [];
  const ldPeople = uniqueNames(ldAuthors.filter((a) => !a.organisation).map((a) => a.name));
  let authors = ldPeople;
  if (authors.length === 0) authors = uniqueNames([...metaAll(doc, 'author'), ...metaAll(doc, 'article:author'), ...metaAll(doc, 'parsely-author'), ...metaAll(doc, 'sailthru.author'), ...metaAll(doc, 'dc.creator')]);
  if (authors.length === 0) {
    const by = all(doc, '[rel="author"], [itemprop="author"] [itemprop="name"], [itemprop="author"]').map((e) => cleanText(e.textContent));
    authors = uniqueNames(by.filter((b) => b.length > 0 && b.length < 80)).slice(0, 6);
  }
  if (authors.length === 0) authors = uniqueNames(ldAuthors.map((a) => a.name));

  const ldUrl = article ? str(article['url']) : null;
  const canonical = canonicalFromLinks ?? (ldUrl ? canonicalUrl(ldUrl, pageUrl ?? undefined) : null);
  const free = article?.['isAccessibleForFree'];
  const accessibleForFree = free === undefined ? null : free === false || free === 'False' || free === 'false' ? false : true;
  return { headline, publisher: site, authors, published, canonicalUrl: canonical, accessibleForFree };
}
