/**
 * The web-page import's contracts: what the core is given (a page fetcher, file operations) and what it
 * produces. Pure: no vscode, no fs, no network here. The CLI and the extension inject a fetcher over Node's
 * http(s) (src/node/httpFetcher.ts); the unit tests inject fakes or a loopback server.
 */

/** One HTTP response as the fetcher hands it over: the final URL after redirects and the raw body bytes. */
export interface FetchedPage {
  /** The URL the body came from, after redirects. */
  readonly url: string;
  readonly status: number;
  /** The `Content-Type` header, as sent (may hold `charset=`). */
  readonly contentType: string | null;
  readonly body: Uint8Array;
}

export interface FetchOptions {
  readonly signal?: AbortSignal;
}

/**
 * Fetches a web page. Implementations refuse non-http(s) URLs, cap redirects, time and size, and reject non-HTML
 * responses with an `ImportError` whose message says why (shown to the user as it is).
 */
export interface PageFetcher {
  fetch(url: string, options?: FetchOptions): Promise<FetchedPage>;
}

/** A failure the user should read as it is (no stack): "HTTP 404 Not Found", "not an HTML page (image/png)". */
export class ImportError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ImportError';
  }
}

/** What the page's own markup says about the article (JSON-LD, meta tags, link rel=canonical, h1). */
export interface PageMetadata {
  readonly headline: string | null;
  readonly publisher: string | null;
  readonly authors: readonly string[];
  /** Publication date/time as ISO 8601, with the page's time zone where it gave one. */
  readonly published: string | null;
  readonly canonicalUrl: string | null;
  /** JSON-LD `isAccessibleForFree`, when stated. */
  readonly accessibleForFree: boolean | null;
}

/** A page turned into an article: the text the article file holds, before it is written. */
export interface ExtractedArticle {
  readonly title: string;
  readonly publisher: string | null;
  readonly authors: readonly string[];
  readonly published: string | null;
  /** Canonical URL (page's canonical link, else the final URL), tracking parameters removed; null if unknown. */
  readonly url: string | null;
  readonly paragraphs: readonly string[];
}
