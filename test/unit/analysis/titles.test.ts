import { strict as assert } from 'node:assert';
import { analyzeArticle, type ArticleAnalysis } from '../../../src/core/analysis/index';
import { names, typeOf } from './nameHelpers';
import { splitTitle } from '../../../src/core/analysis/titles';

/** Texts written for these tests: invented towns, firms and people (and a few real capitals, for the places). */

const speakerOf = (a: ArticleAnalysis, quote: string) => a.quotes.find((q) => q.text === quote)?.speaker;

describe('analysis: job titles are not names', () => {
  const text = [
    'Pier row deepens',
    '',
    'Trade Secretary Maren Holt met Labour MP Oskar Lind and Harbour Commissioner Siv Brekke on Monday. The Health Secretary did not attend, and the Attorney General declined to comment.',
    '',
    'Chief Executive Tor Vang said the port would reopen. Ms Holt said she was pleased. Lind agreed.',
    '',
    'Deputy Mayor Ruth Aske and the Chief Financial Officer, Per Moen, were also there. The Managing Director left early. Tom Ekre MSP spoke last, and Oona King sent a letter.',
    '',
  ].join('\n');
  const a = analyzeArticle(text);

  it('takes the person out of "Trade Secretary X", "Chief Executive X", "Deputy Mayor X" and "X MSP"', () => {
    for (const n of ['Maren Holt', 'Oskar Lind', 'Siv Brekke', 'Tor Vang', 'Ruth Aske', 'Per Moen', 'Tom Ekre']) {
      assert.equal(typeOf(a, n), 'person', `${n}: ${JSON.stringify(names(a))}`);
    }
    assert.ok(a.entities.some((e) => e.name === 'Oona King'), 'a surname that is also a title stays in the name');
    const holt = a.entities.find((e) => e.name === 'Maren Holt')!;
    assert.deepEqual(
      holt.mentions.map((m) => m.text),
      ['Maren Holt', 'Ms Holt'],
      'the title is not part of the mention, and "Ms Holt" joins the full name',
    );
    for (const e of a.entities) for (const m of e.mentions) assert.equal(text.slice(m.start, m.end), m.text);
  });

  it('keeps the party before "MP" and drops titles that name nobody', () => {
    assert.equal(typeOf(a, 'Labour'), 'organization', JSON.stringify(names(a)));
    const titleWords = /\b(?:Secretary|General|Director|Officer|Executive|Commissioner|Mayor|MP|MSP|Chief|Deputy|Trade|Health)\b/;
    assert.deepEqual(
      a.entities.filter((e) => titleWords.test(e.name)).map((e) => e.name),
      [],
    );
  });

  it('splits a span around its title, and leaves names that only look like titles', () => {
    const w = (s: string) => s.split(' ');
    const never = () => false;
    assert.deepEqual(splitTitle(w('New York Attorney General Elsa Brant'), 0, 6, false, never), { prefix: [0, 2], name: [4, 6] });
    assert.deepEqual(splitTitle(w('Chancellor of the Exchequer Gordon Vale'), 0, 6, false, never), { prefix: null, name: [4, 6] });
    assert.deepEqual(splitTitle(w('Salford MP'), 0, 2, false, never), { prefix: [0, 1], name: null });
    assert.deepEqual(splitTitle(w('Shadow Education'), 0, 2, false, never), null, 'no head word and nothing after it');
    assert.deepEqual(splitTitle(w('Shadow Education Secretary'), 0, 2, false, never), { prefix: null, name: null }, 'the head right after the span');
    assert.equal(splitTitle(w('Burger King'), 0, 2, false, never), null);
    assert.equal(splitTitle(w('Association of Chief Police Officers'), 0, 5, false, never), null);
    assert.equal(splitTitle(w('National Executive Committee'), 0, 3, false, never), null);
    assert.equal(splitTitle(w('Dollar General'), 0, 2, false, never), null);
    assert.equal(splitTitle(w('SHEARER NAMED ENGLAND CAPTAIN'), 0, 4, false, never), null, 'a shouted headline is not a title');
    assert.equal(splitTitle(w('Coach Carter'), 0, 2, false, never), null, 'one unknown word after a title is not enough unless the recogniser saw a person');
    assert.deepEqual(splitTitle(w('Coach Carter'), 0, 2, true, never), { prefix: null, name: [1, 2] });
  });

  it('reads "Sir X" as a person whatever the recogniser made of X, and joins it to the full name', () => {
    const b = analyzeArticle(
      'Business leaders warn on pier\n\nSir Galbraith Wren, head of the Coastal Business Council, said the closure would hurt trade. Sir Galbraith added: "Please do not wait until the summer."\n',
    );
    const wren = b.entities.find((e) => e.name === 'Galbraith Wren');
    assert.ok(wren, JSON.stringify(names(b)));
    assert.deepEqual(
      wren.mentions.map((m) => m.text),
      ['Sir Galbraith Wren', 'Sir Galbraith'],
    );
    assert.equal(speakerOf(b, 'Please do not wait until the summer.'), 'Galbraith Wren');
  });
});

