import { strict as assert } from 'node:assert';
import { analyzeArticle } from '../../../src/core/analysis';
import {
  ANNOTATION_COLUMNS,
  csvField,
  EXPORT_FORMATS,
  ExportOptionError,
  exportArticles,
  QUOTE_COLUMNS,
  type ExportArticle,
  type ExportFormat,
  type W3CCollection,
} from '../../../src/core/export/index';
import { escapeMarkdown } from '../../../src/core/export/markdown';
import { annotated, FERRY_TEXT, ferryArticle, MILL_TEXT, millArticle, parseCsv } from './helpers';

const both = (): ExportArticle[] => [millArticle(), ferryArticle()];

function csvObjects(s: string): Record<string, string>[] {
  const [head, ...rows] = parseCsv(s);
  return rows.map((r) => {
    assert.equal(r.length, head!.length, `row has ${r.length} fields, header ${head!.length}: ${JSON.stringify(r)}`);
    return Object.fromEntries(head!.map((h, i) => [h, r[i]!]));
  });
}

describe('export: CSV (RFC 4180)', () => {
  it('quotes a field only when it holds a comma, a double quote, CR or LF, doubling inner quotes', () => {
    assert.equal(csvField('plain text'), 'plain text');
    assert.equal(csvField('a, b'), '"a, b"');
    assert.equal(csvField('say "no"'), '"say ""no"""');
    assert.equal(csvField('two\nlines'), '"two\nlines"');
    assert.equal(csvField('cr\ronly'), '"cr\ronly"');
    assert.equal(csvField('"'), '""""');
    assert.equal(csvField(''), '');
    assert.equal(csvField(null), '');
    assert.equal(csvField(42), '42');
  });

  it('one row per annotation, CRLF after every record, every value read back exactly', () => {
    const out = exportArticles(both(), { format: 'csv' });
    assert.ok(out.endsWith('\r\n'));
    assert.equal(out.split('\r\n')[0], ANNOTATION_COLUMNS.join(','));
    const rows = csvObjects(out);
    assert.deepEqual(
      rows.map((r) => [r.article, r.id, r.status]),
      [
        ['islands/ferry.txt', 'aa000001', 'anchored'],
        ['islands/ferry.txt', 'zz000002', 'anchored'],
        ['islands/ferry.txt', 'orph0001', 'orphaned'],
        ['valley/mill.txt', 'aa000001', 'anchored'],
      ],
    );
    const tomas = rows[1]!;
    assert.equal(tomas.headline, 'Ferry fares to rise, "a blow" for islanders');
    assert.equal(tomas.note, 'Ask for the accounts,\nand the "audited" figures.');
    assert.equal(tomas.tags, 'fares/claims; to-verify');
    assert.equal(tomas.speaker, 'Tomas Lee');
    assert.equal(tomas.outlet, 'The Sound Gazette');
    assert.equal(tomas.date, '2025-05-12');
    assert.equal(FERRY_TEXT.slice(Number(tomas.start), Number(tomas.end)), tomas.quote);
    // An orphan has no place in the text: empty start and end, its stored quote kept.
    assert.equal(rows[2]!.start, '');
    assert.equal(rows[2]!.end, '');
    assert.equal(rows[2]!.quote, 'subsidy was cut in March');
    assert.equal(rows[0]!.author, 'Jane Doe');
    assert.equal(rows[0]!.created, '2025-05-12T08:00:00.000Z');
  });

  it('--what quotes: one row per quotation with article, outlet, date, speaker, quote, start, end', () => {
    const out = exportArticles(both(), { format: 'csv', what: 'quotes' });
    assert.equal(out.split('\r\n')[0], QUOTE_COLUMNS.join(','));
    assert.deepEqual(QUOTE_COLUMNS.slice(0, 7), ['article', 'outlet', 'date', 'speaker', 'quote', 'start', 'end']);
    const rows = csvObjects(out);
    assert.equal(rows.length, 4);
    assert.deepEqual(
      rows.map((r) => [r.article, r.speaker, r.quote]),
      [
        ['islands/ferry.txt', '', 'a blow'],
        ['islands/ferry.txt', 'Ruth Okonkwo', 'a blow, frankly,'],
        ['islands/ferry.txt', 'Tomas Lee', 'We ran at a loss all winter,'],
        ['valley/mill.txt', 'Ana Ruiz', 'It is like a second birth,'],
      ],
    );
    for (const r of rows.slice(0, 3)) assert.equal(FERRY_TEXT.slice(Number(r.start), Number(r.end)), r.quote);
    // A quotation carries the tags of the annotations over it.
    assert.equal(rows[2]!.tags, 'fares/claims; to-verify');
    assert.equal(rows[0]!.tags, '');
  });

  it('--tag keeps the annotations (or the quotations under them) with the tag or a sub-tag', () => {
    const rows = csvObjects(exportArticles(both(), { format: 'csv', tag: 'fares' }));
    assert.deepEqual(rows.map((r) => r.id), ['aa000001', 'zz000002', 'orph0001']);
    assert.deepEqual(csvObjects(exportArticles(both(), { format: 'csv', tag: 'to-verify' })).map((r) => `${r.article}#${r.id}`), ['islands/ferry.txt#zz000002', 'valley/mill.txt#aa000001']);
    // Not a prefix match on the name: "fare" is not "fares".
    assert.equal(csvObjects(exportArticles(both(), { format: 'csv', tag: 'fare' })).length, 0);
    const quotes = csvObjects(exportArticles(both(), { format: 'csv', what: 'quotes', tag: 'fares/claims' }));
    assert.deepEqual(quotes.map((r) => r.speaker), ['Tomas Lee']);
  });
});

