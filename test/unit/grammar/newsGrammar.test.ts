/**
 * Unit tests of the `text.news` TextMate grammar, run with vscode-textmate + vscode-oniguruma (what VS Code uses).
 * Each test tokenizes a small inline text or one of the samples and checks which scopes the words get.
 */
import { strict as assert } from 'node:assert';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { hasScope, REPO_ROOT, scopesAt, spansWithScope, tokenize, type Token } from './tokenize';

const sample = (name: string) => readFileSync(path.join(REPO_ROOT, 'samples', name), 'utf8');

/** Tokenizes and returns a lookup `scopes(needle)` for the token under the first occurrence of `needle`. */
async function tok(text: string) {
  const tokens = await tokenize(text);
  return {
    tokens,
    scopes: (needle: string, offset = 0) => scopesAt(tokens, text, needle, offset),
    spans: (scope: string) => spansWithScope(tokens, scope),
  };
}

const has = (scopes: readonly string[], scope: string) =>
  assert.ok(hasScope(scopes, scope), `expected ${scope} in [${scopes.join(', ')}]`);
const hasNot = (scopes: readonly string[], scope: string) =>
  assert.ok(!hasScope(scopes, scope), `did not expect ${scope} in [${scopes.join(', ')}]`);

describe('news grammar: headline', () => {
  it('scopes the first line as the headline when it is not a sentence', async () => {
    const t = await tok('Minister resigns over harbour deal\n\nThe minister resigned on Friday.');
    assert.deepEqual(t.spans('markup.heading'), ['Minister resigns over harbour deal']);
    hasNot(t.scopes('The minister resigned'), 'markup.heading');
  });

  it('skips page furniture, a masthead and a date line before the headline', async () => {
    const text = [
      'You are using an older browser version. Please use a supported version for the best experience.',
      'Daily Planet',
      'Home | World | Business | Sport',
      'Tuesday / March 19.',
      '',
      'Council backs plan to close the old bridge',
      '',
      'The council voted on Tuesday to close the bridge.',
    ].join('\n');
    const t = await tok(text);
    assert.deepEqual(t.spans('markup.heading'), ['Council backs plan to close the old bridge']);
    has(t.scopes('You are using'), 'meta.furniture');
    has(t.scopes('Daily Planet'), 'comment');
    has(t.scopes('Home | World'), 'meta.furniture.navigation');
    has(t.scopes('March 19'), 'constant.other.date');
  });

  it('takes a short headline for the headline, but a two- or three-word outlet name for masthead', async () => {
    const a = await tok('Council scraps tolls\n\nThe council voted on Monday to scrap the tolls.');
    assert.deepEqual(a.spans('markup.heading'), ['Council scraps tolls']);
    const b = await tok('Harbour Daily News\nCouncil scraps tolls\n\nThe council voted.');
    assert.deepEqual(b.spans('markup.heading'), ['Council scraps tolls']);
    has(b.scopes('Harbour Daily News'), 'meta.furniture.masthead');
    const c = await tok("'My years at sea...'\n\nThe captain retired on Friday.");
    assert.deepEqual(c.spans('markup.heading'), ["'My years at sea...'"]);
  });

  it('finds no headline in an article that starts with its first paragraph', async () => {
    const t = await tok(sample('no-headline.txt'));
    assert.deepEqual(t.spans('markup.heading'), []);
    // the first paragraph is still tokenized as text: its quotation and its date are found
    has(t.scopes('back to the people who live here'), 'string.quoted.double');
    has(t.scopes('Thursday'), 'constant.other.date');
  });

  it('finds the headline of every sample that has one', async () => {
    const expected: Record<string, string> = {
      'wire-story.txt': 'Norway rejects EU mackerel offer, says door to talks stays open',
      'newspaper-page.txt': 'Norway digs in over mackerel as Brussels pushes for a spring deal',
      'syndicated-page.txt': 'EU’s Reinholt says mackerel deal still possible ‘before spring’ despite Norway’s rejection',
      'newsletter.txt': 'Mackerel talks: the week Oslo said no',
    };
    for (const [file, headline] of Object.entries(expected)) {
      const t = await tok(sample(file));
      assert.deepEqual(t.spans('markup.heading'), [headline], file);
    }
  });
});

