import { strict as assert } from 'node:assert';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runCli } from '../../support/runCli';
import type { TallyJson } from '../../../src/core/tally';

const FIXTURES = path.resolve(__dirname, '../../fixtures/dashboard');

describe('CLI: tally', () => {
  it('--json prints the contract, rows by statements descending', async () => {
    const r = await runCli(['tally', '--json', FIXTURES]);
    assert.equal(r.code, 0, r.err);
    const j = JSON.parse(r.out) as TallyJson;
    assert.deepEqual(Object.keys(j), ['articles', 'statements', 'unattributed', 'rows']);
    assert.deepEqual([j.articles, j.statements, j.unattributed], [6, 15, 1]);
    assert.deepEqual(j.rows[0], { key: 'Elena Varga', type: 'person', statements: 5, direct: 5, mixed: 0, reported: 0, articles: 4, outlets: { 'Harbour Ledger': 3, 'Coastal Courier': 1 } });
    assert.deepEqual(j.rows.map((x) => x.key), ['Elena Varga', 'Ruth Okafor', 'Tomas Brandt', 'Alder Transport Authority', 'Lena Ruiz']);
    for (let i = 1; i < j.rows.length; i++) assert.ok(j.rows[i - 1]!.statements >= j.rows[i]!.statements);
    assert.equal(j.rows.find((x) => x.key === 'Alder Transport Authority')!.type, 'organisation');
  });

  it('--by outlet and --by month', async () => {
    const o = JSON.parse((await runCli(['tally', '--json', '--by', 'outlet', FIXTURES])).out) as TallyJson;
    assert.deepEqual(o.rows.map((x) => [x.key, x.statements, x.articles]), [['Harbour Ledger', 6, 2], ['Coastal Courier', 5, 2], ['Alder Gazette', 3, 1]]);
    const m = JSON.parse((await runCli(['tally', '--json', '--by', 'month', FIXTURES])).out) as TallyJson;
    assert.deepEqual(m.rows.map((x) => [x.key, x.statements]), [['2025-04', 5], ['2025-03', 4], ['2025-05', 2]]);
  });

  it('--kind filters statements: reported speech and a mixed statement (its quoted fragment not counted again)', async () => {
    const j = JSON.parse((await runCli(['tally', '--json', '--kind', 'reported,mixed', FIXTURES])).out) as TallyJson;
    assert.deepEqual([j.articles, j.statements], [6, 3]);
    assert.deepEqual(j.rows.map((x) => [x.key, x.statements, x.mixed, x.reported]), [['Alder Transport Authority', 1, 1, 0], ['Ruth Okafor', 1, 0, 1], ['Tomas Brandt', 1, 0, 1]]);
    const d = JSON.parse((await runCli(['tally', '--json', '--kind', 'direct', FIXTURES])).out) as TallyJson;
    assert.equal(d.statements, 12);
  });

  it('--csv prints the same rows, one per line', async () => {
    const r = await runCli(['tally', '--csv', FIXTURES]);
    assert.equal(r.code, 0, r.err);
    const lines = r.out.split('\r\n');
    assert.equal(lines[0], 'key,type,statements,direct,mixed,reported,articles,outlets');
    assert.equal(lines[1], 'Elena Varga,person,5,5,0,0,4,Harbour Ledger: 3; Coastal Courier: 1');
    assert.equal(lines.length, 1 + 5 + 1);
  });

  it('date and outlet filters; the plain table', async () => {
    const j = JSON.parse((await runCli(['tally', '--json', '--from', '2025-04', '--to', '2025-04-30', '--outlet', 'Harbour Ledger', FIXTURES])).out) as TallyJson;
    assert.deepEqual([j.articles, j.statements], [1, 2]);
    const t = await runCli(['tally', FIXTURES]);
    assert.match(t.out, /^6 articles, 15 statements, 1 with no identified speaker/);
    assert.match(t.out, /Elena Varga\s+5\s+5\s+0\s+0\s+4/);
  });

  it('a corrections file merges two spellings into one speaker', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'na-tally-'));
    try {
      cpSync(FIXTURES, dir, { recursive: true });
      writeFileSync(path.join(dir, 'extra.txt'), 'Council meets on ferries\n\nThe council met on Monday.\n\n"We will fix the timetable," said Mayor E. Varga.\n');
      const before = JSON.parse((await runCli(['tally', '--json', dir])).out) as TallyJson;
      assert.ok(before.rows.some((x) => x.key === 'E. Varga'), JSON.stringify(before.rows.map((x) => x.key)));
      mkdirSync(path.join(dir, '.news-annotator'));
      writeFileSync(path.join(dir, '.news-annotator', 'entities.yaml'), 'entities:\n  - name: Elena Varga\n    type: person\n    aliases: [E. Varga]\n');
      const after = JSON.parse((await runCli(['tally', '--json', dir])).out) as TallyJson;
      assert.equal(after.rows.find((x) => x.key === 'Elena Varga')!.statements, 6);
      assert.ok(!after.rows.some((x) => x.key === 'E. Varga'));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('applies the speaker corrections file: the unattributed banner gets a speaker', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'na-tally-'));
    try {
      cpSync(FIXTURES, dir, { recursive: true });
      mkdirSync(path.join(dir, '.news-annotator'));
      writeFileSync(path.join(dir, '.news-annotator', 'speakers.yaml'), 'statements:\n  - text: Schools first\n    speaker: Parents for Schools\n');
      const j = JSON.parse((await runCli(['tally', '--json', dir])).out) as TallyJson;
      assert.equal(j.unattributed, 0);
      assert.equal(j.rows.find((x) => x.key === 'Parents for Schools')?.statements, 1, JSON.stringify(j.rows.map((x) => x.key)));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses bad options with status 2', async () => {
    assert.equal((await runCli(['tally', '--by', 'author', FIXTURES])).code, 2);
    assert.equal((await runCli(['tally', '--kind', 'quoted', FIXTURES])).code, 2);
    assert.equal((await runCli(['tally', '--json', '--csv', FIXTURES])).code, 2);
    assert.equal((await runCli(['tally', '--from', 'spring', FIXTURES])).code, 2);
    assert.equal((await runCli(['tally', path.join(FIXTURES, 'missing')])).code, 2);
  });
});
