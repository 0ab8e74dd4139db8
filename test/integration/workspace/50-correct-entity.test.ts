import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { parseEntityCorrections } from '../../../src/core/analysis';
import { api, closeAllEditors, openArticle, putCursorIn, waitFor, workspaceRoot, wsUri } from '../helpers';

const CORRECT = 'newsAnnotator.correctEntity';
const COMMENT = '# hand-written: our house style for names (keep this line)';

describe('Correct Entity… (writes the corrections file)', () => {
  const dir = () => path.join(workspaceRoot(), '.news-annotator');
  const file = () => path.join(dir(), 'entities.yaml');
  const read = () => fs.readFileSync(file(), 'utf8');
  const wire = () => wsUri('wire', 'harbour-deal.txt').toString();
  const paper = () => wsUri('papers', 'quay-vote.txt').toString();

  before(() => fs.rmSync(dir(), { recursive: true, force: true }));
  after(async () => {
    await closeAllEditors();
    fs.rmSync(dir(), { recursive: true, force: true });
  });

  it('creates the file and retypes the name under the cursor, in every article after the reload', async () => {
    const a = await api();
    const editor = await openArticle('wire', 'harbour-deal.txt');
    putCursorIn(editor, 'Magnus Eide told', 2);
    assert.equal(a.analysis(wire())?.entities.find((e) => e.name === 'Magnus Eide')?.type, 'person');
    const ok = await vscode.commands.executeCommand<boolean>(CORRECT, { action: 'type', type: 'organization' });
    assert.equal(ok, true);
    assert.deepEqual(parseEntityCorrections(read()).entities, [{ name: 'Magnus Eide', type: 'organization', aliases: [] }]);
    await waitFor('the new type in both articles', () =>
      [wire(), paper()].every((u) => a.analysis(u)?.entities.some((e) => e.id === 'magnus-eide' && e.type === 'organization' && e.name === 'Magnus Eide')),
    );
    assert.ok(!a.analysis(paper())?.entities.some((e) => e.id === 'magnus-eide' && e.type === 'person'));
  });

  it('keeps the comment and entries of a hand-written file when adding to it', async () => {
    const a = await api();
    const hand = `${COMMENT}\nentities:\n  - name: Magnus Eide\n    type: organization # set by hand\n`;
    fs.writeFileSync(file(), hand);
    const editor = await openArticle('wire', 'harbour-deal.txt');
    putCursorIn(editor, 'Nordmark Shipping said', 3);
    // Ingrid Solberg: suppressed only as a person (the name and its short form)
    putCursorIn(editor, 'Ingrid Solberg', 3);
    assert.equal(await vscode.commands.executeCommand<boolean>(CORRECT, { action: 'suppress' }), true);
    let text = read();
    assert.ok(text.startsWith(hand), text);
    assert.deepEqual(parseEntityCorrections(text).suppress, [
      { text: 'Ingrid Solberg', type: 'person' },
      { text: 'Solberg', type: 'person' },
    ]);
    await waitFor('Ingrid Solberg suppressed in both articles', () =>
      [wire(), paper()].every((u) => {
        const ents = a.analysis(u)?.entities;
        return ents && ents.length > 0 && !ents.some((e) => /solberg/i.test(e.name));
      }),
    );
    // Nordmark Shipping: typed an organisation by its suffix (the recogniser's own first guess differs); the typed
    // rule applies to the type shown, so it is suppressed only as an organisation.
    putCursorIn(editor, 'Nordmark Shipping said', 3);
    assert.equal(await vscode.commands.executeCommand<boolean>(CORRECT, { action: 'suppress' }), true);
    text = read();
    assert.ok(text.startsWith(hand), text);
    assert.deepEqual(parseEntityCorrections(text).suppress.slice(2), [{ text: 'Nordmark Shipping', type: 'organization' }]);
    await waitFor('Nordmark Shipping suppressed', () => {
      const ents = a.analysis(wire())?.entities;
      return ents && ents.length > 0 && !ents.some((e) => /nordmark/i.test(e.name));
    });
  });

  it('merges a name into another entity of the corpus: the two names share one entity id', async () => {
    const a = await api();
    const editor = await openArticle('papers', 'quay-vote.txt');
    putCursorIn(editor, 'Clean Fjords', 2);
    const ok = await vscode.commands.executeCommand<boolean>(CORRECT, { action: 'alias', target: 'bergen-harbour-authority' });
    assert.equal(ok, true);
    assert.ok(read().startsWith(COMMENT), read());
    const entry = parseEntityCorrections(read()).entities.find((e) => e.name === 'Bergen Harbour Authority');
    assert.deepEqual(entry, { name: 'Bergen Harbour Authority', type: 'organization', aliases: ['Clean Fjords'] });
    await waitFor('one entity for both names', () => {
      const e = a.analysis(paper())?.entities.find((x) => x.mentions.some((m) => m.text === 'Clean Fjords'));
      return e?.id === 'bergen-harbour-authority' && e.type === 'organization' && e.mentions.some((m) => m.text === 'Bergen Harbour Authority');
    });
  });

  it('the hover of a name links to Correct…, for the hovered name wherever the cursor is', async () => {
    const a = await api();
    const editor = await openArticle('papers', 'quay-vote.txt');
    const at = editor.document.getText().indexOf('Askøy') + 2;
    putCursorIn(editor, 'Magnus Eide', 2);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, editor.document.positionAt(at));
    const md = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))).join('\n');
    const link = /\(command:newsAnnotator\.correctEntity\?([^)]+)\)/.exec(md);
    assert.ok(link, md);
    const [where] = JSON.parse(decodeURIComponent(link[1]!)) as [unknown];
    assert.equal(await vscode.commands.executeCommand<boolean>(CORRECT, where, { action: 'type', type: 'organization' }), true);
    assert.ok(parseEntityCorrections(read()).entities.some((e) => e.name === 'Askøy' && e.type === 'organization'));
    await waitFor('Askøy retyped', () => a.analysis(paper())?.entities.some((e) => e.name === 'Askøy' && e.type === 'organization'));
    assert.equal(a.analysis(paper())?.entities.find((e) => e.name === 'Magnus Eide')?.type, 'organization'); // untouched by this edit
  });

  it('leaves a broken corrections file alone and says so', async () => {
    const broken = `${COMMENT}\nentities:\n  - name: X\n    type: planet\n`;
    fs.writeFileSync(file(), broken);
    const editor = await openArticle('wire', 'harbour-deal.txt');
    putCursorIn(editor, 'Magnus Eide told', 2);
    const ok = await vscode.commands.executeCommand<boolean>(CORRECT, { action: 'type', type: 'place' });
    assert.equal(ok, false);
    assert.equal(read(), broken);
  });
});
