import { strict as assert } from 'node:assert';
import { analyzeArticle } from '../../../src/core/analysis/index';

const furnitureOf = (text: string) => analyzeArticle(text).furniture.map((f) => text.slice(f.start, f.end));
const BODY =
  'The harbour board voted on Monday to close the old ferry pier for repairs, officials said.\n\n' +
  '“We had no choice,” said Ingrid Halvorsen, the board’s chair. “The pier is not safe.”\n';

describe('analysis: masthead, navigation and sign-up furniture', () => {
  it('takes the masthead before a navigation line as publisher, not as the headline, and drops the section label', () => {
    const text =
      'The Fjord Courier\nNews · Sport · Culture · Weather\nLocal\n\nHarbour board shuts old ferry pier for repairs\n\nBy Anna Berg in Tromsø\n\n' + BODY;
    const a = analyzeArticle(text);
    assert.equal(a.metadata.title, 'Harbour board shuts old ferry pier for repairs');
    assert.equal(a.metadata.publisher, 'The Fjord Courier');
    assert.equal(a.metadata.author, 'Anna Berg', 'the place after "in" is not part of the name');
    const furn = furnitureOf(text);
    assert.ok(furn.includes('The Fjord Courier'));
    assert.ok(furn.includes('News · Sport · Culture · Weather'));
    assert.ok(furn.includes('Local'));
    assert.equal(a.passages.find((p) => p.kind === 'headline') !== undefined, true);
  });

  it('keeps a better publisher (the dateline agency) over the masthead', () => {
    const text = 'Coast Times\nHome | Politics | Business\n\nFerry pier closes for a year of repairs\n\nBERGEN (Reuters) — The harbour board voted on Monday to close the old pier.\n';
    const m = analyzeArticle(text).metadata;
    assert.equal(m.title, 'Ferry pier closes for a year of repairs');
    assert.equal(m.publisher, 'Reuters');
  });

  it('does not take a short headline-like line for a masthead when there is no navigation line', () => {
    const text = 'Harbour board shuts old ferry pier\n\n' + BODY;
    const a = analyzeArticle(text);
    assert.equal(a.metadata.title, 'Harbour board shuts old ferry pier');
    assert.equal(a.metadata.publisher, null);
  });

  it('is not fooled by a byline or date line that uses the same separators', () => {
    const text = 'Pier closes after storm damage is found\nBy Anna Berg · 3 June 2024 · 4 min read\n\n' + BODY;
    const a = analyzeArticle(text);
    assert.equal(a.metadata.title, 'Pier closes after storm damage is found');
    assert.equal(a.metadata.author, 'Anna Berg');
    assert.ok(!furnitureOf(text).some((f) => f.startsWith('By Anna')));
  });

  it('reads an issue line as the masthead: publisher before the dash, headline after it', () => {
    const text = 'The Pier Letter — Issue 48\nFriday 7 June 2024\n\nWhy the old pier had to go\n\n' + BODY;
    const a = analyzeArticle(text);
    assert.equal(a.metadata.title, 'Why the old pier had to go');
    assert.equal(a.metadata.publisher, 'The Pier Letter');
    assert.equal(a.metadata.dateIso, '2024-06-07');
    assert.ok(furnitureOf(text).includes('The Pier Letter — Issue 48'));
  });

  it('recognises other issue and edition forms, and not a headline that mentions a number', () => {
    const headlineOf = (first: string) => analyzeArticle(first + '\n\nWhy the old pier had to go\n\n' + BODY).metadata;
    assert.equal(headlineOf('Harbour Notes No. 12').title, 'Why the old pier had to go');
    assert.equal(headlineOf('Harbour Notes No. 12').publisher, 'Harbour Notes');
    assert.equal(headlineOf('Vol. 3, No. 7').title, 'Why the old pier had to go');
    assert.equal(headlineOf('Coast Brief | Weekend Edition').publisher, 'Coast Brief');
    assert.equal(headlineOf('Minister returns to No. 10 after the summit').title, 'Minister returns to No. 10 after the summit');
    assert.equal(headlineOf('Fans queue for the issue of new coins').title, 'Fans queue for the issue of new coins');
  });

  it('marks sign-up and account lines anywhere as furniture, but not a paragraph that mentions subscribing', () => {
    const promo = 'Get the week’s harbour news in your inbox every Friday. Sign up';
    const paragraph =
      'Readers who subscribe to the port’s alerts were told to sign up again, and many said they would unsubscribe from the old service after the change.';
    const text =
      'Harbour board shuts old ferry pier\n\n' + BODY + '\n' + paragraph + '\n\nSign up to Harbour Briefing\n' + promo + '\n\n' +
      'Enjoyed this issue? Forward it to a friend.\nSign up for Harbour Notes | Manage your subscription | Unsubscribe\n';
    const furn = furnitureOf(text);
    for (const line of ['Sign up to Harbour Briefing', promo, 'Enjoyed this issue? Forward it to a friend.', 'Sign up for Harbour Notes | Manage your subscription | Unsubscribe']) {
      assert.ok(furn.includes(line), line);
    }
    assert.ok(!furn.includes(paragraph));
    assert.ok(!furn.some((f) => f.startsWith('Sign up again') || f.startsWith('“We had')));
  });

  it('keeps a sentence starting with "Sign up" that ends like a sentence', () => {
    const line = 'Sign up for the new permits opens on Monday.';
    const text = 'Harbour board shuts old ferry pier\n\n' + line + '\n';
    assert.ok(!furnitureOf(text).includes(line));
  });

  it('reads a date line that carries a time', () => {
    const text = 'Harbour board shuts old ferry pier\n\nWednesday 5 June 2024 06.00 BST\n\n' + BODY;
    const m = analyzeArticle(text).metadata;
    assert.equal(m.date, 'Wednesday 5 June 2024');
    assert.equal(m.dateIso, '2024-06-05');
  });
});