describe('news grammar: dateline and byline', () => {
  it('scopes an agency dateline `CITY, Month D. /AGENCY/.`', async () => {
    const t = await tok('Talks stall\n\nOSLO, March 4. /NORDWIRE/. Norway said no on Tuesday.');
    has(t.scopes('OSLO'), 'meta.dateline');
    has(t.scopes('OSLO'), 'markup.bold');
    has(t.scopes('March 4'), 'constant.other.date');
    has(t.scopes('/NORDWIRE/'), 'entity.name.type.agency');
    hasNot(t.scopes('Norway said'), 'meta.dateline');
  });

  it('scopes a `CITY (Agency) -` dateline, also on the first line of an article without headline', async () => {
    const t = await tok('GENEVA (Alpine Press Agency) - Delegates met on Monday, officials said.');
    has(t.scopes('GENEVA'), 'meta.dateline');
    has(t.scopes('(Alpine Press Agency)'), 'entity.name.type.agency');
    hasNot(t.scopes('Delegates met'), 'meta.dateline');
    assert.deepEqual(t.spans('markup.heading'), []);
  });

  it('scopes datelines whose place has non-ASCII capitals (composed or with combining marks)', async () => {
    const t = await tok('Salmon quotas cut\n\nTROMSØ (Nordic Wire) — Fishers protested on Friday.');
    has(t.scopes('TROMSØ'), 'meta.dateline');
    has(t.scopes('(Nordic Wire)'), 'entity.name.type.agency');
    const z = await tok('Bank raises rates\n\nZÜRICH, March 3 (Alpine Press) - The central bank acted.');
    has(z.scopes('ZÜRICH'), 'meta.dateline');
    has(z.scopes('March 3'), 'constant.other.date');
    const nfd = 'SA\u0303O PAULO';
    const s = await tok(`Coffee prices rise\n\n${nfd} — Growers said the frost hurt.`);
    has(s.scopes(nfd), 'meta.dateline');
    hasNot(s.scopes('Growers said'), 'meta.dateline');
  });

  it('does not take an ordinary capitalised sentence for a dateline', async () => {
    const t = await tok('Harbour talks end without a deal\n\nNATO, the alliance, met on Monday.\nEU ministers agreed.');
    hasNot(t.scopes('NATO'), 'meta.dateline');
    hasNot(t.scopes('EU ministers'), 'meta.dateline');
  });

  it('scopes a byline with author and place', async () => {
    const t = await tok(sample('newspaper-page.txt'));
    has(t.scopes('By Clara Moreau'), 'meta.byline');
    has(t.scopes('By Clara Moreau'), 'keyword.other.byline');
    assert.deepEqual(t.spans('entity.name.type.author'), ['Clara Moreau']);
    has(t.scopes('in Brussels', 3), 'entity.name.section.place');
  });

  it('does not take a sentence starting with "By" for a byline', async () => {
    const t = await tok('Harbour talks end without a deal\n\nBy Tuesday, the talks had collapsed.');
    hasNot(t.scopes('By Tuesday'), 'meta.byline');
  });
});

