import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { api, closeAllEditors, openArticle, waitFor, wsUri } from '../helpers';

// A hover's command links act on the place hovered, not on wherever the cursor happens to be.
const QUAY = ['papers', 'quay-vote.txt'] as const;
const sidecar = () => wsUri(...QUAY).fsPath + '.annotations.yaml';

/** The command links of the hover at `offset`: command id → its first argument. */
async function hoverLinks(editor: vscode.TextEditor, offset: number): Promise<Map<string, Record<string, unknown>>> {
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, editor.document.positionAt(offset));
  const md = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))).join('\n');
  const links = new Map<string, Record<string, unknown>>();
  for (const m of md.matchAll(/\(command:(newsAnnotator\.\w+)\?([^)\s]+)\)/g)) {
    const args = JSON.parse(decodeURIComponent(m[2]!)) as unknown[];
    links.set(m[1]!, args[0] as Record<string, unknown>);
  }
  return links;
}

describe('Hover links act on the hovered quote', () => {
  let previous: string | undefined;
  before(async () => {
    await api();
    previous = fs.existsSync(sidecar()) ? fs.readFileSync(sidecar(), 'utf8') : undefined;
  });
  after(async () => {
    if (previous === undefined) fs.rmSync(sidecar(), { force: true });
    else fs.writeFileSync(sidecar(), previous);
    await closeAllEditors();
  });

  it('Tag this quote from a hover tags that quote with the cursor elsewhere', async () => {
    const a = await api();
    const editor = await openArticle(...QUAY);
    const uri = editor.document.uri.toString();
    const quote = a.analysis(uri)!.quotes.find((q) => !a.annotations(uri).some((n) => n.start === q.start))!;
    assert.ok(quote, 'a quote without an annotation');
    const links = await waitFor('hover links', async () => {
      const l = await hoverLinks(editor, quote.start + 3);
      return l.has('newsAnnotator.tagQuote') ? l : undefined;
    });
    const tagLink = links.get('newsAnnotator.tagQuote')!;
    assert.equal(tagLink['uri'], uri);
    assert.equal(tagLink['offset'], quote.start);
    // The cursor is somewhere else entirely: the start of the article.
    editor.selection = new vscode.Selection(0, 0, 0, 0);
    await vscode.commands.executeCommand('newsAnnotator.tagQuote', { ...tagLink, tags: ['from-hover'] });
    const ann = await waitFor('the annotation on the hovered quote', () => a.annotations(uri).find((n) => n.tags.includes('from-hover')));
    assert.equal(ann.start, quote.start);
    assert.equal(ann.end, quote.end);
    assert.ok(links.get('newsAnnotator.addNote'), 'Add a note carries the same place');
  });
});
