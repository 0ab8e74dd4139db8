import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import type { NewsAnnotatorApi } from '../../../src/extension/api';
import { api, closeAllEditors, openArticle, putCursorIn, waitFor, wsUri } from '../helpers';

const HARBOUR_HEADLINE = 'Harbour authority signs dredging deal with Nordmark Shipping';
const QUAY_HEADLINE = 'Council to vote on quay contract as critics demand study';

/** What SurfacesApi adds for the badge and the status bar, when extension.ts passes it through the API. */
interface SurfacesExtras {
  fileBadge?(uri: string): { badge: string; tooltip: string; orphaned: number } | undefined;
  statusBar?(): { visible: boolean; text: string; tooltip: string; warning: boolean };
}

function extras(a: NewsAnnotatorApi): SurfacesExtras {
  return a as unknown as SurfacesExtras;
}

function flatten(symbols: readonly vscode.DocumentSymbol[], path: string[] = []): { path: string[]; symbol: vscode.DocumentSymbol }[] {
  return symbols.flatMap((s) => [{ path: [...path, s.name], symbol: s }, ...flatten(s.children, [...path, s.name])]);
}

describe('Surfaces: Entities and Tags views, Outline, workspace symbols, references, badges, status bar', () => {
  after(closeAllEditors);

  it('Entities view: people, organisations and places with counts → entity → articles → mentions', async () => {
    const a = await api();
    const top = a.entitiesTree(1);
    assert.ok(top.some((l) => /^People — \d+$/.test(l)), top.join('\n'));
    assert.ok(top.some((l) => /^Organisations — \d+$/.test(l)), top.join('\n'));
    assert.ok(top.some((l) => /^Places — \d+$/.test(l)), top.join('\n'));
    assert.equal(top[0]?.startsWith('People'), true, 'People first');

    const two = a.entitiesTree(2);
    const people = two.slice(0, two.findIndex((l, i) => i > 0 && !l.startsWith('  ')));
    assert.ok(people.includes('  Ingrid Solberg — 2 articles · 3 mentions'), people.join('\n'));
    assert.ok(people.some((l) => /^ {2}Magnus Eide — 2 articles · \d+ mentions$/.test(l)), people.join('\n'));
    assert.ok(people.some((l) => /^ {2}Tor Berge — 1 article · 1 mention$/.test(l)), people.join('\n'));
    // Most widely mentioned first: entities in two articles come before those in one.
    const order = people.slice(1).map((l) => Number(/— (\d+) articles?/.exec(l)?.[1]));
    assert.deepEqual(order, [...order].sort((x, y) => y - x), people.join('\n'));

    const four = a.entitiesTree(4);
    const at = four.indexOf('  Ingrid Solberg — 2 articles · 3 mentions');
    const under = four.slice(at + 1, four.findIndex((l, i) => i > at && /^ {0,2}\S/.test(l)));
    assert.deepEqual(
      under.filter((l) => /^ {4}\S/.test(l)).map((l) => l.trim()).sort(),
      [`${HARBOUR_HEADLINE} — 2 mentions`, `${QUAY_HEADLINE} — 1 mention`].sort(),
      under.join('\n'),
    );
    const mentions = under.filter((l) => /^ {6}\S/.test(l));
    assert.equal(mentions.length, 3, under.join('\n'));
    assert.ok(mentions.every((l) => /Solberg/.test(l) && /— line \d+$/.test(l)), mentions.join('\n'));
    assert.ok(mentions.some((l) => l.includes('said Ingrid Solberg, the authority')), mentions.join('\n'));
  });

  it('Outline: headline, then Statements by speaker, Entities by type, with ranges on the text', async () => {
    await api();
    const uri = wsUri('wire', 'harbour-deal.txt');
    const doc = await vscode.workspace.openTextDocument(uri);
    const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', uri);
    assert.ok(symbols && symbols.length >= 3, JSON.stringify(symbols));
    // In this order (Outline sorts by position: the groups all span the body, after the headline).
    assert.deepEqual(
      symbols.map((s) => s.name),
      [HARBOUR_HEADLINE, 'Statements', 'Entities'],
    );
    assert.equal(doc.getText(symbols[0]!.selectionRange), HARBOUR_HEADLINE);
    assert.equal(symbols[0]!.kind, vscode.SymbolKind.File);

    const all = flatten(symbols);
    const solbergQuotes = all.filter((x) => x.path[0] === 'Statements' && x.path[1] === 'Ingrid Solberg' && x.path.length === 3);
    assert.ok(solbergQuotes.length >= 2, all.map((x) => x.path.join(' › ')).join('\n'));
    for (const q of solbergQuotes) {
      assert.equal(`“${doc.getText(q.symbol.range)}”`.startsWith(q.symbol.name.replace(/…”$/, '')), true, q.symbol.name);
      assert.equal(q.symbol.kind, vscode.SymbolKind.String);
    }
    assert.ok(solbergQuotes.some((q) => doc.getText(q.symbol.range).startsWith('This is the largest investment')));

    const people = all.find((x) => x.path.join('/') === 'Entities/People');
    assert.ok(people, all.map((x) => x.path.join(' › ')).join('\n'));
    const solberg = people.symbol.children.find((c) => c.name === 'Ingrid Solberg');
    assert.ok(solberg, people.symbol.children.map((c) => c.name).join(', '));
    assert.equal(doc.getText(solberg.selectionRange), 'Ingrid Solberg');
    assert.equal(solberg.kind, vscode.SymbolKind.Object);
    const places = all.find((x) => x.path.join('/') === 'Entities/Places');
    assert.ok(places?.symbol.children.some((c) => c.kind === vscode.SymbolKind.Namespace));
    // Every symbol's selection range lies in its range, and every child in its parent.
    for (const x of all) {
      assert.ok(x.symbol.range.contains(x.symbol.selectionRange), x.path.join(' › '));
      for (const c of x.symbol.children) assert.ok(x.symbol.range.contains(c.range), `${x.path.join(' › ')} › ${c.name}`);
    }
  });

  it('Outline of an article without a headline starts with its derived title; non-articles get none', async () => {
    await api();
    const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', wsUri('papers', 'no-headline.txt'));
    assert.ok(symbols?.[0]?.name.startsWith('The ferry between Stavanger and Tau'), JSON.stringify(symbols?.map((s) => s.name)));
    assert.equal(symbols[0]!.detail, 'no headline');
    assert.ok(flatten(symbols).some((x) => x.path.join('/') === 'Statements/Tor Berge'));
    const readme = await vscode.commands.executeCommand<vscode.DocumentSymbol[] | undefined>('vscode.executeDocumentSymbolProvider', wsUri('README.txt'));
    assert.equal(readme?.length ?? 0, 0, JSON.stringify(readme));
  });

  it('Outline follows edits to the open article', async () => {
    await api();
    const editor = await openArticle('papers', 'no-headline.txt');
    try {
      const end = editor.document.positionAt(editor.document.getText().length);
      await editor.edit((e) => e.insert(end, '\n\n"We are proud of the crews," said Ingrid Solberg.\n'));
      const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', editor.document.uri);
      const solberg = flatten(symbols).find((x) => x.path.join('/') === 'Statements/Ingrid Solberg');
      assert.ok(solberg, flatten(symbols).map((x) => x.path.join(' › ')).join('\n'));
      assert.equal(editor.document.getText(solberg.symbol.children[0]!.range), 'We are proud of the crews,');
      // The Entities view sees the edited article too.
      const a = await api();
      await waitFor('Ingrid Solberg in 3 articles', () => a.entitiesTree(2).some((l) => l.startsWith('  Ingrid Solberg — 3 articles')));
    } finally {
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
    // The outline of the reverted text (which also brings the analysis back in step).
    const reverted = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', editor.document.uri);
    assert.ok(!flatten(reverted).some((x) => x.path.join('/') === 'Statements/Ingrid Solberg'));
    await closeAllEditors();
    const a = await api();
    await waitFor('Ingrid Solberg back in 2 articles', () => a.entitiesTree(2).includes('  Ingrid Solberg — 2 articles · 3 mentions'));
  });

  it('Go to Symbol in Workspace: entities and speakers at their first mention, filtered by the query', async () => {
    await api();
    const found = await vscode.commands.executeCommand<vscode.SymbolInformation[]>('vscode.executeWorkspaceSymbolProvider', 'solberg');
    const entity = found.find((s) => s.name === 'Ingrid Solberg' && s.kind === vscode.SymbolKind.Object);
    const speaker = found.find((s) => s.name === 'Ingrid Solberg' && s.kind === vscode.SymbolKind.String);
    assert.ok(entity, JSON.stringify(found.map((s) => [s.name, s.kind, s.containerName])));
    assert.ok(speaker, JSON.stringify(found.map((s) => [s.name, s.kind, s.containerName])));
    assert.match(entity.containerName, /^People · 2 articles$/);
    assert.match(speaker.containerName, /^Speaker · \d+ statements in 2 articles$/);
    for (const s of [entity, speaker]) {
      const doc = await vscode.workspace.openTextDocument(s.location.uri);
      const text = doc.getText(s.location.range);
      assert.ok(s === entity ? text === 'Ingrid Solberg' || text === 'Solberg' : text.length > 10, `${s.name}: "${text}"`);
    }
    assert.ok(!found.some((s) => s.name === 'Tor Berge'), 'filtered by the query');
    // Case-insensitive subsequence.
    const sub = await vscode.commands.executeCommand<vscode.SymbolInformation[]>('vscode.executeWorkspaceSymbolProvider', 'BHA');
    assert.ok(sub.some((s) => s.name === 'Bergen Harbour Authority' && s.kind === vscode.SymbolKind.Class), JSON.stringify(sub.map((s) => s.name)));
    const place = await vscode.commands.executeCommand<vscode.SymbolInformation[]>('vscode.executeWorkspaceSymbolProvider', 'askøy');
    assert.ok(place.some((s) => s.name === 'Askøy' && s.kind === vscode.SymbolKind.Namespace), JSON.stringify(place.map((s) => s.name)));
  });

  it('Find All References on an entity: every mention across the corpus', async () => {
    await api();
    const editor = await openArticle('wire', 'harbour-deal.txt');
    putCursorIn(editor, 'Solberg said the agreement', 3);
    const refs = await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', editor.document.uri, editor.selection.active);
    assert.ok(refs, 'references');
    const files = [...new Set(refs.map((r) => r.uri.path.slice(r.uri.path.lastIndexOf('/') + 1)))].sort();
    assert.deepEqual(files, ['harbour-deal.txt', 'quay-vote.txt']);
    assert.equal(refs.length, 3, JSON.stringify(refs));
    for (const r of refs) {
      const doc = await vscode.workspace.openTextDocument(r.uri);
      assert.match(doc.getText(r.range), /^(Ingrid )?Solberg$/);
    }
    // Not on a mention: no references from us.
    putCursorIn(editor, 'dredging and berth', 2);
    const none = await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', editor.document.uri, editor.selection.active);
    assert.equal(none?.length ?? 0, 0);
  });

  describe('with annotations in a sidecar', () => {
    // quay-vote.txt: the annotating tests use harbour-deal.txt.
    const sidecar = () => wsUri('papers', 'quay-vote.txt.annotations.yaml');
    const article = () => wsUri('papers', 'quay-vote.txt').toString();

    before(async () => {
      const a = await api();
      const yaml = [
        'version: 1',
        'source: quay-vote.txt',
        'annotations:',
        '  - id: a1surf01',
        '    kind: quote',
        '    speaker: Ingrid Solberg',
        '    tags: [claim, investment]',
        '    target:',
        '      exact: This is the largest investment in the harbour since the war',
        '      start: 366',
        '      end: 425',
        '  - id: a2surf02',
        '    kind: quote',
        '    tags: [claim]',
        '    note: Check against the council minutes.',
        '    target:',
        '      exact: Nobody on the council has seen it',
        '      start: 591',
        '      end: 624',
        '  - id: a3surf03',
        '    kind: passage',
        '    tags: [claim]',
        '    target:',
        '      exact: The harbour will be closed to cruise ships from next year',
        '      start: 100',
        '      end: 158',
        '',
      ].join('\n');
      await vscode.workspace.fs.writeFile(sidecar(), new TextEncoder().encode(yaml));
      await waitFor('the sidecar loaded', () => a.annotations(article()).length === 3);
    });

    after(async () => {
      const a = await api();
      await vscode.workspace.fs.delete(sidecar());
      await waitFor('the sidecar gone', () => a.annotations(article()).length === 0);
      await closeAllEditors();
    });

    it('Tags view: tags most used first → the annotations carrying them', async () => {
      const a = await api();
      await waitFor('tags in the Tags view', () => a.tagsTree(1).length === 2);
      assert.deepEqual(a.tagsTree(1), ['claim — 3', 'investment — 1']);
      const tree = a.tagsTree(2);
      assert.equal(tree[0], 'claim — 3');
      assert.equal(tree.filter((l) => l.startsWith(`  ${QUAY_HEADLINE} — `)).length, 4, tree.join('\n'));
      assert.ok(tree.includes(`  ${QUAY_HEADLINE} — “This is the largest investment in the harbour sin…”`), tree.join('\n'));
      assert.ok(tree.some((l) => l.includes('Check against the council minutes.')), tree.join('\n'));
      assert.ok(tree.some((l) => l.endsWith('· orphaned')), tree.join('\n'));
    });

    it('Outline lists the annotations', async () => {
      const uri = wsUri('papers', 'quay-vote.txt');
      const doc = await vscode.workspace.openTextDocument(uri);
      // Outline asks again when annotations change (VS Code caches an outline per document version).
      const annotations = await waitFor('Annotations in the outline', async () => {
        const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', uri);
        return symbols.find((s) => s.name === 'Annotations');
      }, 5000);
      assert.equal(annotations.children.length, 3);
      const first = annotations.children.find((c) => c.name === '#claim #investment');
      assert.ok(first, annotations.children.map((c) => c.name).join(', '));
      assert.equal(doc.getText(first.range), 'This is the largest investment in the harbour since the war');
      assert.ok(annotations.children.some((c) => c.detail.endsWith('(orphaned)')));
    });

    it('explorer badge and status bar show the annotations and the orphan', async function () {
      const a = await api();
      const x = extras(a);
      if (!x.fileBadge || !x.statusBar) {
        // extension.ts does not pass SurfacesApi.fileBadge/statusBar through the extension API yet.
        this.skip();
      }
      const fileBadge = x.fileBadge.bind(x);
      const statusBar = x.statusBar.bind(x);
      assert.deepEqual(fileBadge(article()), { badge: '3', tooltip: '3 annotations (1 orphaned)', orphaned: 1 });
      assert.equal(fileBadge(wsUri('papers', 'no-headline.txt').toString()), undefined);

      await openArticle('papers', 'quay-vote.txt');
      await waitFor('status bar for the article', () => statusBar().visible && statusBar().text === '$(tag) 3 annotations · 1 orphaned');
      assert.equal(statusBar().warning, true);
      await openArticle('papers', 'no-headline.txt');
      await waitFor('status bar for an article without annotations', () => statusBar().text === '$(tag) No annotations');
      assert.equal(statusBar().warning, false);
      await openArticle('README.txt');
      await waitFor('status bar hidden for a non-article', () => !statusBar().visible);
    });
  });
});
