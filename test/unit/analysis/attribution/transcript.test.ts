import { strict as assert } from 'node:assert';
import { transcriptLabel } from '../../../../src/core/analysis/attribution/directQuotes';
import { analyzeArticle } from '../../../../src/core/analysis/index';

describe('attribution: transcript turns', () => {
  it('reads an upper-case speaker label and a colon at the start of a turn', () => {
    const at = (s: string) => transcriptLabel(s, 0, s.length);
    assert.equal(at('WALLACE: Let us start.'), 'Wallace');
    assert.equal(at('MIKE PENCE: Well, look.'), 'Mike Pence');
    assert.equal(at("O'BRIEN: Yes."), "O'Brien");
    assert.equal(at('Note: this is no speaker.'), null, 'a title-case word is no label');
    assert.equal(at('It was said: WALLACE: no.'), null, 'only at the start');
    assert.equal(at('US: no'), null, 'two letters are too short');
  });
  it('gives each quoted turn of an interview its speaker, resolved to the fullest name', () => {
    const text = [
      'Pence on the debate',
      '',
      'Mike Pence spoke to Chris Wallace on Sunday.',
      '',
      '"WALLACE: Will she be there on Monday night?',
      '',
      '"PENCE: She will not be attending the debate.',
    ].join('\n');
    const turns = analyzeArticle(text).quotes.filter((q) => /WALLACE|PENCE/.test(q.text));
    assert.deepEqual(turns.map((q) => q.speaker), ['Chris Wallace', 'Mike Pence']);
  });
});
