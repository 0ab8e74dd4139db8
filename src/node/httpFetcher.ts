/**
 * A PageFetcher over Node's http/https, used by the CLI and the extension (src/core never touches the network).
 * Only http(s); redirects followed up to a cap (and only to http(s)); a time limit on the whole request and on
 * silence; a size cap on the (decompressed) body; anything but an HTML page refused with a message saying what
 * the server sent; an HTTP(S) proxy through CONNECT (https targets) or absolute-form requests (http targets).
 * Nothing from the page is ever run: the body is handed over as bytes.
 */
import * as http from 'node:http';
import * as https from 'node:https';
import * as tls from 'node:tls';
import * as zlib from 'node:zlib';
import type { Duplex, Readable } from 'node:stream';
import { ImportError, type FetchedPage, type FetchOptions, type PageFetcher } from '../core/import/types';

export interface HttpFetcherOptions {
  /** Redirects followed before giving up (default 5). */
  readonly maxRedirects?: number;
  /** Time for the whole request, redirects included (default 30 s). */
  readonly timeoutMs?: number;
  /** Time without a byte from the server (default 15 s). */
  readonly idleTimeoutMs?: number;
  /** Largest body accepted, after decompression (default 15 MB). */
  readonly maxBytes?: number;
  /**
   * `http://[user:pass@]host:port` of a proxy for every page, or one per scheme (`HTTPS_PROXY` and `HTTP_PROXY`);
   * undefined for direct connections.
   */
  readonly proxy?: string | { readonly http?: string; readonly https?: string };
  /** Hosts reached without the proxy (NO_PROXY syntax: `example.org,.internal,localhost`). */
  readonly noProxy?: string;
  /** Accept TLS certificates the system does not trust (VS Code's `http.proxyStrictSSL: false`); default false. */
  readonly insecure?: boolean;
  readonly userAgent?: string;
}

const DEFAULT_UA = 'Mozilla/5.0 (compatible; NewsAnnotator/0.1; +https://github.com/news-annotator/news-annotator)';

/** The proxy the CLI uses, as curl does: HTTPS_PROXY for https pages, HTTP_PROXY for http pages (either case), NO_PROXY. */
export function proxyFromEnv(env: NodeJS.ProcessEnv = process.env): { https?: string; http?: string; noProxy?: string } {
  const pick = (...names: string[]) => names.map((n) => env[n]).find((v) => v !== undefined && v.trim() !== '')?.trim();
  const out: { https?: string; http?: string; noProxy?: string } = {};
  const h = pick('HTTPS_PROXY', 'https_proxy');
  const p = pick('HTTP_PROXY', 'http_proxy');
  const n = pick('NO_PROXY', 'no_proxy');
  if (h) out.https = h;
  if (p) out.http = p;
  if (n) out.noProxy = n;
  return out;
}

/** Loopback hosts always go direct (as browsers do); other hosts by the NO_PROXY list. */
function bypassesProxy(host: string, noProxy: string | undefined): boolean {
  const h = host.toLowerCase().replace(/^\[|\]$/g, '');
  if (h === 'localhost' || h === '::1' || /^127\./.test(h)) return true;
  if (!noProxy) return false;
  for (const raw of noProxy.split(/[,\s]+/)) {
    const e = raw.trim().toLowerCase().replace(/:\d+$/, '');
    if (!e) continue;
    if (e === '*') return true;
    const d = e.replace(/^\*?\./, '');
    if (h === d || h.endsWith('.' + d)) return true;
  }
  return false;
}

function isHtml(contentType: string | null, head: Uint8Array): boolean {
  if (contentType) {
    const t = contentType.split(';')[0]!.trim().toLowerCase();
    if (t === 'text/html' || t === 'application/xhtml+xml') return true;
    // servers that label pages vaguely: look at the bytes
    if (t !== 'text/plain' && t !== 'application/octet-stream' && t !== '') return false;
  }
  const s = Buffer.from(head.subarray(0, 1024)).toString('latin1').replace(/^\uFEFF?\s+/, '').toLowerCase();
  return s.startsWith('<!doctype html') || s.startsWith('<html') || (s.startsWith('<!--') && s.includes('<html')) || /^<(?:head|body|meta|title)\b/.test(s);
}

export class HttpFetcher implements PageFetcher {
  private readonly maxRedirects: number;
  private readonly timeoutMs: number;
  private readonly idleTimeoutMs: number;
  private readonly maxBytes: number;

  constructor(private readonly options: HttpFetcherOptions = {}) {
    this.maxRedirects = options.maxRedirects ?? 5;
    this.timeoutMs = options.timeoutMs ?? 30_000;
    this.idleTimeoutMs = options.idleTimeoutMs ?? 15_000;
    this.maxBytes = options.maxBytes ?? 15 * 1024 * 1024;
  }

