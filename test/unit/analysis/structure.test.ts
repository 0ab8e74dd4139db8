import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { analyzeArticle } from '../../../src/core/analysis/index';
import { findDate } from '../../../src/core/analysis/structure';

const fixture = (name: string) => readFileSync(path.join(__dirname, '..', '..', 'fixtures', 'analysis', name), 'utf8');

describe('analysis: metadata and passages', () => {
  it('reads headline, dateline with agency, publisher and date from a wire story', () => {
    const text = fixture('wire-story.txt');
    const m = analyzeArticle(text).metadata;
    assert.equal(m.title, 'Harbour council approves new sea wall after storm season');
    assert.equal(m.titleDerived, false);
    assert.equal(text.slice(m.titleSpan!.start, m.titleSpan!.end), m.title);
    assert.equal(m.dateline, 'OSLO, March 4. /NTB/.');
    assert.equal(m.publisher, 'NTB');
    assert.equal(m.date, 'March 4.');
    assert.equal(m.dateIso, null, 'no year, so no ISO date');
  });

  it('reads publisher, date, author and a "Place:" dateline from a web clip, and marks its furniture', () => {
    const text = fixture('web-clip.txt');
    const a = analyzeArticle(text);
    assert.equal(a.metadata.title, 'Regional airline says pilots’ strike ‘will not ground us’');
    assert.equal(a.metadata.publisher, 'Harbour Daily');
    assert.equal(a.metadata.date, '21-06-2023');
    assert.equal(a.metadata.dateIso, '2023-06-21');
    assert.equal(a.metadata.author, 'Petra Lind');
    assert.equal(a.metadata.dateline, 'Bergen');
    const furniture = a.furniture.map((f) => text.slice(f.start, f.end));
    assert.ok(furniture.some((f) => f.startsWith('You are using an older browser')));
    assert.ok(furniture.some((f) => f.startsWith('ALSO READ')));
    assert.ok(furniture.includes('More From Harbour Daily'));
    assert.ok(furniture.includes('image beaconimage beacon'));
    const kinds = a.passages.map((p) => p.kind);
    assert.equal(kinds[0], 'furniture');
    assert.ok(kinds.includes('headline') && kinds.includes('byline'));
  });

  it('derives a title from the first sentence when there is no headline, and says so', () => {
    const text = fixture('newsletter-clip.txt');
    const a = analyzeArticle(text);
    assert.equal(a.metadata.titleDerived, true);
    assert.equal(a.metadata.titleSpan, null);
    assert.match(a.metadata.title!, /^Fisheries minister Karin Dahl has described/);
    const furniture = a.furniture.map((f) => text.slice(f.start, f.end));
    assert.ok(furniture.some((f) => /newsletter/.test(f)));
    assert.ok(furniture.some((f) => f.startsWith('Your guide to')), 'the sign-up line after a newsletter promo');
    assert.ok(furniture.some((f) => f.startsWith('Article by:')));
    assert.ok(furniture.some((f) => f.includes('data:image/')));
    assert.ok(!analyzeArticle(text).quotes.some((q) => q.text.includes('svg')));
  });

  it('recognises Via lines and social handles as furniture, but not sentences that start like them', () => {
    const text = 'A headline for the story\n\nThe body starts here and goes on.\n\nVia Reuters\n\nTwitter: @someone and @other\n\nVia the back door, the deal was done.\n';
    const a = analyzeArticle(text);
    const furniture = a.furniture.map((f) => text.slice(f.start, f.end));
    assert.deepEqual(furniture, ['Via Reuters', 'Twitter: @someone and @other']);
    assert.equal(a.metadata.publisher, 'Reuters');
  });

  it('reads dates as written and in ISO', () => {
    assert.deepEqual(findDate('Published 13-04-2017 by'), { text: '13-04-2017', iso: '2017-04-13', index: 10 });
    assert.equal(findDate('on March 19, 2017 in')!.iso, '2017-03-19');
    assert.equal(findDate('19 March 2017')!.iso, '2017-03-19');
    assert.equal(findDate('1996-08-30')!.iso, '1996-08-30');
    assert.equal(findDate('Tuesday / March 19.')!.iso, null);
    assert.equal(findDate('no date here'), null);
  });

  it("reads a dateline whose paragraph ends in the archive's '' quotation mark", () => {
    const a = analyzeArticle("A Pier Closes, for Now.\n\nKELMSBY --  ''The pier is done. It will not open again.''\n\nSo says a voice at the harbour.\n");
    assert.equal(a.metadata.dateline, 'KELMSBY');
    assert.equal(a.entities.find((e) => e.name === 'Kelmsby')?.type, 'place');
  });

  it('reads an agency dateline opening a paragraph that ends in a colon ("The Latest on …:")', () => {
    const a = analyzeArticle('The Latest: pier closes\n\nKELMSBY (AP) — The Latest on the pier (all times local):\n\n7:30 p.m.\n\nThe pier closed, the AP said.\n');
    assert.equal(a.metadata.dateline, 'KELMSBY (AP)');
    assert.equal(a.entities.find((e) => e.name === 'AP')?.type, 'organization');
  });

  it('reads all-caps datelines with letters outside ASCII, and types the dateline place as a place', () => {
    const story = (line: string) => 'Ferry pier closes for repairs\n\n' + line + ' The harbour board voted on Monday to close the old pier.\n';
    // [dateline line, dateline, publisher, place as written, entity name]
    const cases: [string, string, string | null, string, string][] = [
      ['TROMSØ (Reuters) —', 'TROMSØ (Reuters)', 'Reuters', 'TROMSØ', 'Tromsø'],
      ['ZÜRICH, March 3 (AP) -', 'ZÜRICH, March 3 (AP)', 'Associated Press', 'ZÜRICH', 'Zürich'],
      ['SÃO PAULO —', 'SÃO PAULO', null, 'SÃO PAULO', 'São Paulo'],
      ['ÅLESUND, Norway, May 2 /NTB/ —', 'ÅLESUND, Norway, May 2 /NTB/', 'NTB', 'ÅLESUND', 'Ålesund'],
    ];
    for (const [line, dateline, publisher, written, place] of cases) {
      const text = story(line);
      const a = analyzeArticle(text);
      assert.equal(a.metadata.dateline, dateline, line);
      assert.equal(a.metadata.publisher, publisher, line);
      const e = a.entities.find((x) => x.mentions.some((m) => m.start === text.indexOf(line)));
      assert.ok(e, `${line}: ${JSON.stringify(a.entities)}`);
      assert.equal(e.type, 'place', line);
      assert.equal(e.name, place, 'a place written only in capitals is named as in running text');
      assert.equal(e.mentions[0]!.text, written);
    }
    assert.equal(analyzeArticle(story('ZÜRICH, March 3 (AP) -')).metadata.date, 'March 3');
  });

  it('does not take a shouted headline with a dash for a dateline', () => {
    const text = 'Bergvik crew wins again\n\nSAILING - BERGVIK CREW WINS THE COASTAL RACE AGAIN.\n\nThe crew from Bergvik won the coastal race for the third year running.\n';
    const a = analyzeArticle(text);
    assert.equal(a.metadata.dateline, null);
    assert.ok(!a.entities.some((e) => e.name === 'Sailing' || e.name === 'SAILING'), JSON.stringify(a.entities.map((e) => e.name)));
  });

  it('takes a short line standing above a longer paragraph for the headline, even ending in a period or a semicolon', () => {
    const body = 'The harbour board voted on Monday to close the old ferry pier for repairs, a year after divers found cracks in its piles.';
    const cases: [string, string][] = [
      ['Harbour board shuts old ferry pier for repairs.', 'Harbour board shuts old ferry pier for repairs.'],
      ['Pier closes. Again.', 'Pier closes. Again.'],
      ['Sanders: the pier must close before the winter.', 'Sanders: the pier must close before the winter.'],
      ['Board shuts old pier;', 'Board shuts old pier'],
    ];
    for (const [line, title] of cases) {
      const a = analyzeArticle(line + '\n\n' + body + '\n');
      assert.equal(a.metadata.title, title, line);
      assert.equal(a.metadata.titleDerived, false, line);
      assert.equal(a.metadata.dateline, null, `${line}: "Sanders:" in a headline is no dateline`);
    }
    // a short first paragraph followed by a shorter one is body text, not a headline
    const lede = 'The harbour board voted on Monday to close the pier.';
    const a = analyzeArticle(lede + '\n\nRepairs start soon.\n');
    assert.equal(a.metadata.titleDerived, true);
  });

  it('gives a headline quote to the speaker named before the colon', () => {
    const a = analyzeArticle("Ingrid Halvorsen: the board must 'stop patching the pier'.\n\nMayor Ingrid Halvorsen told the harbour board on Monday that the old pier had to close.\n");
    assert.equal(a.quotes.find((q) => q.text === 'stop patching the pier')?.speaker, 'Ingrid Halvorsen', JSON.stringify(a.quotes));
  });

  it('gives a quote after "Her line: …" to the person "her" stands for', () => {
    const a = analyzeArticle(
      'Pier row\n\nMayor Ingrid Halvorsen turned down the offer on Tuesday. Her line, repeated twice on local radio: “We will not pay for a pier we did not break.” The board called the offer “unbalanced”.\n',
    );
    assert.equal(a.quotes.find((q) => q.text.startsWith('We will not pay'))?.speaker, 'Ingrid Halvorsen', JSON.stringify(a.quotes));
  });

  it('gives paragraphs and sentences with offsets, CRLF or LF alike', () => {
    const lf = 'Headline here for test\n\nFirst sentence here. Second one, said Dr. Smith. Third?\n\nAnother paragraph.\n';
    const crlf = lf.replace(/\n/g, '\r\n');
    for (const text of [lf, crlf]) {
      const a = analyzeArticle(text);
      const paras = a.passages.filter((p) => p.kind === 'paragraph');
      assert.equal(paras.length, 2);
      assert.deepEqual(
        paras[0]!.sentences.map((s) => text.slice(s.start, s.end)),
        ['First sentence here.', 'Second one, said Dr. Smith.', 'Third?'],
      );
      for (const p of a.passages) assert.ok(!text.slice(p.start, p.end).includes('\r'));
    }
  });
});

