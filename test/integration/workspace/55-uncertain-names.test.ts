import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { parseEntityCorrections } from '../../../src/core/analysis';
import { api, closeAllEditors, openArticle, putCursorIn, waitFor, workspaceRoot, wsUri } from '../helpers';

// Written for this test: the shipped model is unsure of "Tarnvik Dorrow" (a person, uncertain) and reads
// "Kelmsby Herring Festival" as another proper name (not an entity).
const ARTICLE = [
  'Ferry fares rise again on the northern route',
  '',
  'The fares rose at Quellmarsh last week, and Tarnvik Dorrow was blamed.',
  '',
  'Passengers bound for the Kelmsby Herring Festival said the timetable had not changed since the spring. "We pay more for the same boat," said Anna Lund, who has taken the ferry for twenty years.',
  '',
].join('\n');

const NAME = 'Tarnvik Dorrow';

async function hoverText(editor: vscode.TextEditor, needle: string): Promise<string> {
  const at = editor.document.getText().indexOf(needle) + 2;
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, editor.document.positionAt(at));
  return hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))).join('\n');
}

describe('Uncertain names, other names and entity references', () => {
  const folder = () => path.join(workspaceRoot(), 'uncertain');
  const file = () => path.join(folder(), 'ferry-fares.txt');
  const sidecar = () => file() + '.annotations.yaml';
  const corrections = () => path.join(workspaceRoot(), '.news-annotator', 'entities.yaml');
  const uri = () => wsUri('uncertain', 'ferry-fares.txt').toString();

  before(async () => {
    const a = await api();
    // Through VS Code's file service, as an editor or another extension would write it.
    await vscode.workspace.fs.writeFile(vscode.Uri.file(file()), new TextEncoder().encode(ARTICLE));
    await waitFor('the new article analysed', () => a.analysis(uri())?.entities.some((e) => e.name === NAME));
  });
  after(async () => {
    await closeAllEditors();
    await vscode.workspace.fs.delete(vscode.Uri.file(folder()), { recursive: true, useTrash: false });
    fs.rmSync(path.dirname(corrections()), { recursive: true, force: true });
  });

  it('shows an uncertain name fainter, says "(uncertain)" in its hover and the Entities view, and keeps other names apart', async () => {
    const a = await api();
    const e = a.analysis(uri())!.entities.find((x) => x.name === NAME)!;
    assert.equal(e.uncertain, true, 'the fixture sentence gives an uncertain entity');
    assert.equal(e.id, 'tarnvik-dorrow');
    const editor = await openArticle('uncertain', 'ferry-fares.txt');
    const at = ARTICLE.indexOf(NAME);
    const deco = await waitFor('the uncertain highlight', () => {
      const d = a.decorations(uri());
      return (d['uncertain'] ?? []).some(([s, t]) => s === at && t === at + NAME.length) ? d : undefined;
    });
    assert.ok(!(deco['person'] ?? []).some(([s]) => s === at), 'not drawn as a sure person');
    assert.ok((deco['person'] ?? []).some(([s]) => s === ARTICLE.indexOf('Anna Lund')), 'a sure name keeps its own highlight');

    const md = await hoverText(editor, NAME);
    assert.match(md, /\*\*Tarnvik Dorrow\*\* — person \(uncertain\)/, md);
    assert.match(md, /command:newsAnnotator\.correctEntity/, 'Correct… is offered');

    const tree = a.entitiesTree(2);
    assert.ok(tree.some((l) => /^ {2}Tarnvik Dorrow — \(uncertain\) · 1 article · 1 mention$/.test(l)), tree.join('\n'));
    assert.ok(tree.some((l) => /^ {2}Anna Lund — \d+ articles? · \d+ mentions?$/.test(l)), tree.join('\n'));

    // Another proper name: its own plain hover, never an entity.
    assert.ok(!a.analysis(uri())!.entities.some((x) => /Herring|Festival/.test(x.name)));
    assert.ok(!tree.some((l) => l.includes('Herring')), tree.join('\n'));
    assert.match(await hoverText(editor, 'Herring Festival'), /\*\*Kelmsby Herring Festival\*\* — other name \(product, event, work…\)/);
  });

  it('Correct Entity… on it is the one-step fix: confirming its type settles it, the id unchanged', async () => {
    const a = await api();
    const editor = await openArticle('uncertain', 'ferry-fares.txt');
    putCursorIn(editor, NAME, 3);
    assert.equal(await vscode.commands.executeCommand<boolean>('newsAnnotator.correctEntity', { action: 'type', type: 'person' }), true);
    assert.deepEqual(parseEntityCorrections(fs.readFileSync(corrections(), 'utf8')).entities, [{ name: NAME, type: 'person', aliases: [] }]);
    await waitFor('no longer uncertain', () => {
      const e = a.analysis(uri())?.entities.find((x) => x.name === NAME);
      return e && e.uncertain === undefined && e.id === 'tarnvik-dorrow' && e.type === 'person';
    });
    const at = ARTICLE.indexOf(NAME);
    await waitFor('drawn as a person', () => (a.decorations(uri())['person'] ?? []).some(([s]) => s === at) && !(a.decorations(uri())['uncertain'] ?? []).some(([s]) => s === at));
    await waitFor('the tree no longer says uncertain', () => a.entitiesTree(2).some((l) => /^ {2}Tarnvik Dorrow — 1 article · 1 mention$/.test(l)));
    assert.doesNotMatch(await hoverText(editor, NAME), /\(uncertain\)/);
    // Retyped: still the same entity, whatever its type.
    assert.equal(await vscode.commands.executeCommand<boolean>('newsAnnotator.correctEntity', { action: 'type', type: 'organization' }), true);
    await waitFor('retyped with the same id', () => a.analysis(uri())?.entities.some((x) => x.id === 'tarnvik-dorrow' && x.type === 'organization'));
  });

  it('a sidecar with old-style entity ids still resolves after load, and is rewritten on the next save', async () => {
    const a = await api();
    const block = (id: string, entity: string, quote: string) => {
      const start = ARTICLE.indexOf(quote);
      return [`  - id: ${id}`, '    kind: entity', `    entity: ${entity}`, '    tags: [ ferries ]', '    target:', `      exact: ${quote}`, `      start: ${start}`, `      end: ${start + quote.length}`, '    created: 2025-03-14T09:00:00.000Z', '    updated: 2025-03-14T09:00:00.000Z'].join('\n');
    };
    const old = [
      'version: 1',
      'source: ferry-fares.txt',
      'annotations:',
      // the id as an earlier release wrote it (type and slug)
      block('k1aaaaaa', 'person:tarnvik-dorrow', NAME),
      '',
      // an entity whose canonical name is no longer the one stored: found again through its passage
      block('k2bbbbbb', 'place:quellmarsh-harbour', 'Quellmarsh'),
      '',
    ].join('\n');
    await vscode.workspace.fs.writeFile(vscode.Uri.file(sidecar()), new TextEncoder().encode(old));
    const refs = () => Object.fromEntries(a.annotations(uri()).map((x) => [x.id, x.entity]));
    await waitFor('references resolved', () => {
      const r = refs();
      return r['k1aaaaaa'] === 'tarnvik-dorrow' && r['k2bbbbbb'] === 'quellmarsh';
    });
    assert.equal(fs.readFileSync(sidecar(), 'utf8'), old, 'loading writes nothing');
    // The next save (tags edited on the first one) writes the current ids of both.
    const editor = await openArticle('uncertain', 'ferry-fares.txt');
    putCursorIn(editor, NAME, 3);
    await vscode.commands.executeCommand('newsAnnotator.editTags', { tags: ['ferries', 'checked'] });
    const text = await waitFor('rewritten', () => {
      const t = fs.readFileSync(sidecar(), 'utf8');
      return t.includes('checked') ? t : undefined;
    });
    assert.match(text, /entity: tarnvik-dorrow\n/);
    assert.match(text, /entity: quellmarsh\n/);
    assert.doesNotMatch(text, /person:|place:/);
  });
});
