import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import YAML from 'yaml';
import { api, closeAllEditors, openArticle, putCursorIn, waitFor, wsUri } from '../helpers';

const SCHEME = 'news-annotator-note';
const QUOTE = 'It secures jobs on the quay for a generation.';
const LINE1 = 'Ask the authority for the **jobs** figure.';
const LINE2 = 'Compare with the 2029 annual report.';
const HARBOUR = ['wire', 'harbour-deal.txt'] as const;
const FERRY = ['papers', 'no-headline.txt'] as const;
const QUAY = ['papers', 'quay-vote.txt'] as const;
const sidecarOf = (parts: readonly string[]) => wsUri(...parts).fsPath + '.annotations.yaml';
interface SidecarOnDisk {
  annotations: { id: string; kind: string; tags: string[]; note?: string; speaker?: string; target: { exact: string } }[];
}
const readSidecar = (parts: readonly string[]): SidecarOnDisk => YAML.parse(fs.readFileSync(sidecarOf(parts), 'utf8')) as SidecarOnDisk;

async function noteEditor(): Promise<vscode.TextEditor> {
  return waitFor('a note editor', () => {
    const e = vscode.window.activeTextEditor;
    return e?.document.uri.scheme === SCHEME ? e : undefined;
  });
}

/** Reverts and closes every note editor with unsaved text (closing a dirty editor would ask what to do). */
async function discardNotes(): Promise<void> {
  for (const doc of vscode.workspace.textDocuments.filter((d) => d.uri.scheme === SCHEME && d.isDirty)) {
    await vscode.window.showTextDocument(doc);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  }
}

async function hoverText(editor: vscode.TextEditor, needle: string): Promise<string> {
  const pos = editor.document.positionAt(editor.document.getText().indexOf(needle) + 3);
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, pos);
  return hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))).join('\n');
}

