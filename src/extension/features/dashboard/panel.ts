/**
 * The Quote Dashboard panel: one webview beside the editor, fed with the core's tally of the articles in scope
 * (src/core/tally), updated (debounced) when articles, corrections or annotations change, restored after a
 * window reload by the serializer in index.ts. It answers the webview's requests: filters and scope, the
 * statements behind a bar, opening one at its passage, tagging all listed statements, exports.
 */
import * as vscode from 'vscode';
import { PEOPLE_GENDER_ESTIMATE, selectStatements, tally, tallyCsv, rowsBy, type StatementSelection, type TallyArticle, type TallyFilters, type TallyBy } from '../../../core/tally';
import { config } from '../../config';
import { Commands, WebviewTypes } from '../../constants';
import { openArticleAt } from '../../editor/openArticle';
import type { FeatureContext } from '../../featureContext';
import type { ArticleEntry } from '../../model/articleCatalog';
import { dashboardHtml } from './html';
import { MAX_ROWS, MAX_STATEMENTS, type DashboardData, type DashboardState, type FromWebview, type ScopeRef, type StatementItem, type StatementsMessage, type ToWebview } from './protocol';
import { articlesIn, offeredScopes, WORKSPACE_SCOPE } from './scope';

export const DASHBOARD_VIEW_TYPE = WebviewTypes.dashboard;
const UPDATE_DELAY_MS = 300;

export interface TagWriter {
  tagMany(items: readonly { uri: string; start: number; end: number; kind: 'quote'; speaker?: string }[], tags: readonly string[]): Promise<{ annotations: number; articles: number; failed: { uri: string; message: string }[] }>;
}

/** What tests read back (through the extension's API): what the webview last received and reported. */
export interface DashboardSnapshot {
  readonly open: boolean;
  readonly visible: boolean;
  readonly data: DashboardData | undefined;
  readonly statements: StatementsMessage | undefined;
  /**
   * The last paint the webview reported: `ms` from its receiving the data to the frame drawn; `sinceRequest` from
   * the request that asked for it (Open Quote Dashboard, a filter or scope change) reaching the extension to the
   * webview's report of the paint reaching it back.
   */
  readonly painted: { readonly seq: number; readonly ms: number; readonly sinceRequest: number | undefined } | undefined;
  readonly dataMs: number | undefined;
  readonly lastTagging: { readonly confirm: string; readonly annotations: number; readonly articles: number } | undefined;
}

