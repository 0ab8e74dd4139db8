import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { analyzeArticle } from '../../../src/core/analysis';
import type { Entity, EntityType } from '../../../src/core/analysis/types';
import { PEOPLE_GENDER_ESTIMATE, NONE_ID, selectStatements, statementsOf, tally, tallyCsv, tallyJson, type StatementKind, type StatementQuote, type TallyArticle } from '../../../src/core/tally';

type Q = [speaker: string | null, type?: EntityType | null, kind?: StatementKind, partOf?: number];

/** An article with the given statements; a speaker with a type is an entity (`type:slug`), without one a bare name. */
function article(path: string, outlet: string | null, dateIso: string | null, qs: Q[]): TallyArticle {
  const entities: Entity[] = [];
  const quotes: StatementQuote[] = qs.map(([speaker, type, kind, partOf], i) => {
    const id = speaker && type ? `${type}:${speaker.toLowerCase().replace(/[^a-z]+/g, '-')}` : null;
    if (id && type && speaker && !entities.some((e) => e.id === id)) entities.push({ id, name: speaker, type, mentions: [{ start: 0, end: 1, text: speaker }] });
    return { start: i * 10, end: i * 10 + 5, text: `q${i}`, speaker, speakerId: id, cue: null, passage: 0, ...(kind ? { kind } : {}), ...(partOf !== undefined ? { partOf } : {}) };
  });
  return {
    path,
    analysis: {
      metadata: { title: path, titleDerived: false, titleSpan: null, publisher: outlet, date: dateIso, dateIso, author: null, dateline: null },
      quotes,
      entities,
    },
  };
}

const corpus: TallyArticle[] = [
  article('a1', 'Ledger', '2025-03-04', [['Elena Varga', 'person'], ['Elena Varga', 'person'], ['Port Authority', 'organization'], [null]]),
  article('a2', 'Courier', '2025-04-02', [['Elena Varga', 'person'], ['Ruth Okafor', 'person', 'reported']]),
  // A mixed statement and its direct fragment (partOf 0): one statement, not two.
  article('a3', 'Courier', '2025-04-20', [['Ruth Okafor', 'person', 'mixed'], ['Ruth Okafor', 'person', 'direct', 0], ['Mystery Name', null]]),
  article('a4', null, null, [['Elena Varga', 'person']]),
  article('a5', 'Ledger', '2025-05', []),
];