describe('Notes in a real editor: Add Note / Edit Note open a Markdown tab saved into the sidecar', () => {
  before(async () => {
    await api();
    for (const p of [HARBOUR, FERRY, QUAY]) if (fs.existsSync(sidecarOf(p))) fs.unlinkSync(sidecarOf(p));
  });
  after(async () => {
    await discardNotes();
    await closeAllEditors();
    for (const p of [HARBOUR, FERRY, QUAY]) if (fs.existsSync(sidecarOf(p))) fs.unlinkSync(sidecarOf(p));
  });

  it('Add Note on a quote opens an empty note tab; two lines typed and saved become a block scalar, the article untouched', async () => {
    const a = await api();
    const article = await openArticle(...HARBOUR);
    const uri = article.document.uri.toString();
    const original = fs.readFileSync(wsUri(...HARBOUR).fsPath, 'utf8');
    putCursorIn(article, QUOTE, 5);
    await vscode.commands.executeCommand('newsAnnotator.addNote');
    const ed = await noteEditor();
    assert.equal(ed.document.languageId, 'markdown');
    assert.equal(ed.document.getText(), '');
    assert.match(ed.document.uri.path, /^\/wire\/harbour-deal\.txt\/new-\d+-\d+\/Note — “It secures jobs/, ed.document.uri.path);
    assert.equal(a.annotations(uri).length, 0, 'nothing is written before the save');
    assert.ok(!fs.existsSync(sidecarOf(HARBOUR)));

    await ed.edit((b) => b.insert(new vscode.Position(0, 0), `${LINE1}\n${LINE2}\n`));
    assert.ok(ed.document.isDirty);
    assert.equal(await ed.document.save(), true, 'saved');
    assert.ok(!ed.document.isDirty);

    const yaml = fs.readFileSync(sidecarOf(HARBOUR), 'utf8');
    assert.ok(yaml.includes(`    note: |-\n      ${LINE1}\n      ${LINE2}\n`), yaml);
    const saved = readSidecar(HARBOUR).annotations;
    assert.equal(saved.length, 1);
    assert.equal(saved[0]!.kind, 'quote');
    assert.equal(saved[0]!.speaker, 'Ingrid Solberg');
    assert.equal(saved[0]!.note, `${LINE1}\n${LINE2}`);
    assert.ok(saved[0]!.target.exact.startsWith('It secures jobs'), saved[0]!.target.exact);
    assert.equal(fs.readFileSync(wsUri(...HARBOUR).fsPath, 'utf8'), original, 'the article itself is never modified');
    assert.equal(a.annotations(uri)[0]!.note, `${LINE1}\n${LINE2}`);
    // The article's hover shows the whole note as Markdown (not escaped).
    const hover = await hoverText(article, 'It secures jobs');
    assert.ok(hover.includes(`${LINE1}\n${LINE2}`), hover);
  });

  it('a clean note tab follows a change of the note made on disk, and the views with it', async () => {
    const a = await api();
    const ed = await noteEditor();
    const uri = wsUri(...HARBOUR).toString();
    // Another tool rewrites the note right after our save.
    const file = sidecarOf(HARBOUR);
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('2029 annual report', '2030 annual report'));
    await waitFor('note tab reloaded', () => ed.document.getText().includes('2030 annual report'));
    assert.ok(!ed.document.isDirty);
    assert.equal(ed.document.getText(), `${LINE1}\nCompare with the 2030 annual report.`);
    assert.equal(a.annotations(uri)[0]!.note, `${LINE1}\nCompare with the 2030 annual report.`);
    assert.doesNotMatch(fs.readFileSync(file, 'utf8'), /conflicts:/);
  });

  it('Edit Note opens the existing note; saving it empty removes the note, not the annotation; Undo brings it back', async () => {
    const a = await api();
    await closeAllEditors();
    const article = await openArticle(...HARBOUR);
    const uri = article.document.uri.toString();
    const id = a.annotations(uri)[0]!.id;
    putCursorIn(article, QUOTE, 8);
    await vscode.commands.executeCommand('newsAnnotator.editNote');
    const ed = await noteEditor();
    assert.ok(ed.document.uri.path.includes(`/${id}/`), ed.document.uri.path);
    assert.equal(ed.document.getText(), `${LINE1}\nCompare with the 2030 annual report.`);

    await ed.edit((b) => b.delete(new vscode.Range(new vscode.Position(0, 0), ed.document.positionAt(ed.document.getText().length))));
    assert.equal(await ed.document.save(), true);
    const after = readSidecar(HARBOUR).annotations;
    assert.equal(after.length, 1, 'the annotation stays');
    assert.equal(after[0]!.id, id);
    assert.equal(after[0]!.note, undefined, 'the note is gone');
    assert.doesNotMatch(fs.readFileSync(sidecarOf(HARBOUR), 'utf8'), /note:/);
    assert.equal(a.annotations(uri)[0]!.note, undefined);

    await vscode.commands.executeCommand('newsAnnotator.undoAnnotationChange');
    assert.equal(readSidecar(HARBOUR).annotations[0]!.note, `${LINE1}\nCompare with the 2030 annual report.`);
    await waitFor('note tab shows the note again', () => ed.document.getText().startsWith(LINE1));
    // Running Edit Note again on the same quote brings this tab forward rather than opening a second one.
    await vscode.window.showTextDocument(article.document, vscode.ViewColumn.One);
    putCursorIn(vscode.window.activeTextEditor!, QUOTE, 8);
    await vscode.commands.executeCommand('newsAnnotator.editNote');
    assert.equal((await noteEditor()).document, ed.document);
    const noteTabs = vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => t.input instanceof vscode.TabInputText && t.input.uri.scheme === SCHEME);
    assert.equal(noteTabs.length, 1);
  });

  it('a note changed on disk while its tab has unsaved text is not overwritten silently: the first save is refused', async () => {
    const a = await api();
    const noteDoc = (await noteEditor()).document;
    const uri = wsUri(...HARBOUR).toString();
    // Unsaved text in the tab, then the note rewritten by another tool to the same length (which VS Code's own
    // modification-time-and-size check cannot see).
    const ed = await vscode.window.showTextDocument(noteDoc);
    await ed.edit((b) => b.insert(new vscode.Position(0, 0), 'My unsaved line.\n'));
    assert.ok(ed.document.isDirty);
    const file = sidecarOf(HARBOUR);
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('2030 annual report', '2031 annual report'));
    await waitFor('the new note loaded', () => a.annotations(uri)[0]?.note?.includes('2031 annual report'));
    assert.ok(ed.document.isDirty && ed.document.getText().startsWith('My unsaved line.\n'), 'unsaved text kept, not reloaded');
    assert.equal(await ed.document.save(), false, 'the first save is refused');
    assert.ok(ed.document.isDirty && ed.document.getText().includes('My unsaved line.'));
    assert.doesNotMatch(fs.readFileSync(file, 'utf8'), /My unsaved line/);
    assert.match(fs.readFileSync(file, 'utf8'), /2031 annual report/);
    // Saving again is the user's choice to replace it.
    assert.equal(await ed.document.save(), true);
    assert.equal(readSidecar(HARBOUR).annotations[0]!.note, `My unsaved line.\n${LINE1}\nCompare with the 2030 annual report.`);
  });

  it('with a broken sidecar the save fails with a clear error, the note stays in the dirty tab and the sidecar is untouched', async () => {
    const a = await api();
    await closeAllEditors();
    const broken = 'version: 1\nsource: no-headline.txt\nannotations:\n  - id: abc\n    kind: quote\n    tags: [unclosed\n';
    fs.writeFileSync(sidecarOf(FERRY), broken);
    const uri = wsUri(...FERRY).toString();
    await waitFor('sidecar problem', () => a.sidecarProblem(uri));
    const article = await openArticle(...FERRY);
    putCursorIn(article, 'Passengers will notice', 3);
    await vscode.commands.executeCommand('newsAnnotator.addNote');
    const ed = await noteEditor();
    await ed.edit((b) => b.insert(new vscode.Position(0, 0), 'Check the fare tables.\nAsk Enova for the grant.'));
    assert.equal(await ed.document.save(), false, 'the save failed');
    assert.ok(ed.document.isDirty, 'the note is still unsaved in the editor');
    assert.equal(ed.document.getText(), 'Check the fare tables.\nAsk Enova for the grant.');
    assert.equal(fs.readFileSync(sidecarOf(FERRY), 'utf8'), broken, 'the broken sidecar was not touched');
    assert.equal(a.annotations(uri).length, 0);
    // The error VS Code shows names the sidecar and its line and says nothing was saved.
    await assert.rejects(
      Promise.resolve(vscode.workspace.fs.writeFile(ed.document.uri, new TextEncoder().encode('x'))),
      (err: Error) => /no-headline\.txt\.annotations\.yaml line \d+/.test(err.message) && /read-only until the sidecar is fixed/.test(err.message) && /not saved/.test(err.message),
    );
    await discardNotes();
    assert.equal(fs.readFileSync(sidecarOf(FERRY), 'utf8'), broken);
  });

  it('closing a note tab without saving writes nothing', async () => {
    await closeAllEditors();
    const article = await openArticle(...QUAY);
    const a = await api();
    const uri = article.document.uri.toString();
    // Compared with what the article had before (an earlier suite's annotation may still be settling), not with none.
    const before = a.annotations(uri).map((n) => n.id);
    const sidecarBefore = fs.existsSync(sidecarOf(QUAY)) ? fs.readFileSync(sidecarOf(QUAY), 'utf8') : undefined;
    putCursorIn(article, 'Nobody on the council has seen it', 4);
    await vscode.commands.executeCommand('newsAnnotator.addNote');
    const ed = await noteEditor();
    await ed.edit((b) => b.insert(new vscode.Position(0, 0), 'Draft that is thrown away.'));
    await discardNotes();
    assert.deepEqual(a.annotations(uri).map((n) => n.id), before, 'no annotation added');
    if (sidecarBefore === undefined) assert.ok(!fs.existsSync(sidecarOf(QUAY)), 'no sidecar created');
    else assert.equal(fs.readFileSync(sidecarOf(QUAY), 'utf8'), sidecarBefore, 'the sidecar untouched');
  });
});
