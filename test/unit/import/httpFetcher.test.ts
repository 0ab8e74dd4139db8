import { strict as assert } from 'node:assert';
import * as zlib from 'node:zlib';
import { ImportError } from '../../../src/core/import/types';
import { HttpFetcher, proxyFromEnv } from '../../../src/node/httpFetcher';
import { fixture, html, loopback, redirect, type Loopback } from './helpers';

async function rejectsWith(p: Promise<unknown>, re: RegExp): Promise<void> {
  await assert.rejects(p, (e: unknown) => {
    assert.ok(e instanceof ImportError || (e instanceof Error && e.name === 'AbortError'), String(e));
    assert.match((e as Error).message, re);
    return true;
  });
}

describe('import: the Node HTTP fetcher on a loopback server', function () {
  this.timeout(20_000);
  let srv: Loopback;
  const PAGE = fixture('jsonld-news.html');
  const pending: (() => void)[] = [];

  before(async () => {
    srv = await loopback({
      '/page': html(PAGE),
      '/r1': redirect('/r2', 301),
      '/r2': redirect('/r3', 302),
      '/r3': redirect('/page?utm_source=x', 307),
      '/loop': redirect('/loop'),
      '/to-file': redirect('file:///etc/passwd'),
      // a server that accepts the request and never answers
      '/slow': (_req, res) => {
        pending.push(() => res.destroy());
      },
      '/image': html(Buffer.alloc(4096, 0x89), 'image/png'),
      '/json': html('{"a":1}', 'application/json'),
      '/untyped': (_req, res) => {
        res.writeHead(200);
        res.end(PAGE);
      },
      '/big': html(Buffer.concat([Buffer.from('<html><body>'), Buffer.alloc(200_000, 0x61)])),
      '/gzip': (_req, res) => {
        res.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'gzip' });
        res.end(zlib.gzipSync(PAGE));
      },
      '/cp1251': html(fixture('cp1251.html'), 'text/html; charset=windows-1251'),
      '/error': (_req, res) => {
        res.writeHead(500, 'Internal Server Error');
        res.end();
      },
    });
  });
  after(async () => {
    for (const p of pending) p();
    await srv.close();
  });

  it('fetches a page: status, content type, the bytes as sent', async () => {
    const r = await new HttpFetcher().fetch(`${srv.base}/page`);
    assert.equal(r.status, 200);
    assert.equal(r.url, `${srv.base}/page`);
    assert.match(r.contentType!, /^text\/html/);
    assert.ok(Buffer.from(r.body).equals(PAGE));
  });

  it('follows redirects (301, 302, 307, relative Location) and reports the final URL', async () => {
    const r = await new HttpFetcher().fetch(`${srv.base}/r1`);
    assert.equal(r.url, `${srv.base}/page?utm_source=x`);
    assert.ok(Buffer.from(r.body).equals(PAGE));
  });

  it('caps redirects, and never follows one to another scheme', async () => {
    await rejectsWith(new HttpFetcher({ maxRedirects: 3 }).fetch(`${srv.base}/loop`), /too many redirects \(more than 3\)/);
    await rejectsWith(new HttpFetcher({ maxRedirects: 2 }).fetch(`${srv.base}/r1`), /too many redirects/);
    await rejectsWith(new HttpFetcher().fetch(`${srv.base}/to-file`), /redirected to a file: address/);
  });

  it('times out on a server that does not answer', async () => {
    const t0 = Date.now();
    await rejectsWith(new HttpFetcher({ timeoutMs: 400 }).fetch(`${srv.base}/slow`), /timed out/);
    await rejectsWith(new HttpFetcher({ idleTimeoutMs: 300 }).fetch(`${srv.base}/slow`), /no answer from 127\.0\.0\.1:\d+ for/);
    assert.ok(Date.now() - t0 < 10_000);
  });

  it('refuses what is not a web page, saying what the server sent', async () => {
    await rejectsWith(new HttpFetcher().fetch(`${srv.base}/image`), /not an HTML page \(the server sent image\/png\)/);
    await rejectsWith(new HttpFetcher().fetch(`${srv.base}/json`), /not an HTML page \(the server sent application\/json\)/);
    // no content type at all: the bytes decide
    assert.equal((await new HttpFetcher().fetch(`${srv.base}/untyped`)).status, 200);
  });

  it('reports HTTP errors (404, 500) by status', async () => {
    await rejectsWith(new HttpFetcher().fetch(`${srv.base}/nowhere`), /^HTTP 404 Not Found$/);
    await rejectsWith(new HttpFetcher().fetch(`${srv.base}/error`), /^HTTP 500 Internal Server Error$/);
  });

  it('caps the size of a page', async () => {
    await rejectsWith(new HttpFetcher({ maxBytes: 50_000 }).fetch(`${srv.base}/big`), /the page is larger than 49 KB/);
  });

  it('decompresses gzip, and hands the charset header over with the bytes', async () => {
    const g = await new HttpFetcher().fetch(`${srv.base}/gzip`);
    assert.ok(Buffer.from(g.body).equals(PAGE));
    const c = await new HttpFetcher().fetch(`${srv.base}/cp1251`);
    assert.equal(c.contentType, 'text/html; charset=windows-1251');
  });

  it('only http and https', async () => {
    await rejectsWith(new HttpFetcher().fetch('file:///etc/passwd'), /only http and https/);
    await rejectsWith(new HttpFetcher().fetch('ftp://example.org/a'), /only http and https/);
    await rejectsWith(new HttpFetcher().fetch('nonsense'), /not a valid URL/);
  });

  it('can be cancelled', async () => {
    const ac = new AbortController();
    const p = new HttpFetcher().fetch(`${srv.base}/slow`, { signal: ac.signal });
    ac.abort();
    await rejectsWith(p, /cancelled/);
  });

  it('goes through a proxy: absolute-form requests for http pages, CONNECT for https pages', async () => {
    const target = 'http://news.invalid/story?id=1';
    const viaProxy = new HttpFetcher({ proxy: { http: srv.base, https: srv.base } });
    // the loopback server plays the proxy: it answers the absolute URL's path (/story → 404 here, which proves the route)
    await rejectsWith(viaProxy.fetch(target), /HTTP 404/);
    assert.ok(srv.seen.includes(`GET ${target}`), srv.seen.join('\n'));
    await rejectsWith(viaProxy.fetch('https://news.invalid/secure'), /the proxy 127\.0\.0\.1:\d+ refused the connection \(HTTP 403\)/);
    assert.ok(srv.seen.includes('CONNECT news.invalid:443'));
    // NO_PROXY hosts go direct (here: a name that does not resolve, so the direct attempt fails on DNS)
    const seen = srv.seen.length;
    const direct = new HttpFetcher({ proxy: srv.base, noProxy: 'example.org, .invalid' });
    await rejectsWith(direct.fetch('http://other.news.invalid/x'), /the host other\.news\.invalid was not found|other\.news\.invalid/);
    assert.equal(srv.seen.length, seen, 'the proxy saw nothing');
    // loopback pages never go through the proxy
    assert.equal((await new HttpFetcher({ proxy: 'http://127.0.0.1:9' }).fetch(`${srv.base}/page`)).status, 200);
  });

  it('reads the proxy from HTTPS_PROXY / HTTP_PROXY / NO_PROXY', () => {
    assert.deepEqual(proxyFromEnv({ HTTPS_PROXY: 'http://p:3128', http_proxy: 'http://q:8080', NO_PROXY: 'intranet' }), { https: 'http://p:3128', http: 'http://q:8080', noProxy: 'intranet' });
    assert.deepEqual(proxyFromEnv({ HTTP_PROXY: 'http://q:8080' }), { http: 'http://q:8080' });
    assert.deepEqual(proxyFromEnv({}), {});
  });
});
