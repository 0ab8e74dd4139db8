import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import YAML from 'yaml';
import { api, closeAllEditors, openArticle, putCursorIn, waitFor, wsUri } from '../helpers';

const ARTICLE = ['papers', 'quay-vote.txt'] as const;
const QUOTE = 'Nobody on the council has seen it';
const sidecarPath = () => wsUri(...ARTICLE).fsPath + '.annotations.yaml';

describe('Anchoring: annotations follow the text', () => {
  let original = '';
  before(async () => {
    await api();
    original = fs.readFileSync(wsUri(...ARTICLE).fsPath, 'utf8');
  });
  after(async () => {
    await closeAllEditors();
    fs.writeFileSync(wsUri(...ARTICLE).fsPath, original);
    if (fs.existsSync(sidecarPath())) fs.unlinkSync(sidecarPath());
  });

  it('moves with edits made in the editor, and saving the article saves the new offsets', async () => {
    const a = await api();
    const editor = await openArticle(...ARTICLE);
    const uri = editor.document.uri.toString();
    putCursorIn(editor, QUOTE, 4);
    await vscode.commands.executeCommand('newsAnnotator.tagQuote', { tags: ['accountability'] });
    const before = a.annotations(uri)[0]!;
    const inserted = 'UPDATED 6 March: this story has been corrected.\n\n';
    await editor.edit((b) => b.insert(new vscode.Position(0, 0), inserted));
    const after = await waitFor('annotation moved', () => {
      const x = a.annotations(uri)[0];
      return x && x.start === before.start + inserted.length ? x : undefined;
    });
    assert.ok(editor.document.getText().slice(after.start, after.end).startsWith(QUOTE));
    // The highlight moved too.
    await waitFor('decoration moved', () => (a.decorations(uri)['annotation'] ?? []).some(([s]) => s === after.start));
    await editor.document.save();
    await waitFor('offsets saved', () => {
      const y = YAML.parse(fs.readFileSync(sidecarPath(), 'utf8')) as { annotations: { target: { start: number } }[] };
      return y.annotations[0]!.target.start === after.start;
    });
  });

  it('re-attaches when the article changes on disk (moved), and marks it fuzzy when its words changed', async () => {
    const a = await api();
    await closeAllEditors();
    const uri = wsUri(...ARTICLE).toString();
    const file = wsUri(...ARTICLE).fsPath;
    // Another tool rewrites the file: a paragraph added before, the quote untouched.
    const text = fs.readFileSync(file, 'utf8');
    fs.writeFileSync(file, 'Correction appended by the desk.\n\n' + text);
    const moved = await waitFor('moved', () =>
      a.annotations(uri).find((x) => x.status === 'moved' && fs.readFileSync(file, 'utf8').slice(x.start, x.end).startsWith(QUOTE)),
    );
    assert.equal(moved.start, text.indexOf(QUOTE) + 'Correction appended by the desk.\n\n'.length);
    // Now the quote's own words change a little.
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace(QUOTE, 'Nobody on the city council has seen it'));
    const fuzzy = await waitFor('fuzzy', () => a.annotations(uri).find((x) => x.status === 'fuzzy'));
    assert.ok(fuzzy.similarity! > 0.7 && fuzzy.similarity! < 1, String(fuzzy.similarity));
    // And when it is gone, it is orphaned, never deleted.
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace(/Magnus Eide[\s\S]*?\n\n/, ''));
    const orphan = await waitFor('orphaned', () => a.annotations(uri).find((x) => x.status === 'orphaned'));
    assert.deepEqual([...orphan.tags], ['accountability']);
    assert.match(fs.readFileSync(sidecarPath(), 'utf8'), /accountability/, 'the orphan stays in the sidecar');
    assert.match(a.articlesTree(3).join('\n'), /orphaned/);
  });

  it('Re-attach Annotation puts an orphan on the selected text', async () => {
    const a = await api();
    const editor = await openArticle(...ARTICLE);
    const uri = editor.document.uri.toString();
    // The file changed on disk three times in the last test: on a busy machine the last of those events may still
    // be on its way, so wait for the state it ends in rather than read it once.
    const orphan = await waitFor('the orphan of the last test', () => a.annotations(uri).find((x) => x.status === 'orphaned'));
    const text = editor.document.getText();
    const i = text.indexOf('defended the agreement');
    assert.ok(i >= 0);
    editor.selection = new vscode.Selection(editor.document.positionAt(i), editor.document.positionAt(i + 'defended the agreement'.length));
    await vscode.commands.executeCommand('newsAnnotator.reattachAnnotation', { id: orphan.id });
    const re = a.annotations(uri).find((x) => x.id === orphan.id)!;
    assert.equal(re.status, 'anchored');
    assert.equal(text.slice(re.start, re.end), 'defended the agreement');
  });
});

describe('A broken sidecar is never overwritten', () => {
  const file = () => wsUri('papers', 'no-headline.txt').fsPath + '.annotations.yaml';
  const broken = 'version: 1\nsource: no-headline.txt\nannotations:\n  - id: abc\n    kind: quote\n    tags: [unclosed\n';
  after(async () => {
    await closeAllEditors();
    if (fs.existsSync(file())) fs.unlinkSync(file());
  });

  it('reports the file and line, keeps the article readable with its highlights, and refuses to write', async () => {
    const a = await api();
    fs.writeFileSync(file(), broken);
    const uri = wsUri('papers', 'no-headline.txt').toString();
    const problem = await waitFor('sidecar problem', () => a.sidecarProblem(uri));
    assert.ok(problem.line && problem.line >= 5, `line ${problem.line}`);
    assert.ok(problem.sidecarUri.endsWith('no-headline.txt.annotations.yaml'));
    const editor = await openArticle('papers', 'no-headline.txt');
    assert.ok((a.analysis(uri)?.quotes.length ?? 0) >= 1, 'machine analysis still there');
    await waitFor('quote highlights', () => (a.decorations(uri)['quote'] ?? []).length > 0);
    putCursorIn(editor, 'Passengers will notice', 3);
    await vscode.commands.executeCommand('newsAnnotator.tagQuote', { tags: ['transport'] });
    assert.equal(fs.readFileSync(file(), 'utf8'), broken, 'the broken sidecar was not touched');
    assert.equal(a.annotations(uri).length, 0);
  });
});
