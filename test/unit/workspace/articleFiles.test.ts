import { strict as assert } from 'node:assert';
import { articleMatcher, sidecarPathFor, isSidecarPath } from '../../../src/core/workspace/articleFiles';

describe('articleMatcher (default rules)', () => {
  const isArticle = articleMatcher();
  it('takes text files at any depth', () => {
    assert.ok(isArticle('story.txt'));
    assert.ok(isArticle('business/001.txt'));
    assert.ok(isArticle('wire/TOKYO.TXT'));
  });
  it('never lists sidecars, dependencies or READMEs as articles', () => {
    assert.ok(!isArticle('story.txt.annotations.yaml'));
    assert.ok(!isArticle('node_modules/x/readme.txt'));
    assert.ok(!isArticle('bbc/README.TXT'));
    assert.ok(!isArticle('notes.md'));
  });
  it('follows custom rules', () => {
    const m = articleMatcher({ include: ['articles/**/*.md'], exclude: ['**/drafts/**'] });
    assert.ok(m('articles/a.md'));
    assert.ok(!m('articles/drafts/a.md'));
    assert.ok(!m('a.txt'));
  });
  it('never lists News Annotator\'s own folder (originals of imported pages), even when told to match everything', () => {
    const m = articleMatcher({ include: ['**/*'], exclude: [] });
    assert.ok(m('2025-03-05-ferry-fares.txt'));
    assert.ok(!m('.news-annotator/originals/0f3a.html'));
    assert.ok(!m('imports/.news-annotator/originals/0f3a.txt'));
    assert.ok(!m('.news-annotator/entities.yaml'));
    assert.ok(!articleMatcher({ include: ['**/*.html', '**/*.txt'], exclude: [] })('.news-annotator/originals/x.html'));
  });
});

describe('sidecar paths', () => {
  it('puts the sidecar beside the article', () => {
    assert.equal(sidecarPathFor('/w/000_74cd.txt'), '/w/000_74cd.txt.annotations.yaml');
    assert.ok(isSidecarPath(sidecarPathFor('a.txt')));
  });
});
