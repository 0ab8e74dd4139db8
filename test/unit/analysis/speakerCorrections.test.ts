import { strict as assert } from 'node:assert';
import { analyzeArticle, applySpeakerCorrectionEdit, CorrectionsError, parseSpeakerCorrections, statementKey } from '../../../src/core/analysis/index';

const TEXT = 'Harbour talks resume\n\nThe harbour master, Ola Brenna, said the new quay would open in May. Lena Fisk told reporters the fares were too high.\n';

describe('analysis: speaker corrections', () => {
  it('sets, changes and clears a speaker, or leaves a statement out, inside analyzeArticle', () => {
    const a = analyzeArticle(TEXT);
    const quay = a.quotes.find((q) => q.text.startsWith('the new quay'))!;
    assert.equal(quay.kind, 'reported');
    assert.equal(quay.speaker, 'Ola Brenna');
    let src = applySpeakerCorrectionEdit(undefined, { kind: 'speaker', statement: statementKey(quay), speaker: 'Lena Fisk' });
    let b = analyzeArticle(TEXT, { speakerCorrections: parseSpeakerCorrections(src) });
    const q2 = b.quotes.find((q) => q.text.startsWith('the new quay'))!;
    assert.equal(q2.speaker, 'Lena Fisk');
    assert.equal(q2.corrected, true);
    assert.equal(q2.speakerId, 'lena-fisk', 'a corrected speaker the article names gets its entity id');
    src = applySpeakerCorrectionEdit(src, { kind: 'speaker', statement: statementKey(quay), speaker: null });
    b = analyzeArticle(TEXT, { speakerCorrections: parseSpeakerCorrections(src) });
    assert.equal(b.quotes.find((q) => q.text.startsWith('the new quay'))!.speaker, null);
    src = applySpeakerCorrectionEdit(src, { kind: 'notAStatement', statement: statementKey(quay) });
    b = analyzeArticle(TEXT, { speakerCorrections: parseSpeakerCorrections(src) });
    assert.ok(!b.quotes.some((q) => q.text.startsWith('the new quay')));
    assert.equal(b.quotes.length, a.quotes.length - 1);
    src = applySpeakerCorrectionEdit(src, { kind: 'remove', statement: statementKey(quay) });
    b = analyzeArticle(TEXT, { speakerCorrections: parseSpeakerCorrections(src) });
    assert.equal(b.quotes.find((q) => q.text.startsWith('the new quay'))!.speaker, 'Ola Brenna');
  });

  it('survives re-analysis after small edits: text moved, a word changed', () => {
    const quay = analyzeArticle(TEXT).quotes.find((q) => q.text.startsWith('the new quay'))!;
    const src = applySpeakerCorrectionEdit(undefined, { kind: 'speaker', statement: statementKey(quay), speaker: 'Per Dahl' });
    const edited = 'Harbour talks resume\n\nA new paragraph added on top.\n\n' + TEXT.slice(22).replace('would open in May', 'would open in late May');
    const b = analyzeArticle(edited, { speakerCorrections: parseSpeakerCorrections(src) });
    assert.equal(b.quotes.find((q) => q.text.startsWith('the new quay'))!.speaker, 'Per Dahl');
    // another statement is not touched
    assert.equal(b.quotes.find((q) => q.text.startsWith('the fares'))!.speaker, 'Lena Fisk');
  });

  it('keeps comments and other entries; refuses a broken file', () => {
    const mine = '# my notes\nstatements:\n  # the first one\n  - text: something else entirely\n    speaker: Ann Ek\n';
    const out = applySpeakerCorrectionEdit(mine, { kind: 'speaker', statement: { text: 'the fares were too high', cue: 'told' }, speaker: 'Ola Brenna' });
    assert.match(out, /# my notes/);
    assert.match(out, /# the first one/);
    assert.equal(parseSpeakerCorrections(out).statements.length, 2);
    assert.throws(() => applySpeakerCorrectionEdit('statements: [\n', { kind: 'remove', statement: { text: 'x y' } }), CorrectionsError);
    assert.throws(() => parseSpeakerCorrections('statements:\n  - text: a b\n'), /speaker.*notAStatement/);
    assert.throws(() => parseSpeakerCorrections('statements:\n  - text: a b\n    speker: X\n'), /unknown key "speker"/);
  });
});
