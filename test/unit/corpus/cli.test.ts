import { strict as assert } from 'node:assert';
import { mkdtempSync, readFileSync, rmSync, existsSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { main } from '../../../src/cli/main';

const FIXTURES = path.resolve(__dirname, '../../fixtures/corpus');

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const ow = process.stdout.write.bind(process.stdout);
  const ew = process.stderr.write.bind(process.stderr);
  process.stdout.write = ((s: string) => ((out += s), true)) as typeof process.stdout.write;
  process.stderr.write = ((s: string) => ((err += s), true)) as typeof process.stderr.write;
  const prevExit = process.exitCode;
  try {
    const code = await main(args);
    return { code, out, err };
  } finally {
    process.stdout.write = ow;
    process.stderr.write = ew;
    process.exitCode = prevExit;
  }
}

describe('corpus CLI: related and search (real analysis)', () => {
  const bridge = path.join(FIXTURES, 'gazette-bridge.txt');
  const text = readFileSync(bridge, 'utf8');

  it('related --json lists the same quotation in other articles first, with reasons', async () => {
    const r = await run(['related', '--json', bridge, '--offset', String(text.indexOf('another winter'))]);
    assert.equal(r.code, 0, r.err);
    const json = JSON.parse(r.out) as { source: { kind: string }; related: { path: string; start: number; end: number; text: string; score: number; reasons: { kind: string }[] }[] };
    assert.equal(json.source.kind, 'quote');
    assert.ok(json.related.length > 0);
    const top = json.related[0]!;
    assert.ok(['ledger-crossing.txt', 'herald-partial.txt', 'courrier-interview.txt'].includes(path.basename(top.path)), top.path);
    assert.equal(top.reasons[0]!.kind, 'same-quote');
    assert.equal(readFileSync(top.path, 'utf8').slice(top.start, top.end), top.text);
    assert.ok(json.related.some((x) => path.basename(x.path) === 'ledger-crossing.txt' && x.reasons.some((y) => y.kind === 'same-quote')));
  });

  it('search --json finds quotations by speaker filter and text', async () => {
    const r = await run(['search', '--json', 'vanity speaker:okafor', FIXTURES]);
    assert.equal(r.code, 0, r.err);
    const json = JSON.parse(r.out) as { results: { path: string; start: number; end: number; text: string; kind: string; score: number }[] };
    assert.equal(json.results.length, 2);
    for (const x of json.results) {
      assert.equal(x.kind, 'quote');
      assert.equal(readFileSync(x.path, 'utf8').slice(x.start, x.end), x.text);
    }
  });

  it('writes and reuses a cache file', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'na-corpus-'));
    try {
      const cache = path.join(dir, 'corpus.bin');
      const a = await run(['search', '--json', '--cache', cache, 'bridge', FIXTURES]);
      assert.ok(existsSync(cache));
      const b = await run(['search', '--json', '--cache', cache, 'bridge', FIXTURES]);
      assert.equal(a.out, b.out);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reports bad input clearly', async () => {
    assert.equal((await run(['related', bridge, '--offset', '-3'])).code, 2);
    const past = await run(['related', bridge, '--offset', '999999']);
    assert.equal(past.code, 2);
    assert.match(past.err, /past the end/);
    const missing = await run(['search', 'x', path.join(FIXTURES, 'missing-folder')]);
    assert.equal(missing.code, 2);
    assert.match(missing.err, /no such file or folder/);
    const badType = await run(['search', 'type:video', FIXTURES]);
    assert.equal(badType.code, 2);
    assert.match(badType.err, /unknown type:video/);
  });
});