describe('news grammar: quotations', () => {
  it('scopes curly and straight double quotations', async () => {
    const t = await tok('Harbour talks end without a deal\n\n“We will not sign,” she said. "Nor will we," he said.');
    assert.deepEqual(t.spans('string.quoted.double'), ['“We will not sign,”', '"Nor will we,"']);
    hasNot(t.scopes('she said'), 'string');
    has(t.scopes('“We'), 'punctuation.definition.string.begin');
  });

  it('scopes nested single quotes inside a quotation', async () => {
    const t = await tok(sample('newspaper-page.txt'));
    const inner = t.scopes('flexibility’');
    has(inner, 'string.quoted.single');
    has(inner, 'string.quoted.double');
    const w = await tok(sample('wire-story.txt'));
    has(w.scopes("'flexibility'", 1), 'string.quoted.single');
    has(w.scopes("'flexibility'", 1), 'string.quoted.double');
  });

  it('never opens a quotation on an apostrophe', async () => {
    const text = 'Harbour talks end without a deal\n\nIt’s Russia’s call, the company’s chief said of the rock ’n’ roll ’90s. It\'s Norway\'s turn.';
    const t = await tok(text);
    assert.deepEqual(t.spans('string'), []);
  });

  it('keeps apostrophes inside a quotation from closing or opening anything', async () => {
    const t = await tok('Harbour talks end without a deal\n\n“It’s the company’s rock ’n’ roll,” she said, "and it\'s Norway\'s too."');
    assert.deepEqual(t.spans('string.quoted.double'), ['“It’s the company’s rock ’n’ roll,”', '"and it\'s Norway\'s too."']);
    assert.deepEqual(t.spans('string.quoted.single'), []);
  });

  it('ends an unclosed quotation at the end of its line (paragraph)', async () => {
    const text = 'Harbour talks end without a deal\n\n“The first paragraph of a long quote.\n\nThe minister left on Friday.';
    const t = await tok(text);
    assert.deepEqual(t.spans('string.quoted.double'), ['“The first paragraph of a long quote.']);
    hasNot(t.scopes('The minister left'), 'string');
    has(t.scopes('Friday'), 'constant.other.date');
  });

  it('does not let a quotation that runs over several paragraphs swallow the rest of the file', async () => {
    const text = sample('newspaper-page.txt');
    const t = await tok(text);
    has(t.scopes('My father fished'), 'string.quoted.double');
    has(t.scopes('When Brussels says'), 'string.quoted.double');
    has(t.scopes('What we want is simple'), 'string.quoted.double');
    hasNot(t.scopes('she said.'), 'string');
    hasNot(t.scopes('The Commission said in a statement'), 'string');
    // no string carries over to the next line: a line that does not itself open a quotation starts outside one
    text.split('\n').forEach((lineText, i) => {
      const first = t.tokens.find((x: Token) => x.line === i && x.start === 0);
      if (first && !/^[“"‘]/.test(lineText)) hasNot(first.scopes, 'string');
    });
  });

  it('does not open a straight quotation on an inch mark or an empty attribute', async () => {
    const t = await tok('Harbour talks end without a deal\n\nThe 27" monitor cost "too much", he said, alt="" aside.');
    assert.deepEqual(t.spans('string.quoted.double'), ['"too much"']);
  });

  it('scopes a one-word partial quotation', async () => {
    const t = await tok(sample('wire-story.txt'));
    assert.ok(t.spans('string.quoted.double').includes('"unbalanced"'));
  });

  it('scopes a single-quoted phrase in a headline', async () => {
    const t = await tok(sample('syndicated-page.txt'));
    has(t.scopes('‘before spring’'), 'string.quoted.single');
    has(t.scopes('‘before spring’'), 'markup.heading');
  });
});

describe('news grammar: page furniture', () => {
  it('scopes a data: URI inside an <image> tag as furniture, and its quote marks open no quotation', async () => {
    const line = '<image>data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=" alt=""</image>';
    const t = await tok('Harbour talks end without a deal\n\nA paragraph.\n' + line + '\nThe next paragraph.');
    const uri = t.scopes('data:image/png');
    has(uri, 'meta.furniture.data-uri');
    has(uri, 'comment');
    has(t.scopes('<image>', 1), 'entity.name.tag');
    has(t.scopes('alt='), 'meta.furniture');
    assert.deepEqual(t.spans('string.quoted'), []);
    hasNot(t.scopes('The next paragraph'), 'meta.furniture');
  });

  it('accepts a namespace prefix on the image tag and a bare data: URI in text', async () => {
    const t = await tok('Harbour talks end without a deal\n\n<x:image>data:image/gif;base64,R0lGODlhAQABAAAAACw=</x:image>\nSee data:text/plain;charset=utf-8,hello here.');
    has(t.scopes('x:image'), 'entity.name.tag');
    has(t.scopes('data:text/plain'), 'meta.furniture.data-uri');
    hasNot(t.scopes('See '), 'meta.furniture');
  });

  it('scopes ALSO READ, Published by / Via, handles, More From and sign-up lines', async () => {
    const t = await tok(sample('syndicated-page.txt'));
    has(t.scopes('ALSO READ: Norway’s'), 'meta.furniture.also-read');
    has(t.scopes('ALSO READ : Iceland’s'), 'comment');
    has(t.scopes('Published by Coastline News'), 'meta.furniture.publisher');
    has(t.scopes('@CoastlineNews'), 'entity.name.tag.handle');
    has(t.scopes('More From Coastline News'), 'meta.furniture.more-from');
    has(t.scopes('image beacon'), 'meta.furniture');
    hasNot(t.scopes('Fishers in northern Norway'), 'meta.furniture');

    const n = await tok(sample('newspaper-page.txt'));
    has(n.scopes('Faroese court ruling'), 'meta.furniture.more-from');
    has(n.scopes('Sign up to Europe Briefing'), 'meta.furniture.newsletter');
    has(n.scopes('Get the day’s top'), 'meta.furniture.newsletter');
  });

  it('scopes "Via FT" as furniture but not a sentence starting with "Via"', async () => {
    const t = await tok('Harbour talks end without a deal\n\nVia the new tunnel, lorries save an hour.\nVia FT');
    hasNot(t.scopes('Via the new tunnel'), 'meta.furniture');
    has(t.scopes('Via FT'), 'meta.furniture.publisher');
  });

  it('does not take sentences that start like furniture for furniture', async () => {
    const text = [
      'Harbour talks end without a deal',
      '',
      'Twitter on Monday suspended the account of the harbour authority.',
      'Published by the ministry on Monday, the report blames the weather.',
      'Subscribers to the ferry pass will get a refund.',
      'Home Secretary Jane Roe said the port would stay open.',
      'Twitter: @harbourdesk',
    ].join('\n');
    const t = await tok(text);
    for (const start of ['Twitter on Monday', 'Published by the ministry', 'Subscribers to', 'Home Secretary']) {
      hasNot(t.scopes(start), 'meta.furniture');
    }
    has(t.scopes('Twitter: @'), 'meta.furniture.social');
  });

  it('does not take an e-mail address for a handle', async () => {
    const t = await tok('Harbour talks end without a deal\n\nWrite to desk@example.com or to @newsdesk.');
    assert.deepEqual(t.spans('entity.name.tag.handle'), ['@newsdesk']);
  });
});

describe('news grammar: dates', () => {
  it('scopes common date forms', async () => {
    const t = await tok('Harbour talks end without a deal\n\nOn Tuesday, March 4, 2025 and 5 March 2025, on 05-03-2025 and 2025-03-05 at 06.00 GMT.');
    assert.deepEqual(t.spans('constant.other.date'), ['Tuesday, March 4, 2025', '5 March 2025', '05-03-2025', '2025-03-05']);
    has(t.scopes('06.00 GMT'), 'constant.other.time');
  });

  it('does not take decimals or a lone month-like word for a date', async () => {
    const t = await tok('Harbour talks end without a deal\n\nThe share fell from 22.5 to 19.0 percent. She may go, in March or May.');
    assert.deepEqual(t.spans('constant.other.date'), []);
  });
});

describe('news grammar: robustness', () => {
  it('tokenizes every sample to the end without stopping early', async () => {
    const dir = path.join(REPO_ROOT, 'samples');
    const files = readdirSync(dir).filter((f) => f.endsWith('.txt'));
    assert.ok(files.length >= 5);
    for (const f of files) {
      const text = readFileSync(path.join(dir, f), 'utf8');
      const tokens = await tokenize(text);
      const lastLine = text.replace(/\n+$/, '').split('\n').length - 1;
      assert.ok(tokens.some((x) => x.line === lastLine), f);
    }
  });

  it('handles an empty file, a blank-only file and CRLF line ends', async () => {
    assert.deepEqual((await tokenize('')).filter((x) => x.scopes.length > 1), []);
    await tokenize('\n\n\n');
    const t = await tok('Minister resigns over harbour deal\r\n\r\n“Unclosed quote\r\nNext paragraph.');
    assert.deepEqual(t.spans('markup.heading'), ['Minister resigns over harbour deal']);
    hasNot(t.scopes('Next paragraph'), 'string');
  });

  const bbc = path.resolve(REPO_ROOT, '..', 'shared', 'corpora', 'bbc');
  (existsSync(bbc) ? it : it.skip)('takes line 1 of every BBC corpus article for its headline (../shared/corpora/bbc)', async () => {
    let articles = 0;
    const wrong: string[] = [];
    for (const topic of readdirSync(bbc, { withFileTypes: true }).filter((d) => d.isDirectory())) {
      for (const f of readdirSync(path.join(bbc, topic.name)).filter((n) => n.endsWith('.txt'))) {
        const text = readFileSync(path.join(bbc, topic.name, f), 'utf8');
        const headline = spansWithScope(await tokenize(text), 'markup.heading');
        articles++;
        if (headline.length !== 1 || headline[0]!.trim() !== text.split('\n')[0]!.trim()) wrong.push(`${topic.name}/${f}`);
      }
    }
    assert.ok(articles > 2000, `only ${articles} articles found`);
    assert.deepEqual(wrong, []);
  });

  const seeds = path.resolve(REPO_ROOT, '..', 'shared', 'seeds');
  (existsSync(seeds) ? it : it.skip)('finds page furniture and quotations in the seed articles (../shared/seeds)', async () => {
    const files = readdirSync(seeds).filter((f) => f.endsWith('.txt'));
    for (const f of files) {
      const text = readFileSync(path.join(seeds, f), 'utf8');
      const t = await tokenize(text);
      assert.ok(spansWithScope(t, 'string.quoted.double').length > 0, `${f}: no quotation found`);
      assert.ok(spansWithScope(t, 'markup.heading').length <= 1, `${f}: more than one headline`);
      for (const m of text.matchAll(/data:[\w-]+\/[^\s<]+/g)) {
        const line = text.slice(0, m.index).split('\n').length - 1;
        const col = m.index - text.lastIndexOf('\n', m.index) - 1;
        const tk = t.find((x) => x.line === line && x.start <= col && col < x.start + x.text.length);
        assert.ok(tk && hasScope(tk.scopes, 'meta.furniture'), `${f}: data URI not furniture`);
      }
    }
  });
});

describe('news grammar: an imported web page', () => {
  it('scopes the metadata block: outlet, author, dates, URL and the original', async () => {
    const text = [
      'Harbour ferry fares to rise 12% as fuel costs bite',
      '',
      'Outlet: The Fjord Courier',
      'Published: 2025-03-05T06:00:00+01:00',
      'Author: Ingrid Solberg, Tomas Berg',
      'URL: https://www.fjordcourier.example/news/ferry',
      'Retrieved: 2026-12-07T07:31:02Z',
      'Original: .news-annotator/originals/ab12.html',
      '',
      'Fares will rise by 12 percent from April, the operator said. "We have no choice," said Marit Dahl.',
    ].join('\n');
    const t = await tok(text);
    assert.deepEqual(t.spans('markup.heading'), ['Harbour ferry fares to rise 12% as fuel costs bite']);
    has(t.scopes('The Fjord Courier'), 'entity.name.type.agency');
    has(t.scopes('2025-03-05T06'), 'constant.other.date');
    has(t.scopes('Ingrid Solberg'), 'entity.name.type.author');
    has(t.scopes('https://www.fjordcourier'), 'markup.underline.link');
    has(t.scopes('2026-12-07'), 'constant.other.date');
    has(t.scopes('.news-annotator/originals'), 'string.unquoted.path');
    for (const k of ['Outlet', 'Published', 'Author', 'URL', 'Retrieved', 'Original']) has(t.scopes(k), 'keyword.other.imported');
    hasNot(t.scopes('Fares will rise'), 'meta.imported');
    has(t.scopes('We have no choice'), 'string.quoted.double');
  });
});

describe('language-configuration.json', () => {
  const conf = JSON.parse(readFileSync(path.join(REPO_ROOT, 'language-configuration.json'), 'utf8')) as {
    wordPattern: { pattern: string; flags?: string };
    autoClosingPairs: { open: string; close: string }[];
  };

  it('has a word pattern that keeps apostrophes and hyphens inside words', () => {
    const re = new RegExp(conf.wordPattern.pattern, (conf.wordPattern.flags ?? '') + 'g');
    assert.deepEqual('“Russia’s co-operation,” Svolvær’s mayor said'.match(re), ['Russia’s', 'co-operation', 'Svolvær’s', 'mayor', 'said']);
  });

  it('auto-closes curly quotes but never the apostrophe', () => {
    const pairs = conf.autoClosingPairs.map((p) => p.open + p.close);
    assert.ok(pairs.includes('“”'));
    assert.ok(pairs.includes('‘’'));
    assert.ok(!conf.autoClosingPairs.some((p) => p.open === "'" || p.open === '’'));
  });
});
