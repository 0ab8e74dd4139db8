/**
 * URL canonicalisation for provenance and duplicate detection: the same article reached through a newsletter
 * link (`?utm_source=…`), a Facebook share (`?fbclid=…`) or with a `#comments` fragment is one URL.
 */

/** Query parameters that only track the reader: removed. Matched case-insensitively; `utm_*` by prefix. */
const TRACKING = new Set([
  'fbclid', 'gclid', 'dclid', 'gbraid', 'wbraid', 'msclkid', 'yclid', 'twclid', 'igshid', 'mc_cid', 'mc_eid', 'mkt_tok',
  '_ga', '_gl', 'ocid', 'cmpid', 'cmp', 'ito', 'icid', 'ncid', 'sr_share', 'smid', 'smtyp', 'ref', 'ref_src', 'ref_url',
  'ftag', 'guccounter', 'guce_referrer', 'guce_referrer_sig', 'at_medium', 'at_campaign', 'at_custom1', 'at_custom2',
  'at_custom3', 'at_custom4', 'xtor', 'spm', 'vero_id', 'oly_anon_id', 'oly_enc_id', 'rb_clickid', 's_cid', 'wt_mc',
]);

function isTracking(name: string): boolean {
  const n = name.toLowerCase();
  return n.startsWith('utm_') || n.startsWith('pk_') || n.startsWith('hsa_') || TRACKING.has(n);
}

/** True for an absolute http: or https: URL. */
export function isHttpUrl(s: string): boolean {
  try {
    const u = new URL(s);
    return u.protocol === 'http:' || u.protocol === 'https:';
  } catch {
    return false;
  }
}

/**
 * The canonical form of an http(s) URL: lower-case scheme and host (WHATWG URL does that), default port and
 * fragment dropped, tracking parameters removed (the others keep their order), `?` dropped when nothing is
 * left, an empty path as `/`. Returns null for anything that is not an absolute http(s) URL.
 */
export function canonicalUrl(input: string, base?: string): string | null {
  let u: URL;
  try {
    u = base === undefined ? new URL(input.trim()) : new URL(input.trim(), base);
  } catch {
    return null;
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
  u.hash = '';
  u.username = '';
  u.password = '';
  const kept: [string, string][] = [];
  for (const [k, v] of u.searchParams) if (!isTracking(k)) kept.push([k, v]);
  if (kept.length !== [...u.searchParams].length) {
    u.search = kept.length > 0 ? '?' + new URLSearchParams(kept).toString() : '';
  }
  if (u.search === '?') u.search = '';
  return u.toString();
}

/**
 * The key two URLs are compared by when looking for an article already imported: the canonical URL without
 * its scheme, a leading `www.` and a trailing slash (http/https and www variants of one page are one page).
 */
export function urlKey(input: string): string | null {
  const c = canonicalUrl(input);
  if (!c) return null;
  const u = new URL(c);
  const host = u.host.replace(/^www\./, '');
  const p = u.pathname.length > 1 ? u.pathname.replace(/\/+$/, '') : '';
  return `${host}${p}${u.search}`;
}
