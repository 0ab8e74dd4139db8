/**
 * Web-page import (src/core/import): the time to import a saved page (decode, parse, metadata, furniture,
 * Readability, article file, original) through the same code the CLI and the extension run, with an in-memory
 * file system, and how well pages come out. The pages are built here: the BBC corpus's articles (never copied
 * into the repository) wrapped in five news-site layouts (one with no metadata in its markup at all) full of furniture (navigation, share bars, captions,
 * related links, sign-up boxes, most-read lists, inline scripts and JSON-LD, about 200 KB each); plus the
 * hand-written test pages. Figures, not pass/fail. Without ../shared only the test pages are measured.
 */
import { readdirSync, readFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseArticleHeader } from '../src/core/import/articleFormat';
import { countWords } from '../src/core/import/extract';
import { importOne } from '../src/core/import/importer';
import { ImportError, type PageFetcher } from '../src/core/import/types';
import { MemImportFs } from '../test/unit/import/helpers';
import { percentile, rng, sharedDir } from './shared';

const noFetch: PageFetcher = {
  fetch: () => Promise.reject(new ImportError('no network in the benchmark')),
};

interface Story {
  title: string;
  paragraphs: string[];
}

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** One saved page around a story, in one of four layouts; `random` decides the furniture's details. */
function page(s: Story, layout: number, random: () => number, i: number): { html: string; published: string; author: string; site: string } {
  const site = ['The Northern Ledger', 'Harbour Daily', 'Coastal Times', 'The Valley Post', 'The Island Mail'][layout]!;
  const author = ['Clara Moreau', 'Jon Berg', 'Amira Haddad', 'Pete Lowe'][Math.floor(random() * 4)]!;
  const day = String(1 + (i % 28)).padStart(2, '0');
  const published = `2025-0${1 + (i % 9)}-${day}T0${i % 10}:15:00+01:00`;
  const links = (n: number, prefix: string) => Array.from({ length: n }, (_, k) => `<li><a href="/${prefix}/${k}">${prefix} story number ${k} about the council budget and the weather</a></li>`).join('');
  const script = `<script>window.__STATE__=${JSON.stringify({ items: Array.from({ length: 3000 }, (_, k) => ({ id: k, t: 'tracking payload ' + k, u: `/section/${k}` })) })}</script>`;
  const ld = `<script type="application/ld+json">${JSON.stringify({ '@context': 'https://schema.org', '@type': 'NewsArticle', headline: s.title, datePublished: published, author: [{ '@type': 'Person', name: author }], publisher: { '@type': 'Organization', name: site } })}</script>`;
  const metaOnly = `<meta property="og:title" content="${esc(s.title)} | ${site}"><meta property="og:site_name" content="${site}"><meta property="article:published_time" content="${published}"><meta name="author" content="${author}">`;
  const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September'];
  const written = `${Number(day)} ${months[i % 9]} 2025`;
  const head = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${esc(s.title)} | ${site}</title>${layout === 4 ? '' : layout % 2 === 0 ? ld : metaOnly}<link rel="canonical" href="https://news${layout}.example/story/${i}">${script}<style>${'.x{color:red}'.repeat(300)}</style></head>`;
  const nav = `<header><div class="masthead">${site}</div><nav><ul>${links(150, 'section')}</ul></nav></header>`;
  const body: string[] = [];
  const at = (x: number) => Math.min(x, s.paragraphs.length - 1);
  s.paragraphs.forEach((p, k) => {
    body.push(`<p>${esc(p)}</p>`);
    if (k === at(0)) body.push(`<figure><img src="/i/${i}.jpg"><figcaption>A view of the scene on Monday. Photograph: Staff/Reuters</figcaption></figure>`);
    if (k === at(1)) body.push(`<div class="share-tools"><a href="#">Share on Facebook</a><a href="#">Share on X</a><a href="#">Email</a></div>`);
    if (k === at(2)) body.push(`<aside class="related"><h3>Related</h3><ul>${links(4, 'related')}</ul></aside>`);
    if (k === at(3)) body.push(`<div class="${['newsletter-box', 'signup', 'promo-newsletter', 'inline-cta'][layout]}"><h4>Subscribe to the morning newsletter</h4><p>Get the top stories in your inbox every weekday.</p><form><input><button>Sign up</button></form></div>`);
  });
  const wrap = [
    `<main><article class="story"><h1>${esc(s.title)}</h1><p class="byline">By ${author}</p><div class="story-body">${body.join('')}</div></article></main>`,
    `<div id="page"><div class="content"><h1 class="headline">${esc(s.title)}</h1><div class="meta">By <a rel="author">${author}</a> · <time datetime="${published}">today</time></div><div class="text">${body.join('')}</div></div></div>`,
    `<main><div class="article-container"><header><h1>${esc(s.title)}</h1></header><section class="article-body">${body.join('')}</section><div class="tags-list"><a>Politics</a><a>Economy</a></div></div></main>`,
    `<div class="wrapper"><article><h1>${esc(s.title)}</h1><div class="entry-content">${body.join('')}</div><div id="comments"><h3>3 comments</h3><p>Great article, thanks for sharing this with us all.</p></div></article></div>`,
    // no metadata in the markup: the byline's name and date only; paragraphs in divs between ad slots and a tweet
    `<div class="site-top">Monday 7 December 2026</div><div class="story-head"><h1>${esc(s.title)}</h1><div class="byline-block"><span>By <a href="/a">${author}</a></span><span>${written}</span></div></div><div class="story">${s.paragraphs
      .map((p, k) => `<div class="text-block">${esc(p)}</div>${k === 0 ? '<div class="ad-container"><div id="ad-slot-1">Advertisement</div></div>' : k === 1 ? '<blockquote class="twitter-tweet"><p>Big news about this today #news</p>&mdash; Someone (@someone)</blockquote>' : ''}`)
      .join('')}</div>`,
  ][layout]!;
  const aside = `<section class="most-read"><h2>Most read</h2><ol>${links(10, 'popular')}</ol></section>`;
  const footer = `<footer><ul>${links(40, 'footer')}</ul><p>Copyright 2025 ${site}. We use cookies.</p></footer>`;
  return { html: `${head}<body>${nav}<div class="cookie-consent">We use cookies. <button>OK</button></div>${wrap}${aside}${footer}</body></html>`, published, author, site };
}

function stories(dir: string, n: number): Story[] {
  const files: string[] = [];
  for (const sub of readdirSync(dir).sort()) {
    if (!/^[a-z]+$/.test(sub)) continue;
    for (const f of readdirSync(path.join(dir, sub)).sort().slice(0, Math.ceil(n / 5))) files.push(path.join(dir, sub, f));
  }
  return files.slice(0, n).map((f) => {
    const t = readFileSync(f, 'latin1').split(/\r?\n/);
    const paragraphs = t.slice(1).map((l) => l.trim()).filter((l) => l.length > 0);
    return { title: t[0]!.trim(), paragraphs };
  }).filter((s) => s.paragraphs.length >= 3);
}

async function main(): Promise<void> {
  const fs = new MemImportFs();
  let n = 0;
  // wall-clock time, and the process's CPU time (user + system) over the same import: on a busy machine (other
  // processes on the two cores) the wall clock grows, the CPU time does not
  const time = async (file: string, bytes: Uint8Array): Promise<{ ms: number; cpuMs: number; path: string | null; error?: string }> => {
    const p = `/saved/${n++}-${file}`;
    fs.put(p, bytes);
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    const r = await importOne(p, { dir: '/ws/articles', root: '/ws', imported: new Map() }, { fs, fetcher: noFetch });
    const ms = performance.now() - t0;
    const c = process.cpuUsage(c0);
    return { ms, cpuMs: (c.user + c.system) / 1000, path: r.ok ? r.path : null, ...(r.ok ? {} : { error: r.message }) };
  };

  // The hand-written test pages: the first import (cold: modules compiled on first use) and then warm.
  const fixtures = path.resolve(__dirname, '..', 'test', 'fixtures', 'import');
  const first = await time('jsonld-news.html', readFileSync(path.join(fixtures, 'jsonld-news.html')));
  console.log(`first import in this process (cold, jsonld-news.html 4.5 KB): ${first.ms.toFixed(1)} ms`);
  for (const f of readdirSync(fixtures).filter((x) => x.endsWith('.html')).sort()) {
    const bytes = readFileSync(path.join(fixtures, f));
    const ts: number[] = [];
    let outcome = '';
    for (let k = 0; k < 20; k++) {
      const r = await time(f, bytes);
      ts.push(r.ms);
      outcome = r.path ? 'imported' : `refused: ${r.error}`;
    }
    console.log(`  ${f.padEnd(18)} ${(bytes.length / 1024).toFixed(1).padStart(5)} KB  median ${percentile(ts, 50).toFixed(1)} ms  p95 ${percentile(ts, 95).toFixed(1)} ms  (${outcome})`);
  }

  const shared = sharedDir();
  if (!shared) {
    console.log('import bench: ../shared absent, the saved news pages built from the BBC corpus are skipped');
    return;
  }
  const random = rng(17);
  const list = stories(path.join(shared, 'corpora', 'bbc'), 300);
  const times: number[] = [];
  const cpu: number[] = [];
  const sizes: number[] = [];
  let headlineOk = 0;
  let dateOk = 0;
  let authorOk = 0;
  let bodyWords = 0;
  let keptWords = 0;
  let outWords = 0;
  let furnitureWords = 0;
  let refused = 0;
  for (const [i, s] of list.entries()) {
    const layout = i % 5;
    const p = page(s, layout, random, i);
    const bytes = new TextEncoder().encode(p.html);
    sizes.push(bytes.length);
    const r = await time(`bbc-${i}.html`, bytes);
    times.push(r.ms);
    cpu.push(r.cpuMs);
    if (!r.path) {
      refused++;
      continue;
    }
    const text = fs.text(r.path)!;
    const h = parseArticleHeader(text)!;
    if (h.title === s.title) headlineOk++;
    if (h.date === p.published.slice(0, 10)) dateOk++;
    if (h.author === p.author) authorOk++;
    const body = text.slice(h.blockSpan.end).trim();
    const bodySet = new Map<string, number>();
    for (const w of body.split(/\s+/)) bodySet.set(w, (bodySet.get(w) ?? 0) + 1);
    const expected = s.paragraphs.join(' ').split(/\s+/);
    bodyWords += expected.length;
    for (const w of expected) {
      const c = bodySet.get(w) ?? 0;
      if (c > 0) {
        keptWords++;
        bodySet.set(w, c - 1);
      }
    }
    const out = countWords(body);
    outWords += out;
    const source = new Set(expected);
    furnitureWords += body.split(/\s+/).filter((w) => !source.has(w)).length;
  }
  const ok = list.length - refused;
  console.log(`\nSaved news pages built from BBC articles (${list.length} pages, 5 layouts, ${(percentile(sizes, 50) / 1024).toFixed(0)} KB median, ${(Math.max(...sizes) / 1024).toFixed(0)} KB max):`);
  console.log(`  import time per page: median ${percentile(times, 50).toFixed(1)} ms, p95 ${percentile(times, 95).toFixed(1)} ms, max ${Math.max(...times).toFixed(1)} ms (target ≤ 200 ms); load average ${os.loadavg()[0]!.toFixed(1)} on ${os.cpus().length} cores`);
  console.log(`  CPU time per page:    median ${percentile(cpu, 50).toFixed(1)} ms, p95 ${percentile(cpu, 95).toFixed(1)} ms, max ${Math.max(...cpu).toFixed(1)} ms`);
  console.log(`  headline exact ${headlineOk}/${ok}, date right to the day ${dateOk}/${ok}, author right ${authorOk}/${ok}, refused ${refused}`);
  console.log(`  body words kept ${((100 * keptWords) / bodyWords).toFixed(2)}% (target ≥ 95%); output words not from the article ${((100 * furnitureWords) / Math.max(1, outWords)).toFixed(2)}% (target ≤ 5%)`);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
