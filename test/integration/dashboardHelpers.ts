/** Opening the Quote Dashboard in a test and comparing what its webview received with the core's tally. */
import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import type { NewsAnnotatorApi } from '../../src/extension/api';
import type { DashboardData } from '../../src/extension/features/dashboard/protocol';
import { tally, type TallyArticle, type TallyFilters } from '../../src/core/tally';
import { waitFor } from './helpers';

/** Opens the dashboard (optionally on a scope) and waits until the webview has drawn the data it was sent. */
export async function openDashboard(a: NewsAnnotatorApi, arg?: unknown): Promise<DashboardData> {
  const before = a.dashboard().snapshot().data?.seq ?? 0;
  await vscode.commands.executeCommand('newsAnnotator.openDashboard', arg);
  return painted(a, before);
}

/** Waits for data newer than `afterSeq` and for the webview to report it painted. */
export async function painted(a: NewsAnnotatorApi, afterSeq: number, what = 'the dashboard to draw new data'): Promise<DashboardData> {
  return waitFor(what, () => {
    const s = a.dashboard().snapshot();
    return s.data && s.data.seq > afterSeq && s.painted && s.painted.seq === s.data.seq ? s.data : undefined;
  }, 30_000);
}

/** The core's tally of the articles the extension has analysed (the same computation, from outside the panel). */
export function coreTally(a: NewsAnnotatorApi, filters: TallyFilters = {}, keep: (uri: string) => boolean = () => true) {
  const articles: TallyArticle[] = a
    .articleUris()
    .filter(keep)
    .flatMap((uri) => {
      const analysis = a.analysis(uri);
      return analysis ? [{ path: uri, analysis }] : [];
    });
  return tally(articles, { filters });
}

/** The numbers the webview received equal the core's. */
export function assertSameNumbers(data: DashboardData, core: ReturnType<typeof tally>): void {
  const t = data.tally;
  assert.deepEqual([t.articles, t.statements, t.unattributed, t.undated, t.unknownOutlet], [core.articles, core.statements, core.unattributed, core.undated, core.unknownOutlet]);
  assert.deepEqual(t.byKind, core.byKind);
  assert.deepEqual(t.speakers, core.speakers.slice(0, t.speakers.length));
  assert.equal(data.speakerCount, core.speakers.length);
  assert.deepEqual(t.outlets, core.outlets);
  assert.deepEqual(t.months, core.months);
  assert.deepEqual(t.timeline, core.timeline);
  assert.equal(t.top5Share, core.top5Share);
  assert.deepEqual(t.speakerTypes, core.speakerTypes);
}

/** Lists a row's statements as a click on it would, opens the first, and checks the editor landed on it. */
export async function clickThrough(a: NewsAnnotatorApi, id: string, label: string): Promise<{ uri: string; text: string }> {
  await a.dashboard().receive({ type: 'select', selection: { by: 'speaker', id }, label });
  const list = a.dashboard().snapshot().statements;
  assert.ok(list && list.items.length > 0, 'the statements are listed');
  assert.equal(list.label, label);
  const first = list.items[0]!;
  await a.dashboard().receive({ type: 'open', uri: first.uri, start: first.start, end: first.end });
  const editor = await waitFor('the article open at the statement', () => {
    const e = vscode.window.activeTextEditor;
    return e && e.document.uri.toString() === first.uri && e.document.getText(e.selection) === first.text ? e : undefined;
  });
  assert.equal(editor.document.offsetAt(editor.selection.start), first.start);
  return { uri: first.uri, text: first.text };
}