describe('tally: who is quoted', () => {
  it('counts statements, not direct fragments of mixed statements; a quote without kind is direct', () => {
    assert.deepEqual(statementsOf(corpus[2]!).map((s) => s.kind), ['mixed', 'direct']);
    const r = tally(corpus);
    assert.equal(r.articles, 5);
    assert.equal(r.statements, 9);
    assert.equal(r.unattributed, 1);
    assert.deepEqual(r.byKind, { direct: 7, mixed: 1, reported: 1 });
    assert.equal(r.undated, 1);
    assert.equal(r.unknownOutlet, 1);
  });

  it('ranks speakers with kinds, articles and outlets; shares of the top 5 and 10', () => {
    const r = tally(corpus);
    assert.deepEqual(
      r.speakers.map((s) => [s.key, s.type, s.statements, s.direct, s.mixed, s.reported, s.articles]),
      [
        ['Elena Varga', 'person', 4, 4, 0, 0, 3],
        ['Ruth Okafor', 'person', 2, 0, 1, 1, 2],
        ['Mystery Name', 'unknown', 1, 1, 0, 0, 1],
        ['Port Authority', 'organisation', 1, 1, 0, 0, 1],
      ],
    );
    assert.deepEqual(r.speakers[0]!.outlets, { Ledger: 2, Courier: 1 });
    assert.equal(r.top5Share, 8 / 9);
    assert.equal(r.top10Share, 8 / 9);
    assert.deepEqual(r.speakerTypes, { person: { statements: 6, speakers: 2 }, organisation: { statements: 1, speakers: 1 }, unknown: { statements: 1, speakers: 1 } });
  });

  it('counts by outlet and by month; undated articles apart in the timeline', () => {
    const r = tally(corpus);
    assert.deepEqual(r.outlets.map((o) => [o.key, o.statements, o.articles]), [['Courier', 4, 2], ['Ledger', 4, 1]]);
    assert.deepEqual(r.months.map((m) => [m.key, m.statements]), [['2025-03', 4], ['2025-04', 4]]);
    const varga = r.timeline.find((t) => t.key === 'Elena Varga')!;
    assert.deepEqual(varga.months, { '2025-03': 2, '2025-04': 1 });
    assert.equal(varga.undated, 1);
  });

  it('filters by date range, outlet, kind and speaker type', () => {
    const april = tally(corpus, { filters: { from: '2025-04', to: '2025-04-30' } });
    assert.equal(april.articles, 2);
    assert.equal(april.statements, 4);
    // A month-only date overlaps a range that holds any of its days; an undated article is out of any range.
    assert.equal(tally(corpus, { filters: { from: '2025-05-10' } }).articles, 1);
    const ledger = tally(corpus, { filters: { outlets: ['Ledger'] } });
    assert.deepEqual([ledger.articles, ledger.statements, ledger.unattributed], [2, 4, 1]);
    const reported = tally(corpus, { filters: { kinds: ['reported', 'mixed'] } });
    assert.deepEqual(reported.speakers.map((s) => [s.key, s.statements]), [['Ruth Okafor', 2]]);
    const orgs = tally(corpus, { filters: { speakerTypes: ['organisation'] } });
    assert.deepEqual([orgs.statements, orgs.unattributed, orgs.speakers.length], [1, 0, 1]);
    assert.throws(() => tally(corpus, { filters: { from: 'March' } }), /not a date/);
  });

  it('one speaker across articles typed differently, and by the most used spelling', () => {
    const r = tally([
      article('x', 'A', '2024-01-01', [['Siemens', 'organization'], ['Siemens', 'person']]),
      article('y', 'A', '2024-01-02', [['Siemens', 'organization']]),
    ]);
    assert.deepEqual(r.speakers.map((s) => [s.key, s.type, s.statements]), [['Siemens', 'organisation', 3]]);
  });

  it('selects the statements behind a bar, a segment and the unattributed', () => {
    const varga = tally(corpus).speakers[0]!;
    const sel = selectStatements(corpus, {}, { by: 'speaker', id: varga.id });
    assert.equal(sel.total, 4);
    assert.deepEqual(sel.statements.map((s) => s.path), ['a1', 'a1', 'a2', 'a4']);
    assert.equal(selectStatements(corpus, {}, { by: 'speaker', id: varga.id, outlet: 'Ledger' }).total, 2);
    assert.equal(selectStatements(corpus, {}, { by: 'speaker', id: varga.id, month: NONE_ID }).total, 1);
    assert.equal(selectStatements(corpus, {}, { by: 'speaker', id: NONE_ID }).statements[0]!.path, 'a1');
    assert.equal(selectStatements(corpus, {}, { by: 'month', id: '2025-04', kind: 'mixed' }).total, 1);
    assert.equal(selectStatements(corpus, {}, { by: 'outlet', id: 'Courier' }, 2).statements.length, 2);
  });

  it('estimates gender only when asked, with the core first-name module, unknown where unsure', () => {
    assert.equal(tally(corpus).gender, undefined);
    const r = tally(
      [...corpus, article('a6', 'Ledger', '2025-03-09', [['Jean Dupont', 'person'], ['Tomas Brandt', 'person'], ['Mr. Okafor', 'person']])],
      { gender: PEOPLE_GENDER_ESTIMATE },
    );
    assert.match(r.gender!.method, /first given name/);
    // Elena Varga 4 and Ruth Okafor 2: female; Tomas Brandt and Mr. Okafor: male; Jean (used for both): unknown.
    // Organisations and speakers of unknown type are not people and are not counted.
    assert.deepEqual(r.gender!.statements, { female: 6, male: 2, unknown: 1 });
    assert.deepEqual(r.gender!.speakers, { female: 2, male: 2, unknown: 1 });
  });

  it('prints the CLI contract: JSON rows by speaker, outlet or month, and CSV', () => {
    const r = tally(corpus);
    const j = tallyJson(r);
    assert.deepEqual(Object.keys(j), ['articles', 'statements', 'unattributed', 'rows']);
    assert.deepEqual(Object.keys(j.rows[0]!), ['key', 'type', 'statements', 'direct', 'mixed', 'reported', 'articles', 'outlets']);
    assert.deepEqual(tallyJson(r, 'month').rows.map((x) => x.key), ['2025-03', '2025-04']);
    assert.equal(tallyJson(r, 'outlet').rows[0]!.type, 'outlet');
    const csv = tallyCsv(r.speakers);
    assert.equal(csv.split('\r\n')[0], 'key,type,statements,direct,mixed,reported,articles,outlets');
    assert.equal(csv.split('\r\n')[1], 'Elena Varga,person,4,4,0,0,3,Ledger: 2; Courier: 1');
  });

  it('on the fixture corpus with the real analysis', () => {
    const dir = path.resolve(__dirname, '../../fixtures/dashboard');
    const articles = readdirSync(dir)
      .filter((f) => f.endsWith('.txt'))
      .map((f) => ({ path: f, analysis: analyzeArticle(readFileSync(path.join(dir, f), 'utf8')) }));
    const r = tally(articles);
    // With reported speech: Tomas Brandt's 'warned that…' and Ruth Okafor's 'criticised the bridge plan' (reported)
    // and the transport authority's statement with a quotation in it (mixed; its quoted fragment is not counted again).
    assert.deepEqual([r.articles, r.statements, r.unattributed, r.undated, r.unknownOutlet], [6, 15, 1, 4, 1]);
    assert.deepEqual(r.byKind, { direct: 12, mixed: 1, reported: 2 });
    assert.deepEqual(r.speakers.map((s) => [s.key, s.type, s.statements, s.articles]), [
      ['Elena Varga', 'person', 5, 4],
      ['Ruth Okafor', 'person', 4, 2],
      ['Tomas Brandt', 'person', 3, 2],
      ['Alder Transport Authority', 'organisation', 1, 1],
      ['Lena Ruiz', 'person', 1, 1],
    ]);
    assert.deepEqual(r.speakers[0]!.outlets, { 'Harbour Ledger': 3, 'Coastal Courier': 1 });
    assert.deepEqual(r.months.map((m) => [m.key, m.statements]), [['2025-03', 4], ['2025-04', 5], ['2025-05', 2]]);
    assert.deepEqual([r.speakers.find((s) => s.key === 'Tomas Brandt')!.reported, r.speakers.find((s) => s.key === 'Alder Transport Authority')!.mixed], [1, 1]);
  });
});
