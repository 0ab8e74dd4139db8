import { strict as assert } from 'node:assert';
import { analyzeArticle, type ArticleAnalysis, type EntityType } from '../../../src/core/analysis/index';

/** Texts written for these tests: invented towns, firms and people, so the recogniser cannot know them. */

function typeOf(a: ArticleAnalysis, name: string): EntityType | undefined {
  return a.entities.find((e) => e.name === name)?.type;
}

function speakerOf(a: ArticleAnalysis, quote: string): string | null | undefined {
  return a.quotes.find((q) => q.text === quote)?.speaker;
}

const names = (a: ArticleAnalysis) => JSON.stringify(a.entities.map((e) => `${e.type}:${e.name}`));

describe('analysis: participle cues continue the speaker of the clause', () => {
  it('"X will not ..., Minister Y said on Tuesday, calling the offer “…”" → Y, not X', () => {
    const a = analyzeArticle(
      'Veldoria will not sign the grain accord, Trade Minister Orla Brennick said on Tuesday, calling the terms "lopsided" but insisting that talks would go on.\n',
    );
    assert.equal(speakerOf(a, 'lopsided'), 'Orla Brennick', JSON.stringify(a.quotes));
  });

  it('"“…,” Mr X said, adding that … “…”" → X', () => {
    const a = analyzeArticle(
      'Farmers in Castelmoor fear the change. "We have waited long enough," Mr Dunmore said, adding that the co-operative saw "no future" in the old rules.\n',
    );
    assert.equal(speakerOf(a, 'no future'), 'Dunmore', JSON.stringify(a.quotes));
  });

  it('"…, said X, warning that … “…”" (inverted cue) → X', () => {
    const a = analyzeArticle(
      'The harbour at Kelmsby will close in May, said Ottilie Fenwarde, the port director, warning that repairs would be "slow and costly".\n',
    );
    assert.equal(speakerOf(a, 'slow and costly'), 'Ottilie Fenwarde', JSON.stringify(a.quotes));
  });
});

describe('analysis: "Name of the Organisation in Place said"', () => {
  it('makes the person, not the place before the verb, the antecedent of a later "he said"', () => {
    const a = analyzeArticle(
      'Economists warn that the figures hide a problem. Lieke van Brouwershaven of the Institute of Tidal Studies in Kelmsby said the catch was too high. "Arguing about shares is not a policy," he said.\n',
    );
    assert.equal(speakerOf(a, 'Arguing about shares is not a policy,'), 'Lieke van Brouwershaven', JSON.stringify(a.quotes));
  });
});

describe('analysis: entity types from context', () => {
  it('organisation head words, descriptors and appositions type unknown names as organisations', () => {
    const a = analyzeArticle(
      [
        'Brackwater Shipping signed the contract on Monday. The ferry operator Lindow Express will run the route.',
        '',
        'The conversion was paid for by Tarnet, the regional energy agency. Campaign group Clear Waters objected.',
        '',
        'Holmgard Seafood, which employs 300 people, said prices would rise.',
        '',
      ].join('\n'),
    );
    for (const n of ['Brackwater Shipping', 'Lindow Express', 'Tarnet', 'Clear Waters', 'Holmgard Seafood']) assert.equal(typeOf(a, n), 'organization', `${n}: ${names(a)}`);
  });

  it('an apposition naming a job types the name as a person', () => {
    const a = analyzeArticle('The plan was drawn up by Venn Arrowsmith, the company\'s technical director, last year.\n');
    assert.equal(typeOf(a, 'Venn Arrowsmith'), 'person', names(a));
  });

  it('the agency in a dateline is an organisation, in every mention', () => {
    const a = analyzeArticle('KELMSBY, March 4. /BALTWIRE/. The port will close, according to a notice seen by BALTWIRE.\n');
    assert.equal(typeOf(a, 'BALTWIRE'), 'organization', names(a));
    assert.equal(a.entities.filter((e) => e.name === 'BALTWIRE').length, 1, names(a));
  });

  it('place prepositions and pairs after "between" make unknown one-word names places', () => {
    const a = analyzeArticle(
      'The ferry between Harnsey and Ovik will run on batteries, after its last vessel was refitted at a yard in Skelde. Crews from Ovik welcomed it.\n',
    );
    for (const n of ['Harnsey', 'Ovik', 'Skelde']) assert.equal(typeOf(a, n), 'place', `${n}: ${names(a)}`);
  });

  it('a name the article shows is a person stays a person after "in" or "between"', () => {
    const a = analyzeArticle('Mr Castellow said the vote was close. Talks between Castellow and the union failed, and in Castellow the party lost its best speaker.\n');
    assert.equal(typeOf(a, 'Castellow'), 'person', names(a));
  });

  it('joins "Firstname van Surname" and possessive organisation names', () => {
    const a = analyzeArticle(
      [
        'Lieke van Brouwershaven of the Institute of Tidal Studies said the stock was shrinking.',
        '',
        "Tomas Ekdal, chair of the Northern Trawlermen's Association, disagreed. The Coastal Skippers' Union agreed with him.",
        '',
      ].join('\n'),
    );
    assert.equal(typeOf(a, 'Lieke van Brouwershaven'), 'person', names(a));
    assert.ok(!a.entities.some((e) => e.name === 'Brouwershaven'), names(a));
    assert.equal(typeOf(a, "Northern Trawlermen's Association"), 'organization', names(a));
    assert.equal(typeOf(a, "Coastal Skippers' Union"), 'organization', names(a));
  });

  it('a quote after "van Surname said" goes to the whole name', () => {
    const a = analyzeArticle('Lieke van Brouwershaven, who leads the survey, said: "The catch is too high."\n');
    assert.equal(speakerOf(a, 'The catch is too high.'), 'Lieke van Brouwershaven', JSON.stringify(a.quotes));
  });
});
