/**
 * Importing one source (a URL or a saved HTML file) into a destination folder: fetch or read, decode,
 * extract, look for the same article already imported, save the original (hash-named, under
 * `.news-annotator/originals/` at the root), write the article file (a new name, never overwriting).
 * Everything reaches the outside through the injected `PageFetcher` and `ImportFileOps`.
 */
import type { FileOps } from '../io/fileOps';
import { articleFileName, formatArticle, parseArticleHeader } from './articleFormat';
import { decodeHtml } from './charset';
import { extractArticle } from './extract';
import { ImportError, type ExtractedArticle, type PageFetcher } from './types';
import { canonicalUrl, isHttpUrl, urlKey } from './url';

/** The folder (at a workspace folder's root, or inside the CLI's `--out`) that holds the originals. */
export const ORIGINALS_DIR = '.news-annotator/originals';
/** A page or file larger than this is refused. */
export const MAX_PAGE_BYTES = 15 * 1024 * 1024;

/** FileOps plus the two operations an import needs beyond reading and writing files. */
export interface ImportFileOps extends FileOps {
  /** Creates the folder and its missing parents; no error when it exists. */
  createDirectory(path: string): Promise<void>;
}

export type ImportSource = { readonly kind: 'url'; readonly url: string } | { readonly kind: 'file'; readonly path: string };

/** A command-line or input-box entry → a source: an http(s) URL, else a file path. */
export function sourceOf(entry: string): ImportSource {
  const t = entry.trim();
  return isHttpUrl(t) ? { kind: 'url', url: t } : { kind: 'file', path: t };
}

/** Where imported articles go and what is already there. */
export interface ImportDestination {
  /** The folder the article file is written to. */
  readonly dir: string;
  /** The folder holding `.news-annotator/` (a workspace folder's root, or the CLI's `--out`); `dir` is inside it. */
  readonly root: string;
  /** URL key (see `urlKey`) → path of the article already imported from it. Updated as articles are written. */
  readonly imported: Map<string, string>;
}

export interface ImportDeps {
  readonly fs: ImportFileOps;
  readonly fetcher: PageFetcher;
  readonly now?: () => Date;
  readonly signal?: AbortSignal;
}

export interface ImportedResult {
  readonly ok: true;
  readonly source: string;
  /** The article written, or (existing) the one already imported from the same URL. */
  readonly path: string;
  readonly existing: boolean;
  /** Null for an existing article found before fetching. */
  readonly article: ExtractedArticle | null;
  readonly date: string | null;
}

export interface FailedResult {
  readonly ok: false;
  readonly source: string;
  readonly message: string;
}

export type ImportResult = ImportedResult | FailedResult;

/** The index of already imported articles from their texts (only the header is read). */
export function importedIndex(articles: Iterable<{ path: string; text: string }>): Map<string, string> {
  const m = new Map<string, string>();
  for (const a of articles) {
    const h = parseArticleHeader(a.text);
    const k = h?.url ? urlKey(h.url) : null;
    if (k && !m.has(k)) m.set(k, a.path);
  }
  return m;
}

function day(published: string | null): string | null {
  return published && /^\d{4}-\d{2}-\d{2}/.test(published) ? published.slice(0, 10) : null;
}

/** The address a browser wrote into a saved page: `<!-- saved from url=(0042)https://… -->`. */
function savedFromUrl(html: string): string | null {
  const m = /<!--\s*saved from url=\(\d+\)(\S+?)\s*-->/i.exec(html.slice(0, 4096));
  return m ? canonicalUrl(m[1]!) : null;
}

async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const d = new Uint8Array(await globalThis.crypto.subtle.digest('SHA-256', bytes));
  let s = '';
  for (const b of d) s += b.toString(16).padStart(2, '0');
  return s;
}

/** `dir` relative to `root` as a list of segments (both in the FileOps' own path form). */
function depthBelow(root: string, dir: string): number {
  const norm = (p: string) => p.replace(/\\/g, '/').replace(/\/+$/, '');
  const r = norm(root);
  const d = norm(dir);
  if (d === r || !d.startsWith(r + '/')) return 0;
  return d.slice(r.length + 1).split('/').filter((s) => s.length > 0).length;
}

function message(err: unknown): string {
  if (err instanceof ImportError) return err.message;
  if (err instanceof Error && err.name === 'AbortError') return 'cancelled';
  return err instanceof Error ? err.message : String(err);
}

