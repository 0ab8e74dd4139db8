import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { api, closeAllEditors, openArticle, putCursorIn, waitFor, workspaceRoot, wsUri } from '../helpers';

// The reading room: articles read like articles (wrapped, no code-editor noise), the user's own words first in a
// hover, what changed under a fuzzy annotation, one analysis for every surface.
const ARTICLE = ['wire', 'harbour-deal.txt'] as const;
const QUOTE = 'This is the largest investment in the harbour since the war';
const NOTE = 'Ask the authority for the investment figures.';
const sidecarPath = () => wsUri(...ARTICLE).fsPath + '.annotations.yaml';
const correctionsFile = () => path.join(workspaceRoot(), '.news-annotator', 'entities.yaml');

function sidecar(exact: string): string {
  const text = fs.readFileSync(wsUri(...ARTICLE).fsPath, 'utf8');
  const start = text.indexOf(QUOTE);
  return [
    'version: 1',
    'source: harbour-deal.txt',
    'annotations:',
    '  - id: x60read1',
    '    kind: quote',
    '    tags: [x60-check]',
    `    note: ${JSON.stringify(NOTE)}`,
    '    target:',
    `      exact: ${exact}`,
    `      start: ${start}`,
    `      end: ${start + exact.length}`,
    '    created: 2026-12-01T09:00:00.000Z',
    '',
  ].join('\n');
}

async function hoverText(editor: vscode.TextEditor, offset: number): Promise<string[]> {
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, editor.document.positionAt(offset));
  return hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : '')));
}