describe('export: W3C Web Annotation JSON-LD', () => {
  it('an AnnotationCollection whose page holds every annotation, with quote and position selectors on the file URI', () => {
    const doc = JSON.parse(exportArticles(both(), { format: 'w3c' })) as W3CCollection;
    assert.equal(doc['@context'], 'http://www.w3.org/ns/anno.jsonld');
    assert.equal(doc.type, 'AnnotationCollection');
    assert.equal(doc.total, 4);
    assert.equal(doc.first.type, 'AnnotationPage');
    assert.equal(doc.first.startIndex, 0);
    const items = doc.first.items;
    assert.equal(items.length, 4);
    // Ids are IRIs, unique across articles even when two sidecars use the same annotation id.
    assert.equal(new Set(items.map((i) => i.id)).size, 4);
    assert.ok(items.every((i) => /^file:\/\/\/news\/.+\.annotations\.yaml#[a-z0-9]+$/.test(i.id)), items.map((i) => i.id).join('\n'));
    for (const i of items) {
      assert.equal(i.type, 'Annotation');
      assert.equal(i.target.type, 'SpecificResource');
      assert.ok(['file:///news/islands/ferry.txt', 'file:///news/valley/mill.txt'].includes(i.target.source));
      assert.equal((i as unknown as Record<string, unknown>)['@context'], undefined, 'embedded annotations take the collection context');
    }

    const tomas = items.find((i) => i.id.endsWith('#zz000002'))!;
    assert.deepEqual(
      tomas.body?.map((b) => [b.type, b.purpose, b.value]),
      [
        ['TextualBody', 'tagging', 'fares/claims'],
        ['TextualBody', 'tagging', 'to-verify'],
        ['TextualBody', 'commenting', 'Ask for the accounts,\nand the "audited" figures.'],
        ['TextualBody', 'describing', 'speaker: Tomas Lee'],
      ],
    );
    assert.equal(tomas.motivation, 'commenting');
    const [q, p] = tomas.target.selector as [{ type: string; exact: string; prefix: string; suffix: string }, { type: string; start: number; end: number }];
    assert.equal(q.type, 'TextQuoteSelector');
    assert.equal(p.type, 'TextPositionSelector');
    assert.equal(FERRY_TEXT.slice(p.start, p.end), q.exact);
    assert.ok(FERRY_TEXT.slice(0, p.start).endsWith(q.prefix) && FERRY_TEXT.slice(p.end).startsWith(q.suffix));
    assert.equal(q.exact, 'We ran at a loss all winter');

    const jane = items.find((i) => i.id === 'file:///news/islands/ferry.txt.annotations.yaml#aa000001')!;
    assert.deepEqual(jane.creator, { type: 'Person', name: 'Jane Doe' });
    assert.equal(jane.created, '2025-05-12T08:00:00.000Z');
    assert.equal(jane.modified, '2025-05-12T09:00:00.000Z');
    assert.equal(jane.motivation, 'tagging');
  });

  it('an orphan keeps only its stored TextQuoteSelector (its offsets point at nothing now)', () => {
    const doc = JSON.parse(exportArticles([ferryArticle()], { format: 'w3c' })) as W3CCollection;
    const orphan = doc.first.items.find((i) => i.id.endsWith('#orph0001'))!;
    assert.deepEqual(orphan.target.selector, [{ type: 'TextQuoteSelector', exact: 'subsidy was cut in March', prefix: 'gone before ', suffix: ' gone after' }]);
  });

  it('has no quotes mode', () => {
    assert.throws(() => exportArticles(both(), { format: 'w3c', what: 'quotes' }), ExportOptionError);
    assert.throws(() => exportArticles(both(), { format: 'json', what: 'quotes' }), ExportOptionError);
    assert.throws(() => exportArticles(both(), { format: 'csv', tag: '  ' }), ExportOptionError);
  });
});

describe('export: JSON and JSON Lines', () => {
  it('json: one document with articles, metadata, quotes with speakers, entities and annotations with status', () => {
    const doc = JSON.parse(exportArticles(both(), { format: 'json', problems: [{ path: 'broken.txt', message: 'sidecar line 3: bad' }] })) as {
      format: string;
      version: number;
      articles: {
        path: string;
        uri: string;
        title: string;
        outlet: string;
        date: string;
        dateIso: string;
        tags: string[];
        quotes: { text: string; speaker: string | null; cue: string | null }[];
        entities: { id: string; name: string; mentions: unknown[] }[];
        annotations: { id: string; status: string; start: number | null; end: number | null; quote: string; tags: string[]; note: string | null; storedStart: number }[];
      }[];
      skipped: { path: string; message: string }[];
    };
    assert.equal(doc.format, 'news-annotator-export');
    assert.equal(doc.version, 1);
    assert.deepEqual(doc.articles.map((a) => a.path), ['islands/ferry.txt', 'valley/mill.txt']);
    const ferry = doc.articles[0]!;
    assert.equal(ferry.outlet, 'The Sound Gazette');
    assert.equal(ferry.dateIso, '2025-05-12');
    assert.equal(ferry.date, '12 May 2025');
    assert.deepEqual(ferry.tags, ['transport']);
    assert.deepEqual(ferry.quotes.map((q) => q.speaker), [null, 'Ruth Okonkwo', 'Tomas Lee']);
    assert.ok(ferry.entities.some((e) => e.name === 'Tomas Lee' && e.mentions.length === 1));
    assert.deepEqual(ferry.annotations.map((a) => [a.id, a.status]), [
      ['aa000001', 'anchored'],
      ['zz000002', 'anchored'],
      ['orph0001', 'orphaned'],
    ]);
    const orphan = ferry.annotations[2]!;
    assert.equal(orphan.start, null);
    assert.equal(orphan.end, null);
    assert.equal(orphan.storedStart, 10);
    assert.deepEqual(doc.skipped, [{ path: 'broken.txt', message: 'sidecar line 3: bad' }]);
  });

  it('jsonl: one object per line saying whether it is an annotation or a quote', () => {
    const ann = exportArticles(both(), { format: 'jsonl' });
    assert.ok(ann.endsWith('\n'));
    const lines = ann.trimEnd().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    assert.equal(lines.length, 4);
    assert.ok(lines.every((l) => l.type === 'annotation'));
    assert.deepEqual(lines[2], {
      type: 'annotation',
      article: 'islands/ferry.txt',
      headline: 'Ferry fares to rise, "a blow" for islanders',
      outlet: 'The Sound Gazette',
      date: '2025-05-12',
      id: 'orph0001',
      kind: 'passage',
      status: 'orphaned',
      similarity: 0,
      start: null,
      end: null,
      quote: 'subsidy was cut in March',
      tags: ['fares'],
      note: 'Was in the first version.',
      speaker: null,
      entity: null,
      author: null,
      created: null,
      updated: null,
    });
    const quotes = exportArticles(both(), { format: 'jsonl', what: 'quotes' }).trimEnd().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    assert.equal(quotes.length, 4);
    assert.ok(quotes.every((l) => l.type === 'quote'));
    assert.deepEqual(quotes[3], { type: 'quote', article: 'valley/mill.txt', headline: 'Mill reopens after flood', outlet: 'The Valley Courier', date: '2025-06-02', speaker: 'Ana Ruiz', cue: 'said', kind: 'direct', quote: 'It is like a second birth,', start: MILL_TEXT.indexOf('It is'), end: MILL_TEXT.indexOf('It is') + 26, tags: [] });
  });
});

describe('export: Markdown report', () => {
  it('per article: headline, outlet and date; each passage as a blockquote with tags and note; orphans apart and marked', () => {
    const md = exportArticles(both(), { format: 'markdown' });
    assert.match(md, /^# Annotations\n\n4 annotations in 2 articles, 1 orphaned\.\n/);
    const ferryAt = md.indexOf('## Ferry fares to rise, "a blow" for islanders');
    const millAt = md.indexOf('## Mill reopens after flood');
    assert.ok(ferryAt > 0 && millAt > ferryAt, md);
    assert.ok(md.includes('*The Sound Gazette · 12 May 2025 (2025-05-12)* — `islands/ferry.txt`'), md);
    assert.ok(md.includes('Article tags: `transport`'));
    const ferry = md.slice(ferryAt, millAt);
    const first = ferry.indexOf('> fares would rise by 9%');
    const second = ferry.indexOf('> We ran at a loss all winter');
    const orphanHeading = ferry.indexOf('### Orphaned annotations (1)');
    const orphan = ferry.indexOf('> subsidy was cut in March');
    assert.ok(first > 0 && second > first && orphanHeading > second && orphan > orphanHeading, ferry);
    assert.ok(ferry.slice(orphanHeading, orphan).includes('**⚠ orphaned**'), ferry);
    assert.ok(!ferry.slice(0, orphanHeading).includes('orphaned'), 'placed annotations are not marked');
    assert.ok(ferry.includes('Tags: `fares/claims`, `to-verify` · Speaker: Tomas Lee'), ferry);
    assert.ok(ferry.includes('**Note:** Ask for the accounts,  \nand the "audited" figures.'), ferry);
    assert.ok(ferry.includes('**Note:** Was in the first version.'));
  });

  it('escapes markup in the text so a passage cannot turn into a heading, list or link', () => {
    assert.equal(escapeMarkdown('# not a heading'), '\\# not a heading');
    assert.equal(escapeMarkdown('- not a list'), '\\- not a list');
    assert.equal(escapeMarkdown('1. not a list'), '1\\. not a list');
    assert.equal(escapeMarkdown('[link](x) *bold* <b>'), '\\[link\\](x) \\*bold\\* \\<b\\>');
    const text = 'Headline\n\n# Budget *cuts* ahead\n- ten jobs\nAnd more.';
    const start = text.indexOf('# Budget');
    const art: ExportArticle = {
      ...millArticle(),
      text,
      analysis: { ...millArticle().analysis, quotes: [] },
      annotations: [annotated(text, 'md000001', text.slice(start, text.indexOf('And more')).trimEnd(), { tags: ['x'] })],
    };
    const md = exportArticles([art], { format: 'markdown' });
    assert.ok(md.includes('> \\# Budget \\*cuts\\* ahead\n> \\- ten jobs'), md);
  });

  it('quotes mode lists each quotation with its speaker and cue', () => {
    const md = exportArticles(both(), { format: 'markdown', what: 'quotes' });
    assert.match(md, /^# Quotations\n\n4 quotations in 2 articles\./);
    assert.ok(md.includes('> We ran at a loss all winter,\n\n— Tomas Lee (said) · Tags: `fares/claims`, `to-verify`'), md);
    assert.ok(md.includes('> a blow\n\n— *speaker not identified*'), md);
  });
});

describe('export: deterministic order', () => {
  it('the same articles and annotations in any order give byte-identical output, in every format', () => {
    const shuffled = (): ExportArticle[] => {
      const f = ferryArticle();
      const m = millArticle();
      return [f, { ...m, annotations: [...m.annotations].reverse() }].map((a) => ({ ...a, annotations: [...a.annotations].reverse() }));
    };
    for (const format of EXPORT_FORMATS as readonly ExportFormat[]) {
      const a = exportArticles(both(), { format });
      const b = exportArticles(shuffled(), { format });
      const c = exportArticles([...both()].reverse(), { format });
      assert.equal(a, b, format);
      assert.equal(a, c, format);
    }
  });

  it('works on a real analysis of a text written for the test', () => {
    const text = 'Council backs new library\n\nThe Town Crier\n4 April 2025\n\n"Books are infrastructure," said Lena Moss, the council leader.\n';
    const analysis = analyzeArticle(text);
    const start = text.indexOf('Books are infrastructure');
    const art: ExportArticle = { path: 'crier.txt', uri: 'file:///x/crier.txt', text, analysis, annotations: [annotated(text, 'lib00001', 'Books are infrastructure', { tags: ['library'] })] };
    const rows = csvObjects(exportArticles([art], { format: 'csv', what: 'quotes' }));
    assert.equal(rows.length, analysis.quotes.length);
    const row = rows.find((r) => Number(r.start) <= start && Number(r.end) > start)!;
    assert.ok(row, JSON.stringify(rows));
    assert.equal(row.speaker, 'Lena Moss');
    assert.equal(row.tags, 'library');
    assert.equal(text.slice(Number(row.start), Number(row.end)), row.quote);
  });
});
