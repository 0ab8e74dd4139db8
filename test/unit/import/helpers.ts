/** Helpers for the import tests: the fixture pages, an in-memory ImportFileOps, a loopback HTTP server. */
import { readFileSync } from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import { FileNotFoundError, type FileStat } from '../../../src/core/io/fileOps';
import type { ImportFileOps } from '../../../src/core/import/importer';

export const FIXTURES = path.resolve(__dirname, '../../fixtures/import');

export function fixture(name: string): Buffer {
  return readFileSync(path.join(FIXTURES, name));
}

export function fixtureText(name: string): string {
  return fixture(name).toString('utf8');
}

/** Body paragraphs of `n` sentences of invented text, for large pages. */
export function paragraphs(n: number, seed = 'The committee met again on'): string[] {
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    out.push(`${seed} day ${i + 1} to go through the harbour accounts, line ${i} of the budget, and the members agreed to publish the figures before the next meeting in the town hall.`);
  }
  return out;
}

/** A complete news page around `body` paragraphs (with JSON-LD), for tests that need many or varied pages. */
export function newsPage(o: { headline: string; body: string[]; url?: string; published?: string; site?: string; extraHead?: string }): string {
  const ld = { '@context': 'https://schema.org', '@type': 'NewsArticle', headline: o.headline, datePublished: o.published ?? '2025-06-01T10:00:00+02:00', author: { '@type': 'Person', name: 'Sigrid Haug' }, publisher: { '@type': 'Organization', name: o.site ?? 'The Test Tribune' } };
  return [
    '<!doctype html><html><head><meta charset="utf-8">',
    `<title>${o.headline} | ${o.site ?? 'The Test Tribune'}</title>`,
    o.url ? `<link rel="canonical" href="${o.url}">` : '',
    `<script type="application/ld+json">${JSON.stringify(ld)}</script>`,
    o.extraHead ?? '',
    '</head><body><nav><a href="/">Home</a> <a href="/news">News</a></nav><article>',
    `<h1>${o.headline}</h1>`,
    ...o.body.map((p) => `<p>${p}</p>`),
    '</article><footer>Contact us</footer></body></html>',
  ].join('\n');
}

/** In-memory ImportFileOps (forward-slash paths), recording files and folders. */
export class MemImportFs implements ImportFileOps {
  readonly files = new Map<string, { data: Uint8Array; mtimeMs: number }>();
  readonly dirs = new Set<string>();

  put(p: string, data: string | Uint8Array, mtimeMs = Date.UTC(2025, 5, 1, 12, 0, 0)): void {
    this.files.set(p, { data: typeof data === 'string' ? new TextEncoder().encode(data) : data, mtimeMs });
  }
  text(p: string): string | undefined {
    const f = this.files.get(p);
    return f ? new TextDecoder().decode(f.data) : undefined;
  }
  list(prefix: string): string[] {
    return [...this.files.keys()].filter((k) => k.startsWith(prefix)).sort();
  }
  async readFile(p: string): Promise<Uint8Array> {
    const f = this.files.get(p);
    if (!f) throw new FileNotFoundError(p);
    return f.data.slice();
  }
  async writeFile(p: string, data: Uint8Array): Promise<void> {
    this.files.set(p, { data: data.slice(), mtimeMs: Date.now() });
  }
  async createExclusive(p: string, data: Uint8Array): Promise<boolean> {
    if (this.files.has(p)) return false;
    await this.writeFile(p, data);
    return true;
  }
  async rename(from: string, to: string): Promise<void> {
    const f = this.files.get(from);
    if (!f) throw new FileNotFoundError(from);
    this.files.set(to, f);
    this.files.delete(from);
  }
  async delete(p: string): Promise<void> {
    this.files.delete(p);
  }
  async stat(p: string): Promise<FileStat | undefined> {
    const f = this.files.get(p);
    return f ? { size: f.data.length, mtimeMs: f.mtimeMs } : undefined;
  }
  async createDirectory(p: string): Promise<void> {
    this.dirs.add(p);
  }
  dirname(p: string): string {
    const i = p.lastIndexOf('/');
    return i < 0 ? '.' : p.slice(0, i);
  }
  basename(p: string): string {
    return p.slice(p.lastIndexOf('/') + 1);
  }
  join(d: string, n: string): string {
    return `${d}/${n}`;
  }
}

export type Handler = (req: http.IncomingMessage, res: http.ServerResponse) => void;

export interface Loopback {
  readonly base: string;
  /** Requests seen, as `METHOD url` (absolute-form URLs for proxied requests). */
  readonly seen: string[];
  close(): Promise<void>;
}

/** An HTTP server on 127.0.0.1 (a free port) answering from `routes` (by path), 404 otherwise. */
export async function loopback(routes: Record<string, Handler>, fallback?: Handler): Promise<Loopback> {
  const seen: string[] = [];
  const server = http.createServer((req, res) => {
    seen.push(`${req.method} ${req.url}`);
    const p = new URL(req.url ?? '/', 'http://x').pathname;
    const h = routes[p] ?? fallback;
    if (h) h(req, res);
    else {
      res.writeHead(404, { 'content-type': 'text/html' });
      res.end('<html><body><h1>Not found</h1></body></html>');
    }
  });
  server.on('connect', (req, socket) => {
    seen.push(`CONNECT ${req.url}`);
    socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  return {
    base: `http://127.0.0.1:${port}`,
    seen,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

export function html(body: string | Buffer, contentType = 'text/html; charset=utf-8'): Handler {
  return (_req, res) => {
    res.writeHead(200, { 'content-type': contentType });
    res.end(body);
  };
}

export function redirect(to: string, status = 302): Handler {
  return (_req, res) => {
    res.writeHead(status, { location: to });
    res.end();
  };
}