describe('analysis: bad input', () => {
  it('handles empty, blank and tiny texts', () => {
    for (const t of ['', '\n\n', ' ', '“', '"', '’', 'a']) {
      const a = analyzeArticle(t);
      assert.ok(Array.isArray(a.quotes));
    }
    assert.equal(analyzeArticle('').metadata.title, null);
  });

  it('limits quote and entity analysis on a huge text, with a warning, and keeps every passage', () => {
    const para = 'Mayor Ingrid Halvorsen said “the wall will hold” on Monday in Bergvik.\n\n';
    const text = para.repeat(400);
    const a = analyzeArticle(text, { maxChars: 5000 });
    assert.ok(a.warnings.some((w) => /first/.test(w.message)));
    assert.ok(a.quotes.every((q) => q.end <= 5000));
    assert.equal(a.passages.length, 400);
  });

  it('never throws and keeps every offset inside the text, whatever the input (property)', () => {
    const pieces = ['“', '”', '"', "'", '‘', '’', ' ', '\n', '\n\n', '\r\n', 'Mr ', 'Putin', ' said', ',', '.', 'data:image/png;base64,AAAA', '<image>', 'ALSO READ : x', 'the US', '\u2009', '…', 'It’s', 'Via FT', '12"'];
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constantFrom(...pieces), fc.string({ maxLength: 6 })), { maxLength: 60 }), (parts) => {
        const text = parts.join('');
        const a = analyzeArticle(text);
        for (const q of a.quotes) {
          assert.ok(q.start >= 0 && q.end <= text.length && q.start < q.end);
          assert.equal(text.slice(q.start, q.end), q.text);
        }
        for (const e of a.entities) for (const m of e.mentions) assert.equal(text.slice(m.start, m.end), m.text);
        for (const p of a.passages) assert.ok(p.start <= p.end && p.end <= text.length);
      }),
      { numRuns: 300 },
    );
  });

  it('stays linear on pathological input (many marks, no closing, one huge line)', () => {
    // Not a timing assertion: these shapes used to be the ones that hang naive regex scanners.
    const a = analyzeArticle('“'.repeat(20000) + 'x'.repeat(20000) + '"'.repeat(20000));
    assert.ok(a.quotes.length <= 1);
    const b = analyzeArticle(('‘word ' + 'a’s '.repeat(50)).repeat(400));
    assert.ok(Array.isArray(b.quotes));
  });
});