describe('analysis: places and groups the recogniser takes for people', () => {
  it('types a capital standing for its government ("Oslo rejected …") as a place', () => {
    const a = analyzeArticle(
      'Quota talks collapse\n\nThe talks broke down on Tuesday after Oslo rejected the proposal, and officials said Helsinki agreed with Oslo.\n',
    );
    assert.equal(typeOf(a, 'Oslo'), 'place', JSON.stringify(names(a)));
    assert.equal(typeOf(a, 'Helsinki'), 'place', JSON.stringify(names(a)));
    assert.equal(a.entities.find((e) => e.name === 'Oslo')!.mentions.length, 2);
  });

  it('keeps a person whose surname is a place when the article names the person', () => {
    const a = analyzeArticle('Ferry crew honoured\n\nActor Kelvin Washington, who grew up in Bergvik, said he was proud. Washington said the crew deserved better.\n');
    const e = a.entities.find((x) => x.name === 'Kelvin Washington');
    assert.equal(e?.type, 'person', JSON.stringify(names(a)));
    assert.equal(e.mentions.length, 2);
  });

  it('does not list plural group words ("Britons", "Muslims") as people', () => {
    const a = analyzeArticle(
      'Detainees to be freed\n\nFour Britons held in the port of Kelmsby will be freed, officials said. The Britons were detained in March.\n\nPolice said innocent Muslims would be targeted, and the Muslim community was worried.\n',
    );
    assert.ok(!a.entities.some((e) => e.type === 'person' && /^(?:Britons|Muslims)$/.test(e.name)), JSON.stringify(names(a)));
  });

  it('gives a place before a title the type of its other mentions ("the Kelmsby MP")', () => {
    const a = analyzeArticle(
      'Pier closes\n\nThe ferry pier in Kelmsby will close. Harbour minister Ingrid Solheim defended the plan. "The pier is not safe," the Kelmsby MP told the harbour committee.\n',
    );
    const kelmsby = a.entities.filter((e) => e.name === 'Kelmsby');
    assert.equal(kelmsby.length, 1, JSON.stringify(names(a)));
    assert.equal(kelmsby[0]!.type, 'place');
  });
});

describe('analysis: speakers after these fixes', () => {
  it('reads "the Kelmsby MP told", "the American said" and "the mayor, X, said" as the people they stand for', () => {
    const a = analyzeArticle(
      [
        'Pier closes',
        '',
        'Harbour minister Ingrid Solheim defended the plan. "The pier is not safe," the Kelmsby MP told the harbour committee. "We had no choice."',
        '',
        'The mayor, Jonas Dahl, said the port had lost money. "Trade fell by a third." Dahl said the figures would be published.',
        '',
        'Marta Olsen, who runs the ferry company, was upset. "We were not told," said the American.',
        '',
      ].join('\n'),
    );
    assert.equal(speakerOf(a, 'The pier is not safe,'), 'Ingrid Solheim', JSON.stringify(a.quotes));
    assert.equal(speakerOf(a, 'We had no choice.'), 'Ingrid Solheim');
    assert.equal(speakerOf(a, 'Trade fell by a third.'), 'Jonas Dahl', 'the mayor named in apposition spoke last');
    assert.equal(speakerOf(a, 'We were not told,'), 'Marta Olsen');
    assert.ok(!a.quotes.some((q) => q.speaker === 'American' || q.speaker === 'Kelmsby MP'));
  });

  it('gives no speaker from a capitalised word that merely opens the sentence', () => {
    const a = analyzeArticle('Pier closes\n\nDespite the "temporary" label, the closure may last years. Plans include a "floating" jetty.\n');
    assert.equal(speakerOf(a, 'temporary'), null);
    assert.equal(speakerOf(a, 'floating'), null);
  });

  it('does not attribute a quote that ends its sentence to the next sentence\'s subject', () => {
    const a = analyzeArticle(
      'Pier closes\n\nHarbour minister Ingrid Solheim called the pier "a danger to the public." Mayor Jonas Dahl said the repairs would take a year.\n',
    );
    assert.equal(speakerOf(a, 'a danger to the public.'), 'Ingrid Solheim', JSON.stringify(a.quotes));
    const b = analyzeArticle('Pier closes\n\n"We had no choice." Mayor Jonas Dahl said on Monday.\n');
    assert.equal(speakerOf(b, 'We had no choice.'), 'Jonas Dahl', 'a sentence that only attributes still does');
  });
});

