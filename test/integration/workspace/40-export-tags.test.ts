import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { parseSidecar } from '../../../src/core/annotations/yaml';
import type { RenameOutcome } from '../../../src/core/annotations/renameTag';
import { Commands } from '../../../src/extension/constants';
import type { ExportResult } from '../../../src/extension/features/exportCommands';
import { api, closeAllEditors, waitFor, wsUri } from '../helpers';

const QUAY = ['papers', 'quay-vote.txt'];
const FERRY = ['papers', 'no-headline.txt'];
const QUAY_HEADLINE = 'Council to vote on quay contract as critics demand study';
const NOTE = 'Check the "budget", twice,\nthen ask the harbour office.';

const QUAY_SIDECAR = [
  'version: 1',
  'source: quay-vote.txt',
  'annotations:',
  '  - id: x40quay1',
  '    kind: quote',
  '    speaker: Ingrid Solberg',
  '    tags: [x40-claim, x40-money]',
  `    note: ${JSON.stringify(NOTE)}`,
  '    target:',
  '      exact: This is the largest investment in the harbour since the war',
  '      start: 366',
  '      end: 425',
  '  - id: x40quay2',
  '    kind: quote',
  '    tags: [x40-claim]',
  '    target:',
  '      exact: Nobody on the council has seen it',
  '      start: 591',
  '      end: 624',
  '  - id: x40quay3',
  '    kind: passage',
  '    tags: [x40-claim]',
  '    target:',
  '      exact: A sentence that was cut from the article before it was published',
  '      start: 100',
  '      end: 165',
  '',
].join('\n');

const FERRY_SIDECAR = [
  'version: 1',
  'source: no-headline.txt',
  'tags: [x40-claims]',
  'annotations:',
  '  - id: x40fer01',
  '    kind: quote',
  '    tags: [x40-claims, x40-claim]',
  '    target:',
  '      exact: Passengers will notice the silence first',
  '      start: 0',
  '      end: 40',
  '  - id: x40fer02',
  '    kind: quote',
  '    tags: [x40-fares, x40-claims]',
  '    target:',
  '      exact: Then they will notice the fares did not go up',
  '      start: 0',
  '      end: 46',
  '',
].join('\n');

