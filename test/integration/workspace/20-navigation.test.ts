import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { api, closeAllEditors, openArticle, putCursorIn, waitFor } from '../helpers';

describe('Navigation: next/previous quote and mention, related passages, search, hovers', () => {
  after(closeAllEditors);

  it('Next Quote and Previous Quote step through the quotations and wrap around', async () => {
    const a = await api();
    const editor = await openArticle('wire', 'harbour-deal.txt');
    // statements and quotations by where they start (a mixed statement and its first quoted words start together)
    const starts = [...new Set(a.analysis(editor.document.uri.toString())!.quotes.map((q) => q.start))].sort((x, y) => x - y);
    assert.ok(starts.length >= 3);
    editor.selection = new vscode.Selection(0, 0, 0, 0);
    await vscode.commands.executeCommand('newsAnnotator.nextQuote');
    assert.equal(editor.document.offsetAt(editor.selection.start), starts[0]);
    await vscode.commands.executeCommand('newsAnnotator.nextQuote');
    assert.equal(editor.document.offsetAt(editor.selection.start), starts[1]);
    await vscode.commands.executeCommand('newsAnnotator.previousQuote');
    await vscode.commands.executeCommand('newsAnnotator.previousQuote');
    assert.equal(editor.document.offsetAt(editor.selection.start), starts[starts.length - 1], 'wrapped to the last');
  });

  it('Next Mention goes to the same person in another article', async () => {
    await api();
    const editor = await openArticle('wire', 'harbour-deal.txt');
    const first = editor.document.uri.toString();
    putCursorIn(editor, 'Magnus Eide', 2);
    const seen = new Set<string>();
    for (let i = 0; i < 4; i++) {
      await vscode.commands.executeCommand('newsAnnotator.nextMention');
      const ed = vscode.window.activeTextEditor!;
      seen.add(ed.document.uri.toString());
      assert.match(ed.document.getText(ed.selection), /Eide/);
    }
    assert.ok(seen.size >= 2, 'visited mentions in both articles');
    assert.ok(seen.has(first));
  });

  it('Go to Related Passage finds the same quotation reported by the other outlet', async () => {
    await api();
    const editor = await openArticle('wire', 'harbour-deal.txt');
    putCursorIn(editor, 'This is the largest investment', 8);
    await vscode.commands.executeCommand('newsAnnotator.goToRelated', { pick: 0 });
    const ed = await waitFor('other article', () => {
      const e = vscode.window.activeTextEditor;
      return e && e.document.uri.path.endsWith('quay-vote.txt') ? e : undefined;
    });
    assert.match(ed.document.getText(ed.selection), /largest investment in the harbour/);
  });

  it('Search finds quotes with a speaker filter and opens the result', async () => {
    await api();
    const count = await vscode.commands.executeCommand<number>('newsAnnotator.search', { query: 'speaker:Solberg investment' });
    assert.ok(count >= 2, `results: ${count}`);
    const ed = vscode.window.activeTextEditor!;
    assert.match(ed.document.getText(ed.selection), /investment/);
    // The quick pick's items: the matched word is in view and named (the typed filters keep VS Code's own
    // filter from highlighting it).
    const items = await vscode.commands.executeCommand<{ label: string; description?: string; detail?: string }[]>('newsAnnotator.search', { query: 'speaker:Solberg investment', items: true });
    assert.equal(items.length, count);
    assert.match(items[0]!.label, /investment/);
    assert.match(items[0]!.detail ?? '', /Ingrid Solberg/, 'the speaker of the quote');
    assert.match(items[0]!.detail ?? '', /matched: investment/, 'what matched');
  });

  it('hovers on a quote (speaker, related) and on a name (type, mentions across the corpus)', async () => {
    await api();
    const editor = await openArticle('wire', 'harbour-deal.txt');
    const text = editor.document.getText();
    const hoverAt = async (needle: string, delta: number) => {
      const pos = editor.document.positionAt(text.indexOf(needle) + delta);
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, pos);
      return hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))).join('\n');
    };
    const onQuote = await waitFor('quote hover with related', async () => {
      const h = await hoverAt('It secures jobs', 4);
      return /Ingrid Solberg/.test(h) ? h : undefined;
    });
    assert.match(onQuote, /said/);
    const onName = await hoverAt('Magnus Eide told', 2);
    assert.match(onName, /Magnus Eide/);
    assert.match(onName, /person/);
    assert.match(onName, /2 articles of the workspace/);
  });

  it('highlight settings apply live', async () => {
    const a = await api();
    const editor = await openArticle('wire', 'harbour-deal.txt');
    const uri = editor.document.uri.toString();
    await waitFor('quotes drawn', () => (a.decorations(uri)['quote'] ?? []).length > 0);
    const c = vscode.workspace.getConfiguration('newsAnnotator');
    await c.update('highlights.quotes', false, vscode.ConfigurationTarget.Global);
    try {
      await waitFor('quotes hidden', () => (a.decorations(uri)['quote'] ?? []).length === 0);
      assert.ok((a.decorations(uri)['person'] ?? []).length > 0, 'people still highlighted');
    } finally {
      await c.update('highlights.quotes', undefined, vscode.ConfigurationTarget.Global);
    }
    await waitFor('quotes back', () => (a.decorations(uri)['quote'] ?? []).length > 0);
  });
});