/** Imports one source into `dest`. Never throws: a failure is a result with its message. */
export async function importOne(entry: string, dest: ImportDestination, deps: ImportDeps): Promise<ImportResult> {
  try {
    return await importSource(entry, dest, deps);
  } catch (err) {
    return { ok: false, source: entry, message: message(err) };
  }
}

async function importSource(entry: string, dest: ImportDestination, deps: ImportDeps): Promise<ImportResult> {
  const { fs } = deps;
  const src = sourceOf(entry);
  const already = (urls: (string | null)[]): string | undefined => {
    for (const u of urls) {
      const k = u ? urlKey(u) : null;
      const p = k ? dest.imported.get(k) : undefined;
      if (p) return p;
    }
    return undefined;
  };
  let bytes: Uint8Array;
  let contentType: string | null = null;
  let pageUrl: string | null = null;
  let retrieved: Date;
  if (src.kind === 'url') {
    const before = already([src.url]);
    if (before) return { ok: true, source: entry, path: before, existing: true, article: null, date: null };
    const page = await deps.fetcher.fetch(src.url, deps.signal ? { signal: deps.signal } : {});
    bytes = page.body;
    contentType = page.contentType;
    pageUrl = page.url;
    retrieved = deps.now ? deps.now() : new Date();
  } else {
    if (!/\.x?html?$/i.test(src.path)) throw new ImportError('not an HTML file (.html or .htm) nor an http(s) URL');
    const st = await fs.stat(src.path);
    if (!st) throw new ImportError('no such file');
    if (st.size > MAX_PAGE_BYTES) throw new ImportError(`the file is larger than ${MAX_PAGE_BYTES / 1024 / 1024} MB`);
    bytes = await fs.readFile(src.path);
    retrieved = new Date(st.mtimeMs);
  }
  if (bytes.length > MAX_PAGE_BYTES) throw new ImportError(`the page is larger than ${MAX_PAGE_BYTES / 1024 / 1024} MB`);
  deps.signal?.throwIfAborted();
  const html = decodeHtml(bytes, contentType).text;
  if (src.kind === 'file') pageUrl = savedFromUrl(html);
  const article = extractArticle(html, { pageUrl });
  const existing = already([article.url, pageUrl, src.kind === 'url' ? src.url : null]);
  if (existing) return { ok: true, source: entry, path: existing, existing: true, article, date: day(article.published) };
  deps.signal?.throwIfAborted();

  // The original, hash-named: the same page imported twice is stored once.
  const hash = await sha256Hex(bytes);
  const originalsDir = fs.join(fs.join(dest.root, '.news-annotator'), 'originals');
  await fs.createDirectory(originalsDir);
  const originalPath = fs.join(originalsDir, `${hash}.html`);
  if (!(await fs.stat(originalPath))) await fs.writeFile(originalPath, bytes);
  const up = '../'.repeat(depthBelow(dest.root, dest.dir));
  const text = formatArticle(
    {
      title: article.title,
      publisher: article.publisher,
      published: article.published,
      author: article.authors.length > 0 ? article.authors.join(', ') : null,
      url: article.url ?? pageUrl,
      retrieved: retrieved.toISOString().replace(/\.\d{3}Z$/, 'Z'),
      original: `${up}${ORIGINALS_DIR}/${hash}.html`,
    },
    article.paragraphs,
  );
  const data = new TextEncoder().encode(text);
  await fs.createDirectory(dest.dir);
  const path = await writeNew(fs, dest.dir, (n) => articleFileName(article.title, article.published, n), data);
  for (const u of [article.url, pageUrl, src.kind === 'url' ? src.url : null]) {
    const k = u ? urlKey(u) : null;
    if (k && !dest.imported.has(k)) dest.imported.set(k, path);
  }
  return { ok: true, source: entry, path, existing: false, article, date: day(article.published) };
}

/** Writes `data` under the first free name (`name.txt`, `name-2.txt`, …); never overwrites a file. */
async function writeNew(fs: FileOps, dir: string, nameFor: (n: number) => string, data: Uint8Array): Promise<string> {
  for (let n = 1; n < 1000; n++) {
    const p = fs.join(dir, nameFor(n));
    if (fs.createExclusive) {
      if (await fs.createExclusive(p, data)) return p;
    } else if (!(await fs.stat(p))) {
      await fs.writeFile(p, data);
      return p;
    }
  }
  throw new ImportError('no free file name for the article');
}
