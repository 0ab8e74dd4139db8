import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import YAML from 'yaml';
import { api, closeAllEditors, openArticle, putCursorIn, waitFor, wsUri } from '../helpers';

const QUOTE = 'This is the largest investment in the harbour since the war';
const sidecar = () => wsUri('wire', 'harbour-deal.txt.annotations.yaml').fsPath;
interface SidecarOnDisk {
  version: number;
  source: string;
  annotations: { id: string; kind: string; tags: string[]; note?: string; speaker?: string; target: { exact: string; prefix: string; suffix: string; start: number; end: number } }[];
}
const readSidecar = (): SidecarOnDisk => YAML.parse(fs.readFileSync(sidecar(), 'utf8')) as SidecarOnDisk;

describe('Annotating: tag a quote, add a note, edit, remove, undo — the sidecar on disk', () => {
  before(async () => {
    await api();
    if (fs.existsSync(sidecar())) fs.unlinkSync(sidecar());
  });
  after(closeAllEditors);

  it('Tag Quote on the quotation under the cursor writes the sidecar beside the article at once', async () => {
    const a = await api();
    const editor = await openArticle('wire', 'harbour-deal.txt');
    const original = editor.document.getText();
    putCursorIn(editor, QUOTE, 10);
    await vscode.commands.executeCommand('newsAnnotator.tagQuote', { tags: ['infrastructure', 'claims'] });
    await waitFor('sidecar on disk', () => fs.existsSync(sidecar()));
    const onDisk = readSidecar();
    assert.equal(onDisk.version, 1);
    assert.equal(onDisk.source, 'harbour-deal.txt');
    assert.equal(onDisk.annotations.length, 1);
    const saved = onDisk.annotations[0]!;
    assert.ok(saved.target.exact.startsWith(QUOTE), saved.target.exact);
    assert.ok(saved.target.prefix.length > 0 && saved.target.suffix.length > 0, 'context kept for re-attachment');
    assert.deepEqual(saved.tags, ['infrastructure', 'claims']);
    assert.equal(saved.speaker, 'Ingrid Solberg');
    assert.equal(saved.kind, 'quote');
    assert.equal(fs.readFileSync(wsUri('wire', 'harbour-deal.txt').fsPath, 'utf8'), original, 'the article itself is never modified');
    const anns = a.annotations(editor.document.uri.toString());
    assert.equal(anns.length, 1);
    assert.deepEqual([...anns[0]!.tags], ['infrastructure', 'claims']);
    assert.ok(editor.document.getText().slice(anns[0]!.start, anns[0]!.end).startsWith(QUOTE));
  });

  it('shows the annotation in the editor, the Articles view and with its tags after the line', async () => {
    const a = await api();
    const uri = wsUri('wire', 'harbour-deal.txt').toString();
    const deco = await waitFor('annotation decoration', () => (a.decorations(uri)['annotation']?.length ? a.decorations(uri) : undefined));
    assert.equal(deco['annotation']!.length, 1);
    assert.equal(deco['tags']!.length, 1, 'inline tags after the annotated line');
    assert.ok(deco['quote']!.length >= 4, 'quotes are highlighted');
    const tree = a.articlesTree(3).join('\n');
    assert.match(tree, /Annotations — 1/);
  });

  it('Add Note and Edit Tags change only that annotation, and the note is a block scalar when multi-line', async () => {
    const a = await api();
    const editor = await openArticle('wire', 'harbour-deal.txt');
    putCursorIn(editor, QUOTE, 5);
    await vscode.commands.executeCommand('newsAnnotator.addNote', { note: 'Check against the 1950s harbour budget.\nAsk the archive.' });
    await vscode.commands.executeCommand('newsAnnotator.editTags', { tags: ['infrastructure', 'to-verify'] });
    const yaml = fs.readFileSync(sidecar(), 'utf8');
    assert.match(yaml, /note: \|-?\n\s+Check against the 1950s harbour budget\.\n\s+Ask the archive\./, 'multi-line note as a block scalar');
    assert.deepEqual(readSidecar().annotations[0]!.tags, ['infrastructure', 'to-verify']);
    const ann = a.annotations(editor.document.uri.toString())[0]!;
    assert.equal(ann.note, 'Check against the 1950s harbour budget.\nAsk the archive.');
  });

  it('tags a selected passage that is not a quote as a passage', async () => {
    const a = await api();
    const editor = await openArticle('wire', 'harbour-deal.txt');
    const text = editor.document.getText();
    const passage = 'ending months of talks over the future of the city';
    const i = text.indexOf(passage);
    editor.selection = new vscode.Selection(editor.document.positionAt(i), editor.document.positionAt(i + passage.length));
    await vscode.commands.executeCommand('newsAnnotator.tagQuote', { tags: ['background'] });
    const anns = a.annotations(editor.document.uri.toString());
    assert.equal(anns.length, 2);
    const p = anns.find((x) => x.kind === 'passage');
    assert.ok(p);
    assert.equal(text.slice(p.start, p.end), passage);
    assert.ok(anns[0]!.start < anns[1]!.start, 'annotations in document order');
  });

  it('Remove Annotation removes it, Undo brings it back, and the sidecar goes when the last one goes', async () => {
    const a = await api();
    const editor = await openArticle('wire', 'harbour-deal.txt');
    const uri = editor.document.uri.toString();
    putCursorIn(editor, 'ending months of talks', 3);
    await vscode.commands.executeCommand('newsAnnotator.removeAnnotation');
    assert.equal(a.annotations(uri).length, 1);
    await vscode.commands.executeCommand('newsAnnotator.undoAnnotationChange');
    assert.equal(a.annotations(uri).length, 2);
    assert.ok(readSidecar().annotations.some((x) => x.tags.includes('background')), 'restored on disk');
    for (const needle of ['ending months of talks', QUOTE]) {
      putCursorIn(editor, needle, 3);
      await vscode.commands.executeCommand('newsAnnotator.removeAnnotation');
    }
    assert.equal(a.annotations(uri).length, 0);
    await waitFor('sidecar deleted', () => !fs.existsSync(sidecar()));
  });
});
