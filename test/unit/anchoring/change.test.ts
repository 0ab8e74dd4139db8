import { strict as assert } from 'node:assert';
import { changeAsText, passageChange } from '../../../src/core/anchoring/change';

describe('what changed in a re-attached passage (word diff)', () => {
  it('names the words removed and added, and keeps the rest', () => {
    const c = passageChange('The council will vote on Tuesday on the quay contract', 'The council will vote on Thursday on the new quay contract');
    assert.equal(c.removedWords, 1);
    assert.equal(c.addedWords, 2);
    assert.equal(changeAsText(c), 'The council will vote on [-Tuesday-]{+Thursday+} on the {+new +}quay contract');
    assert.equal(c.parts.filter((p) => !p.added).map((p) => p.text).join(''), 'The council will vote on Tuesday on the quay contract', 'the stored quote is the parts not added');
    assert.equal(c.parts.filter((p) => !p.removed).map((p) => p.text).join(''), 'The council will vote on Thursday on the new quay contract', 'the current text is the parts not removed');
  });

  it('reports no change for the same text', () => {
    const c = passageChange('Same words here.', 'Same words here.');
    assert.equal(c.removedWords + c.addedWords, 0);
    assert.equal(changeAsText(c), 'Same words here.');
  });
});