describe('Reading room: news read as news', () => {
  after(async () => {
    await closeAllEditors();
    fs.rmSync(sidecarPath(), { force: true });
    fs.rmSync(path.dirname(correctionsFile()), { recursive: true, force: true });
  });

  it('opens articles with reading defaults: wrapped at the viewport, no Unicode boxes, no word suggestions', async () => {
    const editor = await openArticle(...ARTICLE);
    await waitFor('news language', () => editor.document.languageId === 'news' || vscode.window.activeTextEditor?.document.languageId === 'news');
    const doc = vscode.window.activeTextEditor!.document;
    const ed = vscode.workspace.getConfiguration('editor', { languageId: 'news', uri: doc.uri });
    assert.equal(ed.get('wordWrap'), 'on');
    assert.equal(ed.get('unicodeHighlight.ambiguousCharacters'), false);
    assert.equal(ed.get('unicodeHighlight.invisibleCharacters'), false);
    assert.equal(ed.get('unicodeHighlight.nonBasicASCII'), false);
    assert.equal(ed.get('wordBasedSuggestions'), 'off');
    assert.ok((ed.get<number>('lineHeight') ?? 0) > 1, 'a comfortable line height');
    // Only for news articles: other text files keep the user's editor settings.
    assert.equal(vscode.workspace.getConfiguration('editor', { languageId: 'plaintext' }).get('wordWrap'), 'off');
    // (VS Code has no API for visual lines; the README's screenshots show the wrapped paragraphs.)
  });

  it('puts the note and tags before the machine information in a quote hover', async () => {
    const a = await api();
    fs.writeFileSync(sidecarPath(), sidecar(QUOTE));
    const editor = await openArticle(...ARTICLE);
    const uri = editor.document.uri.toString();
    await waitFor('annotation loaded', () => a.annotations(uri).some((x) => x.id === 'x60read1'));
    const at = putCursorIn(editor, QUOTE, 5);
    const parts = await hoverText(editor, at);
    const all = parts.join('\n---\n');
    const note = all.indexOf(NOTE);
    const tags = all.indexOf('#x60-check');
    const speaker = all.indexOf('$(quote)');
    assert.ok(note >= 0 && tags >= 0 && speaker >= 0, all);
    assert.ok(note < tags && tags < speaker, `note (${note}) before tags (${tags}) before the speaker (${speaker}):\n${all}`);
    assert.equal(parts[0], NOTE, 'the note is the first section');
  });

  it('shows what changed under a fuzzy annotation, in the hover and as a diff', async () => {
    const a = await api();
    const stored = 'This is the biggest investment in the harbour since the war';
    fs.writeFileSync(sidecarPath(), sidecar(stored));
    const editor = await openArticle(...ARTICLE);
    const uri = editor.document.uri.toString();
    const fuzzy = await waitFor('fuzzy re-attachment', () => a.annotations(uri).find((x) => x.id === 'x60read1' && x.status === 'fuzzy'));
    assert.equal(editor.document.getText().slice(fuzzy.start, fuzzy.end), QUOTE);
    const all = (await hoverText(editor, fuzzy.start + 3)).join('\n');
    assert.match(all, /Changed since annotated \(1 word out, 1 in\): This is the ~~biggest~~ \*\*largest\*\* investment/);
    assert.match(all, /command:newsAnnotator\.showAnnotationChange\?/);
    await vscode.commands.executeCommand('newsAnnotator.showAnnotationChange', { uri, id: 'x60read1' });
    const diff = await waitFor('the diff editor', () => vscode.window.visibleTextEditors.filter((e) => e.document.uri.scheme === 'news-annotator-change'));
    const texts = diff.map((e) => e.document.getText().trim()).sort();
    assert.deepEqual(texts, [QUOTE, stored].sort(), 'the stored quote against the text it sits on now');
    await closeAllEditors();
  });

  it('tells in the note tab how it saves', async () => {
    const a = await api();
    fs.rmSync(sidecarPath(), { force: true });
    const editor = await openArticle(...ARTICLE);
    // the earlier tests' annotation on this quote must be gone first, or the note opens on what was just deleted
    await waitFor('the removed sidecar seen', () => a.annotations(editor.document.uri.toString()).length === 0);
    putCursorIn(editor, QUOTE, 5);
    await vscode.commands.executeCommand('newsAnnotator.editNote');
    await waitFor('note tab', () => vscode.window.activeTextEditor?.document.uri.scheme === 'news-annotator-note');
    const hint = await waitFor('save hint', () => a.noteSaveHint());
    assert.equal(hint, 'Save (Ctrl+S / ⌘S) writes this note into harbour-deal.txt.annotations.yaml');
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('finds words that are only in the body of an article, and takes a misspelt speaker: value', async () => {
    await api();
    type Item = { label: string; description?: string; detail?: string };
    const items = await vscode.commands.executeCommand<Item[]>('newsAnnotator.search', { query: 'berth agreement', items: true });
    const body = items.find((i) => i.label.startsWith('$(whitespace)'));
    assert.ok(body, items.map((i) => i.label).join('\n'));
    assert.match(body.label, /berth agreement/);
    await vscode.commands.executeCommand('newsAnnotator.search', { query: 'berth agreement', pick: items.indexOf(body) });
    const ed = vscode.window.activeTextEditor!;
    assert.ok(ed.document.uri.path.endsWith('/wire/harbour-deal.txt'));
    assert.match(ed.document.getText(ed.selection), /berth agreement/, 'opened at the sentence');
    const exact = await vscode.commands.executeCommand<Item[]>('newsAnnotator.search', { query: 'speaker:Solberg', items: true });
    const typo = await vscode.commands.executeCommand<Item[]>('newsAnnotator.search', { query: 'speaker:Solbert', items: true });
    assert.ok(exact.length > 0);
    assert.deepEqual(typo, exact, 'speaker:Solbert finds what speaker:Solberg finds');
  });

  it('shows the same speaker in the Outline as in the hover and the highlights, with the folder corrections, while editing', async () => {
    const a = await api();
    fs.mkdirSync(path.dirname(correctionsFile()), { recursive: true });
    fs.writeFileSync(correctionsFile(), ['entities:', '  - name: Ingrid M. Solberg', '    type: person', '    aliases: [Ingrid Solberg]', ''].join('\n'));
    const editor = await openArticle(...ARTICLE);
    const uri = editor.document.uri.toString();
    await waitFor('correction applied', () => a.analysis(uri)?.entities.some((e) => e.name === 'Ingrid M. Solberg'));
    // An unsaved edit: the Outline must not fall back to an analysis of its own (without the corrections).
    await editor.edit((b) => b.insert(editor.document.lineAt(editor.document.lineCount - 1).range.end, ' More to follow.'));
    const symbols = await waitFor('outline', async () => {
      const s = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', editor.document.uri);
      const quotes = s?.flatMap((x) => [x, ...x.children]).find((x) => x.name === 'Statements');
      return quotes && quotes.children.length > 0 ? quotes.children.map((c) => c.name) : undefined;
    });
    assert.ok(symbols.includes('Ingrid M. Solberg'), symbols.join(', '));
    assert.ok(!symbols.includes('Ingrid Solberg'), symbols.join(', '));
    const at = putCursorIn(editor, QUOTE, 5);
    const hover = (await hoverText(editor, at)).join('\n');
    assert.match(hover, /\$\(quote\) \*\*Ingrid M\\?\. Solberg\*\*/, hover);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });
});
