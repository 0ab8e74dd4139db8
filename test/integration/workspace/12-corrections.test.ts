import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { api, waitFor, workspaceRoot, wsUri } from '../helpers';

describe('Entity corrections file', () => {
  const file = () => path.join(workspaceRoot(), '.news-annotator', 'entities.yaml');
  after(() => fs.rmSync(path.join(workspaceRoot(), '.news-annotator'), { recursive: true, force: true }));

  it('fixes a type and suppresses a false positive in every article, live, and undoes it when removed', async () => {
    const a = await api();
    const uri = wsUri('wire', 'harbour-deal.txt').toString();
    const ids = () => (a.analysis(uri)?.entities ?? []).map((e) => `${e.type}:${e.id}`);
    fs.mkdirSync(path.dirname(file()), { recursive: true });
    fs.writeFileSync(
      file(),
      ['entities:', '  - name: Ingrid Solberg', '    type: organization', 'suppress:', '  - NORDWIRE', ''].join('\n'),
    );
    // (ids carry no type: the type is shown beside them here.) A deliberately odd correction, so the test does not depend on what the recogniser gets right by itself.
    await waitFor('corrections applied', () => ids().includes('organization:ingrid-solberg') && !ids().some((i) => /nordwire/.test(i)));
    assert.ok(!ids().includes('person:ingrid-solberg'));
    fs.unlinkSync(file());
    await waitFor('corrections removed: the suppressed name is back', () => ids().some((i) => /nordwire/.test(i)));
  });

  it('a broken corrections file is reported and ignored, the articles still analysed', async () => {
    const a = await api();
    const uri = wsUri('wire', 'harbour-deal.txt').toString();
    const ids = () => (a.analysis(uri)?.entities ?? []).map((e) => `${e.type}:${e.id}`);
    fs.mkdirSync(path.dirname(file()), { recursive: true });
    // First a good file, so that "ignored" is visible: its correction must stop applying when the file breaks.
    fs.writeFileSync(file(), ['entities:', '  - name: Ingrid Solberg', '    type: organization', ''].join('\n'));
    await waitFor('the good file applied', () => ids().includes('organization:ingrid-solberg'));
    assert.deepEqual(a.correctionsProblems(), []);
    fs.writeFileSync(file(), ['entities:', '  - name: Ingrid Solberg', '    type: organization', '  - name: X', '    type: planet', ''].join('\n'));
    const problems = await waitFor('the broken file reported', () => (a.correctionsProblems().length > 0 ? a.correctionsProblems() : undefined));
    assert.equal(problems.length, 1);
    assert.ok(problems[0]!.file.endsWith('/.news-annotator/entities.yaml'), problems[0]!.file);
    assert.match(problems[0]!.message, /planet/, 'the message names the bad value');
    // Ignored as a whole (no half-applied file): the articles are analysed again without any correction.
    await waitFor('analysed without the broken file', () => ids().includes('person:ingrid-solberg') && !ids().includes('organization:ingrid-solberg'));
    assert.ok((a.analysis(uri)?.entities.length ?? 0) > 3);
    assert.ok((a.analysis(uri)?.quotes.length ?? 0) > 3);
    // Fixed: the report goes away.
    fs.unlinkSync(file());
    await waitFor('the report cleared', () => a.correctionsProblems().length === 0);
  });
});