describe('analysis: lists of link headlines after the story', () => {
  const offsetsHold = (text: string) => {
    const a = analyzeArticle(text);
    for (const f of a.furniture) assert.ok(f.start >= 0 && f.end <= text.length && f.start < f.end);
    return a;
  };

  it('masks the headlines under "More From …", "Related stories:" and "Read more", and takes the outlet from the heading', () => {
    const links = ['Ferry fares to rise by a tenth from May', 'Why the old pier had to go?', '2 hours ago', 'Harbour Board Names New Chair.'];
    const text = 'Harbour board shuts old ferry pier\n\n' + BODY + '\nMore From The Fjord Courier\n\n' + links.join('\n\n') + '\n\nRelated stories:\nDivers find wreck under the quay\n\nRead more\nSeal pup rescued near the slipway\n';
    const a = offsetsHold(text);
    const furn = furnitureOf(text);
    for (const line of ['More From The Fjord Courier', ...links, 'Related stories:', 'Divers find wreck under the quay', 'Read more', 'Seal pup rescued near the slipway']) {
      assert.ok(furn.includes(line), line);
    }
    assert.equal(a.metadata.publisher, 'The Fjord Courier');
    assert.equal(a.passages.filter((p) => p.kind === 'paragraph').length, 2, 'only the two body paragraphs are paragraphs');
    assert.ok(!a.entities.some((e) => /Fjord Courier|Board Names/.test(e.name)), JSON.stringify(a.entities.map((e) => e.name)));
  });

  it('ends the list at body text, and leaves a heading-like line above the story alone', () => {
    const after = 'The board will meet again on Thursday to decide what happens to the old ticket office, which has stood empty since the spring.';
    const text = 'Related\nHarbour board shuts old ferry pier\n\n' + BODY + '\nSee also:\nDivers find wreck under the quay\n\n' + after + '\n\nHe declined to comment.\n';
    const a = offsetsHold(text);
    const furn = furnitureOf(text);
    assert.ok(furn.includes('Divers find wreck under the quay'));
    assert.ok(!furn.includes(after));
    assert.ok(!furn.includes('He declined to comment.'), 'a short sentence after the body is not a link');
    assert.equal(a.metadata.title, 'Harbour board shuts old ferry pier', 'a "Related" line above the story does not swallow the headline');
  });

  it('keeps an inline "Read more: …" link a single furniture line', () => {
    const text = 'Harbour board shuts old ferry pier\n\n' + BODY + '\nRead more: Ferry fares to rise by a tenth from May\nThe repairs will take a year, the board said.\n';
    const furn = furnitureOf(text);
    assert.ok(furn.includes('Read more: Ferry fares to rise by a tenth from May'));
    assert.ok(!furn.includes('The repairs will take a year, the board said.'));
  });
});
