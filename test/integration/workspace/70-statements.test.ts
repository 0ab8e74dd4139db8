import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { api, closeAllEditors, openArticle, putCursorIn, waitFor, workspaceRoot, wsUri } from '../helpers';

// Reported speech and mixed quotes wherever quotations appear: highlights, hovers, trees, Tag Quote, search, and
// Correct Speaker… (the folder's speaker corrections file).
const ARTICLE = ['wire', 'harbour-deal.txt'] as const;
const REPORTED = 'the agreement would double the number of deep-water berths by 2031';
const EIDE = 'the contract had been rushed';
const MIXED = 'the city council had "no reason to fear" higher fees for local fishing boats';
const speakersFile = () => path.join(workspaceRoot(), '.news-annotator', 'speakers.yaml');
const sidecarPath = () => wsUri(...ARTICLE).fsPath + '.annotations.yaml';

async function hoverText(editor: vscode.TextEditor, offset: number): Promise<string> {
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, editor.document.positionAt(offset));
  return hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))).join('\n');
}

describe('Reported speech and mixed quotes in the editor', () => {
  after(async () => {
    await closeAllEditors();
    fs.rmSync(speakersFile(), { force: true });
    fs.rmSync(sidecarPath(), { force: true });
  });

  it('highlights reported speech apart from direct quotations, and names its kind, speaker and cue in the hover', async () => {
    const a = await api();
    const editor = await openArticle(...ARTICLE);
    const uri = editor.document.uri.toString();
    const text = editor.document.getText();
    const start = text.indexOf(REPORTED);
    // Earlier suites leave corrections behind for a moment: wait for the analysis of the plain article.
    await waitFor('the analysis without corrections', () => a.analysis(uri)?.quotes.find((q) => q.text === REPORTED)?.speaker === 'Ingrid Solberg');
    const deco = await waitFor('reported speech highlighted', () => ((a.decorations(uri)['reported'] ?? []).some(([s]) => s === start) ? a.decorations(uri) : undefined));
    assert.ok(deco['reported']!.some(([s, e]) => s === start && e === start + REPORTED.length), 'the reported clause');
    assert.ok(deco['reported']!.some(([s]) => s === text.indexOf(MIXED)), 'the reported clause of a mixed quote');
    const fragment = text.indexOf('no reason to fear');
    assert.ok((deco['quote'] ?? []).some(([s]) => s === fragment), 'its quoted words stay a direct quotation');
    assert.ok(!(deco['quote'] ?? []).some(([s]) => s === start), 'reported speech is not drawn as a quotation');
    const hover = await hoverText(editor, start + 5);
    assert.match(hover, /\*\*Ingrid Solberg\*\* — _said_ · reported speech/, hover);
    assert.match(hover, /command:newsAnnotator\.correctSpeaker\?/);
  });

  it('lists statements by speaker in the Articles view, each marked with its kind', async () => {
    const a = await api();
    await waitFor('reported statements in the tree', () => a.articlesTree(5).some((l) => l.includes(`“${REPORTED}”`) && l.includes('reported speech')));
    const tree = a.articlesTree(5);
    assert.ok(tree.some((l) => l.includes('“the city council had') && l.includes('mixed quote')), tree.join('\n'));
    // A mixed quote is one statement: its quoted fragment is not listed again.
    assert.ok(!tree.some((l) => l.trim().startsWith('“no reason to fear”')), tree.join('\n'));
  });

  it('Tag Quote on a reported statement annotates the reported clause', async () => {
    const a = await api();
    const editor = await openArticle(...ARTICLE);
    const uri = editor.document.uri.toString();
    putCursorIn(editor, 'deep-water berths', 3);
    await vscode.commands.executeCommand('newsAnnotator.tagQuote', { tags: ['x70-claim'] });
    const ann = await waitFor('annotation', () => a.annotations(uri).find((x) => x.tags.includes('x70-claim')));
    assert.equal(editor.document.getText().slice(ann.start, ann.end), REPORTED);
    assert.equal(ann.kind, 'quote');
    assert.equal(ann.speaker, 'Ingrid Solberg');
  });

  it('search finds statements by kind with said:', async () => {
    await api();
    type Item = { label: string; detail?: string };
    const reported = await vscode.commands.executeCommand<Item[]>('newsAnnotator.search', { query: 'said:reported berths', items: true });
    assert.ok(reported.some((i) => i.label.includes('deep-water berths') && /reported speech/.test(i.detail ?? '')), reported.map((i) => `${i.label} ${i.detail}`).join('\n'));
    const direct = await vscode.commands.executeCommand<Item[]>('newsAnnotator.search', { query: 'said:direct berths', items: true });
    assert.ok(!direct.some((i) => i.label.includes('deep-water berths')));
  });

  it('Correct Speaker… sets, clears and forgets a speaker, and marks a passage as not a statement, through the folder file', async () => {
    const a = await api();
    const editor = await openArticle(...ARTICLE);
    const uri = editor.document.uri.toString();
    const at = editor.document.getText().indexOf(EIDE) + 2;
    const eide = () => a.analysis(uri)?.quotes.find((q) => q.text === EIDE);
    assert.equal(eide()?.speaker, 'Magnus Eide');
    assert.equal(await vscode.commands.executeCommand('newsAnnotator.correctSpeaker', { action: 'speaker', speaker: 'Lena Haugen', uri, offset: at }), true);
    await waitFor('corrected speaker', () => eide()?.speaker === 'Lena Haugen' && eide()?.corrected);
    assert.match(fs.readFileSync(speakersFile(), 'utf8'), /speaker: Lena Haugen/);
    const hover = await hoverText(editor, at);
    assert.match(hover, /\*\*Lena Haugen\*\*.*speaker corrected/, hover);
    await vscode.commands.executeCommand('newsAnnotator.correctSpeaker', { action: 'clear', uri, offset: at });
    await waitFor('cleared', () => eide() && eide()!.speaker === null);
    await vscode.commands.executeCommand('newsAnnotator.correctSpeaker', { action: 'notAStatement', uri, offset: at });
    await waitFor('not a statement', () => a.analysis(uri) && !eide());
    // A hand comment in the file is kept through the edits; a broken file is refused and left as it is.
    fs.writeFileSync(speakersFile(), '# checked with the desk\n' + fs.readFileSync(speakersFile(), 'utf8'));
    const other = editor.document.getText().indexOf(REPORTED) + 3;
    assert.equal(await vscode.commands.executeCommand('newsAnnotator.correctSpeaker', { action: 'speaker', speaker: 'Astrid Berg', uri, offset: other }), true);
    const edited = fs.readFileSync(speakersFile(), 'utf8');
    assert.ok(edited.startsWith('# checked with the desk\n'), edited);
    assert.match(edited, /speaker: Astrid Berg/);
    fs.rmSync(speakersFile());
    await waitFor('back without corrections', () => eide()?.speaker === 'Magnus Eide');
    const broken = 'statements:\n  - text: [unclosed\n';
    fs.mkdirSync(path.dirname(speakersFile()), { recursive: true });
    fs.writeFileSync(speakersFile(), broken);
    await waitFor('broken file reported', () => a.correctionsProblems().some((p) => p.file.endsWith('speakers.yaml')));
    assert.equal(await vscode.commands.executeCommand('newsAnnotator.correctSpeaker', { action: 'speaker', speaker: 'Someone', uri, offset: at }), false);
    assert.equal(fs.readFileSync(speakersFile(), 'utf8'), broken, 'the broken file is not touched');
    assert.equal(eide()?.speaker, 'Magnus Eide', 'articles are analysed without the broken file');
    fs.rmSync(speakersFile());
  });
});