/** RFC 4180 records (fields may hold commas, doubled quotes and line breaks). */
function parseCsv(s: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (quoted) {
      if (c === '"' && s[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && s[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += c;
  }
  assert.equal(field + row.join(''), '', 'the last record ends with CRLF');
  return rows;
}

function csvObjects(s: string): Record<string, string>[] {
  const [head, ...rows] = parseCsv(s);
  return rows.map((r) => Object.fromEntries(head!.map((h, i) => [h, r[i] ?? ''])));
}

const sidecarPath = (parts: readonly string[]) => wsUri(...parts).fsPath + '.annotations.yaml';
const readSidecar = (parts: readonly string[]) => parseSidecar(fs.readFileSync(sidecarPath(parts), 'utf8'), sidecarPath(parts)).data;

describe('Export Annotations and Rename Tag', () => {
  let out: string;

  before(async () => {
    const a = await api();
    out = fs.mkdtempSync(path.join(os.tmpdir(), 'na-it-export-'));
    fs.writeFileSync(sidecarPath(QUAY), QUAY_SIDECAR);
    fs.writeFileSync(sidecarPath(FERRY), FERRY_SIDECAR);
    await waitFor('the sidecars loaded', () => a.annotations(wsUri(...QUAY).toString()).length === 3 && a.annotations(wsUri(...FERRY).toString()).length === 2);
  });

  after(async () => {
    const a = await api();
    for (const p of [QUAY, FERRY]) fs.rmSync(sidecarPath(p), { force: true });
    fs.rmSync(out, { recursive: true, force: true });
    await waitFor('the sidecars gone', () => a.annotations(wsUri(...QUAY).toString()).length === 0 && a.annotations(wsUri(...FERRY).toString()).length === 0);
    await closeAllEditors();
  });

  const exportTo = async (args: Record<string, unknown>): Promise<{ result: ExportResult; text: string }> => {
    const result = await vscode.commands.executeCommand<ExportResult | undefined>(Commands.exportAnnotations, args);
    assert.ok(result, `export ${JSON.stringify(args)} returned nothing`);
    return { result, text: fs.readFileSync(vscode.Uri.parse(result.uri).fsPath, 'utf8') };
  };

  it('proposes the home folder for a first export, then the folder of the last one, never the articles folder', async () => {
    const a = await api();
    const first = vscode.Uri.parse(a.exportProposal('markdown', 'annotations')).fsPath;
    assert.equal(first, path.join(os.homedir(), 'annotations.md'));
    assert.ok(!first.startsWith(path.dirname(wsUri(...QUAY).fsPath)), 'not inside the articles folder');
    await exportTo({ format: 'csv', what: 'quotes', uri: vscode.Uri.file(path.join(out, 'first.csv')) });
    assert.equal(vscode.Uri.parse(a.exportProposal('csv', 'quotes')).fsPath, path.join(out, 'quotations.csv'));
  });

  it('exports each format to the file given, with the annotations as the editor has them', async () => {
    const quayText = fs.readFileSync(wsUri(...QUAY).fsPath, 'utf8');
    const quayUri = wsUri(...QUAY).toString();

    // JSON: metadata, quotations with speakers, entities, annotations with status (the orphan without a place).
    const json = await exportTo({ format: 'json', uri: vscode.Uri.file(path.join(out, 'all.json')) });
    assert.equal(json.result.format, 'json');
    assert.deepEqual(json.result.skipped, []);
    const doc = JSON.parse(json.text) as { articles: { path: string; uri: string; title: string; quotes: { speaker: string | null }[]; entities: { name: string }[]; annotations: { id: string; status: string; start: number | null; tags: string[]; note: string | null }[] }[] };
    const quay = doc.articles.find((x) => x.path === 'papers/quay-vote.txt');
    assert.ok(quay, doc.articles.map((x) => x.path).join(', '));
    assert.equal(quay.uri, quayUri);
    assert.equal(quay.title, QUAY_HEADLINE);
    assert.ok(quay.quotes.some((q) => q.speaker === 'Ingrid Solberg'));
    assert.ok(quay.entities.some((e) => e.name === 'Magnus Eide'));
    assert.deepEqual(quay.annotations.map((x) => [x.id, x.status]), [
      ['x40quay1', 'anchored'],
      ['x40quay2', 'anchored'],
      ['x40quay3', 'orphaned'],
    ]);
    assert.equal(quay.annotations[2]!.start, null);
    assert.equal(quay.annotations[0]!.note, NOTE);
    assert.ok(doc.articles.some((x) => x.path === 'wire/harbour-deal.txt'), 'every article of the workspace');

    // CSV: RFC 4180 quoting survives a note with commas, quotes and a line break.
    const csv = await exportTo({ format: 'csv', uri: vscode.Uri.file(path.join(out, 'annotations.csv')).toString() });
    const rows = csvObjects(csv.text).filter((r) => r.article === 'papers/quay-vote.txt');
    assert.deepEqual(rows.map((r) => r.id), ['x40quay1', 'x40quay2', 'x40quay3']);
    assert.equal(rows[0]!.note, NOTE);
    assert.equal(rows[0]!.tags, 'x40-claim; x40-money');
    assert.equal(quayText.slice(Number(rows[0]!.start), Number(rows[0]!.end)), rows[0]!.quote);
    assert.equal(rows[2]!.status, 'orphaned');
    assert.equal(rows[2]!.start, '');

    const quotes = await exportTo({ format: 'csv', what: 'quotes', uri: vscode.Uri.file(path.join(out, 'quotes.csv')) });
    const qrows = csvObjects(quotes.text).filter((r) => r.article === 'papers/quay-vote.txt');
    const solberg = qrows.find((r) => r.quote.startsWith('This is the largest investment'));
    assert.ok(solberg, JSON.stringify(qrows));
    assert.equal(solberg.speaker, 'Ingrid Solberg');
    assert.equal(quayText.slice(Number(solberg.start), Number(solberg.end)), solberg.quote);
    assert.equal(solberg.tags, 'x40-claim; x40-money');

    // Markdown: the article's headline, each passage as a blockquote with tags and note, the orphan apart.
    const md = (await exportTo({ format: 'markdown', tag: 'x40-claim', uri: vscode.Uri.file(path.join(out, 'report.md')) })).text;
    const section = md.slice(md.indexOf(`## ${QUAY_HEADLINE}`));
    assert.ok(section.length > 0 && md.includes(`## ${QUAY_HEADLINE}`), md);
    assert.ok(section.includes('> This is the largest investment in the harbour since the war\n\nTags: `x40-claim`, `x40-money` · Speaker: Ingrid Solberg'), section);
    assert.ok(section.includes('**Note:** Check the "budget", twice,  \nthen ask the harbour office.'), section);
    const orphanAt = section.indexOf('### Orphaned annotations (1)');
    assert.ok(orphanAt > section.indexOf('> Nobody on the council has seen it'), section);
    assert.ok(section.slice(orphanAt).includes('**⚠ orphaned**'), section);
    assert.ok(!md.includes('wire/harbour-deal.txt'), 'the tag filter leaves out articles without the tag');

    // JSON Lines: one annotation per line.
    const jl = (await exportTo({ format: 'jsonl', uri: vscode.Uri.file(path.join(out, 'a.jsonl')) })).text;
    const lines = jl.trimEnd().split('\n').map((l) => JSON.parse(l) as { type: string; id: string; article: string });
    assert.ok(lines.every((l) => l.type === 'annotation'));
    assert.deepEqual(lines.filter((l) => l.article === 'papers/quay-vote.txt').map((l) => l.id), ['x40quay1', 'x40quay2', 'x40quay3']);

    // W3C: an AnnotationCollection; selectors on the article's file URI agree with its text.
    const target = vscode.Uri.file(path.join(out, 'w3c.jsonld'));
    fs.writeFileSync(target.fsPath, 'an older export\n');
    const w3c = JSON.parse((await exportTo({ format: 'w3c', uri: target })).text) as {
      type: string;
      total: number;
      first: { type: string; items: { id: string; body: { purpose: string; value: string }[]; target: { source: string; selector: { type: string; exact?: string; start?: number; end?: number }[] } }[] };
    };
    assert.equal(w3c.type, 'AnnotationCollection');
    assert.equal(w3c.first.type, 'AnnotationPage');
    assert.equal(w3c.total, w3c.first.items.length);
    const first = w3c.first.items.find((x) => x.id.endsWith('#x40quay1'));
    assert.ok(first);
    assert.equal(first.target.source, quayUri);
    const q = first.target.selector.find((s) => s.type === 'TextQuoteSelector')!;
    const p = first.target.selector.find((s) => s.type === 'TextPositionSelector')!;
    assert.equal(quayText.slice(p.start, p.end), q.exact);
    assert.deepEqual(first.body.filter((b) => b.purpose === 'tagging').map((b) => b.value), ['x40-claim', 'x40-money']);
    assert.deepEqual(first.body.filter((b) => b.purpose === 'commenting').map((b) => b.value), [NOTE]);
    const orphan = w3c.first.items.find((x) => x.id.endsWith('#x40quay3'))!;
    assert.deepEqual(orphan.target.selector.map((s) => s.type), ['TextQuoteSelector']);
    // Written through a temporary file renamed over the old one: nothing else left in the folder.
    assert.deepEqual(fs.readdirSync(out).filter((f) => f.endsWith('.tmp')), []);

    // A meaningless combination is refused and writes nothing.
    const refused = await vscode.commands.executeCommand<ExportResult | undefined>(Commands.exportAnnotations, { format: 'w3c', what: 'quotes', uri: vscode.Uri.file(path.join(out, 'never.jsonld')) });
    assert.equal(refused, undefined);
    assert.ok(!fs.existsSync(path.join(out, 'never.jsonld')));
  });

  it('Rename Tag renames and merges in every sidecar on disk; the Tags view follows; Undo puts it back', async () => {
    const a = await api();
    await waitFor('both tags in the Tags view', () => a.tagsTree(1).includes('x40-claims — 2') && a.tagsTree(1).includes('x40-claim — 4'));
    const quayBefore = fs.readFileSync(sidecarPath(QUAY));

    const outcome = await vscode.commands.executeCommand<RenameOutcome | undefined>(Commands.renameTag, { from: 'x40-claims', to: 'x40-claim' });
    assert.ok(outcome);
    assert.deepEqual(outcome.errors, []);
    assert.deepEqual(outcome.renamed.map((s) => s.articlePath), [wsUri(...FERRY).toString()]);

    const ferry = readSidecar(FERRY);
    assert.deepEqual(ferry.tags, ['x40-claim']);
    assert.deepEqual(ferry.annotations.map((x) => [x.id, x.tags]), [
      ['x40fer01', ['x40-claim']],
      ['x40fer02', ['x40-fares', 'x40-claim']],
    ]);
    assert.ok(!fs.readFileSync(sidecarPath(FERRY), 'utf8').includes('x40-claims'));
    assert.deepEqual(fs.readFileSync(sidecarPath(QUAY)), quayBefore, 'a sidecar without the tag is not rewritten');

    await waitFor('the Tags view after the rename', () => !a.tagsTree(1).some((l) => l.startsWith('x40-claims ')) && a.tagsTree(1).includes('x40-claim — 5'));
    const tree = a.tagsTree(2);
    const at = tree.indexOf('x40-claim — 5');
    const next = tree.findIndex((l, i) => i > at && !l.startsWith('  '));
    assert.equal((next < 0 ? tree.length : next) - at - 1, 5, tree.join('\n'));

    await vscode.commands.executeCommand(Commands.undoAnnotationChange);
    await waitFor('the old tag back on disk', () => readSidecar(FERRY).annotations.every((x) => x.tags.includes('x40-claims')));
    assert.deepEqual(readSidecar(FERRY).tags, ['x40-claims']);
    assert.deepEqual(readSidecar(FERRY).annotations.map((x) => x.tags), [
      ['x40-claims', 'x40-claim'],
      ['x40-fares', 'x40-claims'],
    ]);
    await waitFor('the Tags view after Undo', () => a.tagsTree(1).includes('x40-claims — 2') && a.tagsTree(1).includes('x40-claim — 4'));
  });

  it('a broken sidecar is never written by Rename Tag, and its article is left out of an export (and named)', async () => {
    const a = await api();
    const article = wsUri('papers', 'x40-broken.txt');
    const broken = 'version: 1\nsource: x40-broken.txt\nannotations:\n  - id: x40brk01\n    tags: [x40-money\n';
    fs.writeFileSync(article.fsPath, 'Tram line delayed again\n\n"We are doing what we can," said Per Olsen of the transit agency.\n');
    fs.writeFileSync(article.fsPath + '.annotations.yaml', broken);
    try {
      await waitFor('the broken sidecar reported', () => a.sidecarProblem(article.toString()));
      const outcome = await vscode.commands.executeCommand<RenameOutcome | undefined>(Commands.renameTag, { from: 'x40-money', to: 'x40-budget' });
      assert.ok(outcome);
      assert.ok(outcome.errors.some((e) => e.path.endsWith('x40-broken.txt.annotations.yaml')), JSON.stringify(outcome.errors));
      assert.equal(fs.readFileSync(article.fsPath + '.annotations.yaml', 'utf8'), broken);
      assert.deepEqual(readSidecar(QUAY).annotations.find((x) => x.id === 'x40quay1')?.tags, ['x40-claim', 'x40-budget']);

      const json = await exportTo({ format: 'json', uri: vscode.Uri.file(path.join(out, 'with-broken.json')) });
      assert.deepEqual(json.result.skipped.map((s) => s.path), ['papers/x40-broken.txt']);
      const doc = JSON.parse(json.text) as { articles: { path: string }[]; skipped: { path: string; message: string }[] };
      assert.ok(!doc.articles.some((x) => x.path === 'papers/x40-broken.txt'));
      assert.ok(doc.articles.some((x) => x.path === 'papers/quay-vote.txt'));
      assert.match(doc.skipped[0]!.message, /x40-broken\.txt\.annotations\.yaml line \d+: .*article not exported/);
    } finally {
      fs.rmSync(article.fsPath + '.annotations.yaml', { force: true });
      fs.rmSync(article.fsPath, { force: true });
      await waitFor('the extra article gone', () => !a.articleUris().includes(article.toString()));
    }
  });
});