  async fetch(url: string, fetchOptions: FetchOptions = {}): Promise<FetchedPage> {
    const deadline = Date.now() + this.timeoutMs;
    let current: URL;
    try {
      current = new URL(url);
    } catch {
      throw new ImportError(`not a valid URL: ${url}`);
    }
    for (let hop = 0; ; hop++) {
      if (current.protocol !== 'http:' && current.protocol !== 'https:') {
        throw new ImportError(hop === 0 ? `only http and https addresses can be imported, not ${current.protocol}` : `redirected to a ${current.protocol} address, which is not imported`);
      }
      const res = await this.request(current, deadline, fetchOptions.signal);
      if (res.status >= 300 && res.status < 400 && res.location !== null) {
        if (hop >= this.maxRedirects) throw new ImportError(`too many redirects (more than ${this.maxRedirects})`);
        current = new URL(res.location, current);
        continue;
      }
      if (res.status >= 400) throw new ImportError(`HTTP ${res.status}${res.statusText ? ` ${res.statusText}` : ''}`);
      if (res.status < 200 || res.status >= 300) throw new ImportError(`unexpected HTTP status ${res.status}`);
      return { url: current.toString(), status: res.status, contentType: res.contentType, body: res.body };
    }
  }

  private proxyFor(target: URL): URL | null {
    const o = this.options.proxy;
    const p = typeof o === 'string' ? o : target.protocol === 'https:' ? o?.https : o?.http;
    if (!p || bypassesProxy(target.hostname, this.options.noProxy)) return null;
    try {
      const u = new URL(/^[a-z][\w+.-]*:\/\//i.test(p) ? p : `http://${p}`);
      return u.protocol === 'http:' || u.protocol === 'https:' ? u : null;
    } catch {
      throw new ImportError(`the proxy setting is not a valid URL: ${p}`);
    }
  }

  private request(target: URL, deadline: number, signal: AbortSignal | undefined): Promise<{ status: number; statusText: string; location: string | null; contentType: string | null; body: Uint8Array }> {
    return new Promise((resolve, reject) => {
      const remaining = deadline - Date.now();
      if (remaining <= 0) return reject(new ImportError(`timed out after ${Math.round(this.timeoutMs / 1000)} s`));
      if (signal?.aborted) return reject(abortError());
      let settled = false;
      let req: http.ClientRequest | undefined;
      let tunnel: http.ClientRequest | undefined;
      const fail = (err: Error) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
        req?.destroy();
        tunnel?.destroy();
        reject(err);
      };
      const timer = setTimeout(() => fail(new ImportError(`timed out after ${Math.round(this.timeoutMs / 1000)} s`)), remaining);
      const onAbort = () => fail(abortError());
      signal?.addEventListener('abort', onAbort, { once: true });
      const headers: http.OutgoingHttpHeaders = {
        'user-agent': this.options.userAgent ?? DEFAULT_UA,
        accept: 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.1',
        'accept-language': 'en;q=0.9,*;q=0.5',
        'accept-encoding': 'gzip, deflate, br',
      };
      const onResponse = (res: http.IncomingMessage) => {
        const status = res.statusCode ?? 0;
        const location = typeof res.headers.location === 'string' ? res.headers.location : null;
        const contentType = typeof res.headers['content-type'] === 'string' ? res.headers['content-type'] : null;
        if ((status >= 300 && status < 400 && location !== null) || status >= 400) {
          res.resume();
          settled = true;
          clearTimeout(timer);
          signal?.removeEventListener('abort', onAbort);
          resolve({ status, statusText: res.statusMessage ?? '', location, contentType, body: new Uint8Array() });
          req?.destroy();
          return;
        }
        const declared = Number(res.headers['content-length']);
        if (Number.isFinite(declared) && declared > this.maxBytes) return fail(new ImportError(`the page is larger than ${mb(this.maxBytes)}`));
        let stream: Readable = res;
        const enc = String(res.headers['content-encoding'] ?? '').toLowerCase();
        if (enc === 'gzip' || enc === 'x-gzip') stream = res.pipe(zlib.createGunzip());
        else if (enc === 'deflate') stream = res.pipe(zlib.createInflate());
        else if (enc === 'br') stream = res.pipe(zlib.createBrotliDecompress());
        const chunks: Buffer[] = [];
        let size = 0;
        let checked = false;
        stream.on('data', (c: Buffer) => {
          size += c.length;
          if (size > this.maxBytes) return fail(new ImportError(`the page is larger than ${mb(this.maxBytes)}`));
          chunks.push(c);
          if (!checked && size >= 1024) {
            checked = true;
            if (!isHtml(contentType, Buffer.concat(chunks))) fail(notHtml(contentType));
          }
        });
        stream.on('error', (e: Error) => fail(new ImportError(`the page could not be read: ${e.message}`)));
        stream.on('end', () => {
          if (settled) return;
          const body = Buffer.concat(chunks);
          if (!checked && !isHtml(contentType, body)) return fail(notHtml(contentType));
          settled = true;
          clearTimeout(timer);
          signal?.removeEventListener('abort', onAbort);
          resolve({ status, statusText: res.statusMessage ?? '', location, contentType, body: new Uint8Array(body.buffer, body.byteOffset, body.byteLength) });
        });
      };
      const onError = (e: NodeJS.ErrnoException) => fail(new ImportError(networkMessage(e, target)));
      const isHttps = target.protocol === 'https:';
      const port = Number(target.port) || (isHttps ? 443 : 80);
      const proxy = this.proxyFor(target);
      const proxyAuth = proxy && proxy.username ? { 'proxy-authorization': `Basic ${Buffer.from(`${decodeURIComponent(proxy.username)}:${decodeURIComponent(proxy.password)}`).toString('base64')}` } : {};
      const start = (r: http.ClientRequest) => {
        req = r;
        r.setTimeout(this.idleTimeoutMs, () => fail(new ImportError(`no answer from ${target.host} for ${Math.round(this.idleTimeoutMs / 1000)} s`)));
        r.on('error', onError);
        r.end();
      };
      if (!proxy) {
        const mod = isHttps ? https : http;
        start(mod.request({ protocol: target.protocol, hostname: target.hostname, port, path: target.pathname + target.search, method: 'GET', headers, agent: false, rejectUnauthorized: !this.options.insecure }, onResponse));
      } else if (!isHttps) {
        // http through a proxy: the absolute URL as the request target
        start(http.request({ hostname: proxy.hostname, port: Number(proxy.port) || 80, path: target.toString().replace(/#.*$/, ''), method: 'GET', headers: { ...headers, host: target.host, ...proxyAuth }, agent: false }, onResponse));
      } else {
        tunnel = http.request({ hostname: proxy.hostname, port: Number(proxy.port) || 80, method: 'CONNECT', path: `${target.hostname}:${port}`, headers: { host: `${target.hostname}:${port}`, ...proxyAuth }, agent: false });
        tunnel.setTimeout(this.idleTimeoutMs, () => fail(new ImportError(`no answer from the proxy ${proxy.host}`)));
        tunnel.on('error', (e: NodeJS.ErrnoException) => fail(new ImportError(`the proxy ${proxy.host} could not be reached (${e.code ?? e.message})`)));
        tunnel.on('connect', (res: http.IncomingMessage, socket: Duplex) => {
          if (res.statusCode !== 200) {
            socket.destroy();
            return fail(new ImportError(`the proxy ${proxy.host} refused the connection (HTTP ${res.statusCode ?? '?'})`));
          }
          const secure = tls.connect({ socket, servername: target.hostname, rejectUnauthorized: !this.options.insecure });
          secure.on('error', onError);
          start(https.request({ hostname: target.hostname, port, path: target.pathname + target.search, method: 'GET', headers, agent: false, createConnection: () => secure }, onResponse));
        });
        tunnel.end();
      }
    });
  }
}

function mb(n: number): string {
  return n < 1024 * 1024 ? `${Math.round(n / 1024)} KB` : `${Math.round((n / 1024 / 1024) * 10) / 10} MB`;
}

function notHtml(contentType: string | null): ImportError {
  return new ImportError(`not an HTML page (the server sent ${contentType ? contentType.split(';')[0]!.trim() : 'no content type'}): only web pages can be imported`);
}

function abortError(): Error {
  const e = new Error('cancelled');
  e.name = 'AbortError';
  return e;
}

function networkMessage(e: NodeJS.ErrnoException, target: URL): string {
  switch (e.code) {
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `the host ${target.hostname} was not found`;
    case 'ECONNREFUSED':
      return `${target.host} refused the connection`;
    case 'ECONNRESET':
      return `${target.host} closed the connection`;
    case 'CERT_HAS_EXPIRED':
    case 'DEPTH_ZERO_SELF_SIGNED_CERT':
    case 'SELF_SIGNED_CERT_IN_CHAIN':
    case 'UNABLE_TO_VERIFY_LEAF_SIGNATURE':
    case 'ERR_TLS_CERT_ALTNAME_INVALID':
      return `the TLS certificate of ${target.hostname} is not trusted (${e.code})`;
    default:
      return `${target.host}: ${e.message}`;
  }
}