describe('analysis: more names the recogniser cuts short or mistypes', () => {
  const text = [
    'Ferry firm in row',
    '',
    'The regulator has written to the ferry operators Skarvik and Nordlink about fares.',
    '',
    '"We have a solid foundation," said Nordlink president and chief executive Bjorn Aasen.',
    '',
    'Labour MSP Christine May had said the fares were "far too high". Theresa May, shadow secretary for the family, told reporters the plan was "inadequate".',
    '',
    'The firm would be run out of Oslo, the mayor of Bergvik said.',
    '',
  ].join('\n');
  const a = analyzeArticle(text);

  it('finishes a name after a title with the word the recogniser left out ("Labour MSP Christine" + "May")', () => {
    assert.equal(typeOf(a, 'Christine May'), 'person', JSON.stringify(names(a)));
    assert.equal(speakerOf(a, 'far too high'), 'Christine May');
  });

  it('finds a name the recogniser missed from its apposition ("Theresa May, shadow secretary for …")', () => {
    assert.equal(typeOf(a, 'Theresa May'), 'person', JSON.stringify(names(a)));
    assert.equal(speakerOf(a, 'inadequate'), 'Theresa May');
    // where the article also writes "may" and "May" the month, the recogniser keeps only "Theresa"
    const b = analyzeArticle(
      'Ferry plan criticised\n\nThe election may take place in May. Fares may rise and the service may close, officials said.\n\nTheresa May, shadow secretary for the family, told reporters the plan was "inadequate".\n',
    );
    assert.deepEqual(names(b), ['person:Theresa May']);
    assert.deepEqual(b.entities[0]!.mentions.map((m) => m.text), ['Theresa May']);
  });

  it('reads a name right before a job title in lower case as the employer, one entity, and the title before the speaker', () => {
    const nordlink = a.entities.filter((e) => e.name === 'Nordlink');
    assert.deepEqual(
      nordlink.map((e) => e.type),
      ['organization'],
      JSON.stringify(names(a)),
    );
    assert.equal(speakerOf(a, 'We have a solid foundation,'), 'Bjorn Aasen');
  });

  it('keeps a place a place when the words after its comma belong to the next clause', () => {
    assert.equal(typeOf(a, 'Oslo'), 'place', JSON.stringify(names(a)));
  });
});

describe('analysis: names of places and things that end like one', () => {
  it('types "X Square" a place and drops "the X Report", but keeps a person whose surname is such a word', () => {
    const a = analyzeArticle(
      'Pier closes\n\nCrowds filled Tiananmen Square again. The Halvorsen Report, published on Monday, blamed the board. Animator Nick Park attended. Officials in Downing Street declined to comment.\n',
    );
    assert.equal(typeOf(a, 'Tiananmen Square'), 'place', JSON.stringify(names(a)));
    assert.ok(!a.entities.some((e) => e.name === 'Halvorsen Report'), JSON.stringify(names(a)));
    assert.equal(typeOf(a, 'Nick Park'), 'person');
    assert.equal(typeOf(a, 'Downing Street'), 'organization', 'an institution stays one');
  });
});