export class DashboardController implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private panelSubs: vscode.Disposable[] = [];
  private readonly subs: vscode.Disposable[] = [];
  private scope: ScopeRef = WORKSPACE_SCOPE;
  private filters: TallyFilters = {};
  private selection: { sel: StatementSelection; label: string } | undefined;
  private gender = config.dashboardGenderEstimate();
  private seq = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private dirty = false;
  /** Whether the scope, filters and selection held here are current (else the webview's saved state is adopted). */
  private stateKnown = false;
  /** The article of the last text editor that showed one (offered as the "This article" scope). */
  private lastArticle: string | undefined;
  /** When the request now being answered reached the extension (see DashboardSnapshot.painted). */
  private requestAt: number | undefined;
  private last: { data?: DashboardData; statements?: StatementsMessage; painted?: { seq: number; ms: number; sinceRequest: number | undefined }; dataMs?: number; tagging?: DashboardSnapshot['lastTagging'] } = {};
  /** Replaced by tests to answer the confirmation; the default is a modal dialog. */
  confirm: (message: string, detail: string) => Promise<boolean> = async (message, detail) =>
    (await vscode.window.showWarningMessage(message, { modal: true, detail }, 'Tag Them')) === 'Tag Them';

  constructor(
    private readonly ctx: FeatureContext,
    private readonly writer: TagWriter,
  ) {
    const changed = () => {
      this.scopedCache = undefined;
      this.schedule();
    };
    this.lastArticle = this.articleOf(vscode.window.activeTextEditor);
    this.subs.push(
      ctx.catalog.onDidChange(changed),
      ctx.annotations.onDidChange(changed),
      vscode.window.onDidChangeActiveTextEditor((e) => {
        const key = this.articleOf(e);
        if (!key || key === this.lastArticle) return;
        this.lastArticle = key;
        this.schedule();
      }),
    );
  }

  snapshot(): DashboardSnapshot {
    return {
      open: !!this.panel,
      visible: !!this.panel?.visible,
      data: this.last.data,
      statements: this.last.statements,
      painted: this.last.painted,
      dataMs: this.last.dataMs,
      lastTagging: this.last.tagging,
    };
  }

  /** Opens the panel beside the editor (or reveals it) on a scope. */
  open(scope?: ScopeRef): void {
    this.requestAt = performance.now();
    this.stateKnown = true;
    if (scope) {
      this.scope = scope;
      this.selection = undefined;
    }
    if (this.panel) {
      this.panel.reveal(undefined, false);
      this.post(this.compute());
      return;
    }
    const panel = vscode.window.createWebviewPanel(DASHBOARD_VIEW_TYPE, 'Quote Dashboard', { viewColumn: vscode.ViewColumn.Beside, preserveFocus: false }, this.options());
    this.attach(panel);
  }

  /** A panel VS Code restored after a reload, with the state the webview kept. */
  restore(panel: vscode.WebviewPanel, state: DashboardState | undefined): void {
    this.adopt(state);
    this.stateKnown = state !== undefined;
    this.attach(panel);
  }

  private options(): vscode.WebviewPanelOptions & vscode.WebviewOptions {
    // No retainContextWhenHidden: the webview keeps its state with setState and is redrawn when shown again.
    return { enableScripts: true, localResourceRoots: [vscode.Uri.joinPath(this.ctx.extension.extensionUri, 'dist', 'webview'), vscode.Uri.joinPath(this.ctx.extension.extensionUri, 'media')] };
  }

  private adopt(state: DashboardState | undefined): void {
    if (!state) return;
    if (state.scope && typeof state.scope.kind === 'string') this.scope = state.scope;
    if (state.filters && typeof state.filters === 'object') this.filters = state.filters;
    if (typeof state.gender === 'boolean') this.gender = state.gender;
    if (state.selection && typeof state.selection.id === 'string') this.selection = { sel: state.selection, label: state.selectionLabel ?? this.selection?.label ?? '' };
  }

  private attach(panel: vscode.WebviewPanel): void {
    this.panel = panel;
    panel.webview.options = this.options();
    panel.iconPath = vscode.Uri.joinPath(this.ctx.extension.extensionUri, 'media', 'activity-bar.svg');
    panel.webview.html = dashboardHtml(panel.webview, this.ctx.extension.extensionUri);
    this.panelSubs = [
      panel.webview.onDidReceiveMessage((m: FromWebview) => void this.receive(m)),
      panel.onDidChangeViewState(() => {
        if (panel.visible && this.dirty) this.schedule();
      }),
      panel.onDidDispose(() => {
        this.panel = undefined;
        for (const d of this.panelSubs) d.dispose();
        this.panelSubs = [];
      }),
    ];
  }

  private post(msg: ToWebview): void {
    if (msg.type === 'data') this.last.data = msg;
    if (msg.type === 'statements') this.last.statements = msg;
    void this.panel?.webview.postMessage(msg);
  }

  /** Live updates: recompute a moment after the last change (and only while the panel is visible). */
  private schedule(): void {
    if (!this.panel) return;
    if (!this.panel.visible) {
      this.dirty = true;
      return;
    }
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.dirty = false;
      this.refresh();
    }, UPDATE_DELAY_MS);
  }

  private refresh(): void {
    this.post(this.compute());
    if (this.selection) this.post(this.statementsOf(this.selection.sel, this.selection.label));
  }

  /** Handles a message from the webview (tests call this with the same messages). */
  async receive(m: FromWebview): Promise<void> {
    switch (m.type) {
      case 'ready':
        // A webview (re)loaded: shown again after being hidden, or restored after a reload. What the extension
        // holds is newer than what the webview last saved, except in a new window, where only the webview knows.
        if (!this.stateKnown) this.adopt(m.state);
        this.stateKnown = true;
        this.refresh();
        return;
      case 'setFilters':
        this.requestAt = performance.now();
        this.filters = m.filters ?? {};
        return this.refresh();
      case 'setScope':
        this.requestAt = performance.now();
        this.scope = m.scope;
        this.selection = undefined;
        this.post({ type: 'selectionCleared' });
        return this.refresh();
      case 'setGender':
        this.gender = m.on;
        return this.post(this.compute());
      case 'select':
        this.selection = { sel: m.selection, label: m.label };
        return this.post(this.statementsOf(m.selection, m.label));
      case 'open':
        await openArticleAt(m.uri, m.start, m.end, { preview: true, viewColumn: this.editorColumn() });
        return;
      case 'tagAll':
        return this.tagAll(m.tags ?? []);
      case 'exportCsv':
        return this.exportCsv(m.by);
      case 'exportImage':
        return this.exportImage(m.format, m.name, m.data);
      case 'painted':
        this.last.painted = { seq: m.seq, ms: m.ms, sinceRequest: this.requestAt === undefined ? undefined : performance.now() - this.requestAt };
        this.requestAt = undefined;
        return;
    }
  }

  private articleOf(editor: vscode.TextEditor | undefined): string | undefined {
    return editor && this.ctx.catalog.get(editor.document.uri) ? editor.document.uri.toString() : undefined;
  }

  private editorColumn(): vscode.ViewColumn {
    const c = this.panel?.viewColumn;
    return c && c > vscode.ViewColumn.One ? c - 1 : vscode.ViewColumn.Beside;
  }

  /** The articles in scope, kept until the catalog, the annotations or the scope change (listing them sorts the catalog). */
  private scopedCache: { scope: ScopeRef; entries: ArticleEntry[]; articles: TallyArticle[]; workspace: number } | undefined;

  private scoped(): { entries: ArticleEntry[]; articles: TallyArticle[]; workspace: number } {
    if (this.scopedCache && this.scopedCache.scope === this.scope) return this.scopedCache;
    const entries = articlesIn(this.ctx, this.scope).filter((a) => a.hasAnalysis);
    const workspace = this.scope.kind === 'workspace' ? entries.length : this.ctx.catalog.all().length;
    this.scopedCache = { scope: this.scope, entries, articles: entries.map((a) => ({ path: a.key, analysis: a.peekAnalysis()! })), workspace };
    return this.scopedCache;
  }

  compute(): DashboardData {
    const t0 = performance.now();
    const { articles, workspace } = this.scoped();
    let filters = this.filters;
    let result;
    try {
      result = tally(articles, { filters, gender: this.gender ? PEOPLE_GENDER_ESTIMATE : undefined });
    } catch {
      filters = { ...filters, from: undefined, to: undefined };
      result = tally(articles, { filters, gender: this.gender ? PEOPLE_GENDER_ESTIMATE : undefined });
    }
    const outlets = new Set<string>();
    let minDate: string | null = null;
    let maxDate: string | null = null;
    for (const a of articles) {
      const m = a.analysis.metadata;
      if (m.publisher?.trim()) outlets.add(m.publisher.trim());
      const d = m.dateIso && /^\d{4}-\d{2}-\d{2}/.test(m.dateIso) ? m.dateIso.slice(0, 10) : null;
      if (d && (!minDate || d < minDate)) minDate = d;
      if (d && (!maxDate || d > maxDate)) maxDate = d;
    }
    const data: DashboardData = {
      type: 'data',
      seq: ++this.seq,
      scope: this.scope,
      scopes: offeredScopes(this.ctx, this.scope, this.lastArticle),
      filters,
      outlets: [...outlets].sort((a, b) => a.localeCompare(b)),
      minDate,
      maxDate,
      scopeArticles: articles.length,
      workspaceArticles: workspace,
      tally: { ...result, speakers: result.speakers.slice(0, MAX_ROWS) },
      speakerCount: result.speakers.length,
      readOnly: !vscode.workspace.isTrusted,
      gender: this.gender,
      loading: !this.ctx.catalog.isReady,
    };
    this.last.dataMs = performance.now() - t0;
    return data;
  }

  private statementsOf(sel: StatementSelection, label: string): StatementsMessage {
    const { entries, articles } = this.scoped();
    const byKey = new Map(entries.map((e) => [e.key, e]));
    const { statements, total } = selectStatements(articles, this.filters, sel, MAX_STATEMENTS);
    const items: StatementItem[] = statements.map((s) => {
      const e = byKey.get(s.path);
      return { uri: s.path, index: s.index, start: s.start, end: s.end, text: s.text, kind: s.kind, speaker: s.speaker, title: e?.metadata?.title ?? e?.relativePath ?? s.path, outlet: s.outlet, date: s.date };
    });
    return { type: 'statements', selection: sel, label: label || 'Selected statements', total, items };
  }

  private async tagAll(tags: readonly string[]): Promise<void> {
    if (!vscode.workspace.isTrusted) {
      void vscode.window.showWarningMessage('News Annotator: this workspace is not trusted, so the dashboard is read-only (trust the workspace to tag).');
      return;
    }
    const clean = [...new Set(tags.map((t) => t.trim()).filter(Boolean))];
    if (!this.selection || clean.length === 0) return;
    const { articles } = this.scoped();
    const { statements } = selectStatements(articles, this.filters, this.selection.sel);
    if (statements.length === 0) return;
    const articlesTouched = new Set(statements.map((s) => s.path)).size;
    const message = `Tag ${statements.length} statement${statements.length === 1 ? '' : 's'} with ${clean.map((t) => `#${t}`).join(' ')}?`;
    const detail = `This writes the sidecars of ${articlesTouched} article${articlesTouched === 1 ? '' : 's'} (one .annotations.yaml file beside each). Undo Last Annotation Change undoes it in one step.`;
    if (!(await this.confirm(message, detail))) return;
    // Each article's sidecar is written under its lock: a long list takes a moment, shown as progress.
    const r = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: `News Annotator: tagging ${statements.length} statements in ${articlesTouched} articles` }, () =>
      this.writer.tagMany(
        statements.map((s) => ({ uri: s.path, start: s.start, end: s.end, kind: 'quote' as const, speaker: s.speaker ?? undefined })),
        clean,
      ),
    );
    this.last.tagging = { confirm: `${message} ${detail}`, annotations: r.annotations, articles: r.articles };
    if (r.failed.length > 0) {
      void vscode.window.showErrorMessage(`News Annotator: could not tag the statements of ${r.failed.length} article(s): ${r.failed.map((f) => `${vscode.workspace.asRelativePath(vscode.Uri.parse(f.uri))}: ${f.message}`).join('; ')}`);
    }
    void vscode.window.showInformationMessage(`Tagged ${r.annotations} statement${r.annotations === 1 ? '' : 's'} in ${r.articles} article${r.articles === 1 ? '' : 's'}.`, 'Undo').then(async (c) => {
      if (c === 'Undo') await vscode.commands.executeCommand(Commands.undoAnnotationChange);
    });
  }

  /** The full rows of the current view as CSV (the webview gets only the first MAX_ROWS speakers). */
  csv(by: TallyBy): string {
    const { articles } = this.scoped();
    return tallyCsv(rowsBy(tally(articles, { filters: this.filters }), by));
  }

  private async exportCsv(by: TallyBy): Promise<void> {
    await this.save(`quote-dashboard-${by}.csv`, { CSV: ['csv'] }, new TextEncoder().encode(this.csv(by)));
  }

  private async exportImage(format: 'svg' | 'png', name: string, data: string): Promise<void> {
    const bytes = format === 'svg' ? new TextEncoder().encode(data) : Uint8Array.from(atob(data.replace(/^data:image\/png;base64,/, '')), (c) => c.charCodeAt(0));
    await this.save(`quote-dashboard-${name.replace(/[^\w-]+/g, '-')}.${format}`, format === 'svg' ? { SVG: ['svg'] } : { PNG: ['png'] }, bytes);
  }

  private async save(name: string, filters: Record<string, string[]>, bytes: Uint8Array): Promise<void> {
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    const target = await vscode.window.showSaveDialog({ defaultUri: folder ? vscode.Uri.joinPath(folder, name) : undefined, filters, title: 'Export from the Quote Dashboard' });
    if (!target) return;
    await vscode.workspace.fs.writeFile(target, bytes);
    this.post({ type: 'exported', path: target.toString() });
    vscode.window.setStatusBarMessage(`News Annotator: exported ${vscode.workspace.asRelativePath(target)}`, 4000);
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.panel?.dispose();
    for (const d of [...this.subs, ...this.panelSubs]) d.dispose();
  }
}
