import { strict as assert } from 'node:assert';
import { analyzeArticle, type Quote } from '../../../src/core/analysis/index';

/** The direct quotations (reported statements are tested in test/unit/analysis/attribution). */
const direct = (x: { quotes: readonly Quote[] }): Quote[] => x.quotes.filter((q) => (q.kind ?? 'direct') === 'direct');

function quotes(text: string): string[] {
  return direct(analyzeArticle(text)).map((q) => q.text);
}

describe('analysis: quotations', () => {
  it('finds curly and straight double quotes, the span covering only the words inside the marks', () => {
    const text = 'Intro line for the story here.\n\n“We will win,” she said. He replied: "Not this year."\n';
    const a = analyzeArticle(text);
    assert.deepEqual(
      direct(a).map((q) => q.text),
      ['We will win,', 'Not this year.'],
    );
    for (const q of direct(a)) assert.equal(text.slice(q.start, q.end), q.text);
  });

  it('is not fooled by apostrophes, possessives, inch marks or markup attributes', () => {
    const text = "It’s Russia’s turn, and the students’ union agreed. The 12\" screen costs less.\n\n<img src=\"x.png\" alt=\"\">\n\nRock ’n’ roll in the ’90s was loud.\n";
    assert.deepEqual(quotes(text), []);
  });

  it('does not treat an inline data: image as a quotation', () => {
    const text = 'A short paragraph about the talks ended here.\n<image>data:image/s3,"s3://crabby-images/b3cd3/b3cd3ec7a7781ec64a2b3cbdb3db83eecd893f7a" alt=""</image>\n';
    const a = analyzeArticle(text);
    assert.deepEqual(direct(a), []);
    assert.ok(a.furniture.length >= 1, 'the image is page furniture');
  });

  it('closes an unclosed quote at the end of its paragraph instead of swallowing the file', () => {
    const text = 'First paragraph of the article is here.\n\n“This quote never closes, she said.\n\nA later paragraph with “a real quote” in it.\n';
    const a = analyzeArticle(text);
    assert.equal(direct(a).length, 2);
    assert.equal(direct(a)[0]!.text, 'This quote never closes, she said.');
    assert.equal(direct(a)[0]!.unclosed, true);
    assert.equal(direct(a)[1]!.text, 'a real quote');
  });

  it('follows a quote over several paragraphs (opening mark on each, closing mark only at the end)', () => {
    const text = 'Maria Lopez, the harbour master, spoke at length.\n\n“The first part of what I said.\n\n“The second part.\n\n“And the end,” Lopez said.\n';
    const a = analyzeArticle(text);
    assert.deepEqual(
      direct(a).map((q) => q.text),
      ['The first part of what I said.', 'The second part.', 'And the end,'],
    );
    const groups = new Set(direct(a).map((q) => q.group));
    assert.equal(groups.size, 1, 'one run of quotation');
    for (const q of direct(a)) assert.equal(q.speaker, 'Maria Lopez');
  });

  it('keeps nested quotes inside the outer one, and handles ellipses and thin spaces', () => {
    const text = 'Background sentence of the article.\n\n"He told me, \'Our approach has failed,\'" Mitchell recalled.\n\n“There is a lot to do\u2009.\u2009.\u2009. but we have a basis,” said Dahl.\n';
    const q = quotes(text);
    assert.deepEqual(q, ["He told me, 'Our approach has failed,'", 'There is a lot to do\u2009.\u2009.\u2009. but we have a basis,']);
  });

  it('finds one-word and partial quotes, and single quotes in headlines and sub-heads', () => {
    const text = 'Airline says strike ‘will not ground us’\n\nThe union called the offer “an insult” on Tuesday.\n\n\'Went well\'\n\nMore text follows here.\n';
    assert.deepEqual(quotes(text), ['will not ground us', 'an insult', 'Went well']);
  });

  it('splits a paragraph where a new quoted sentence opens before the last was closed (BBC style)', () => {
    const text = 'Headline of a story\n\nShe said: "We have doubled it. "We are going to extend it." Then she left.\n';
    assert.deepEqual(quotes(text), ['We have doubled it.', 'We are going to extend it.']);
  });

  it('leaves narration before a colon out of a quote whose closing mark was forgotten', () => {
    const text = 'Headline of a story\n\nLund said: "I lost three years. He added: "They made me what I am."\n';
    assert.deepEqual(quotes(text), ['I lost three years.', 'They made me what I am.']);
  });

  it('accepts a quote opened with a curly mark and closed with a straight one', () => {
    const text = 'Headline of a story\n\n“Immunity deals should not be required," Chaffetz said.\n';
    assert.deepEqual(quotes(text), ['Immunity deals should not be required,']);
  });
});
