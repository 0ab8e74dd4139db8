/**
 * The extension's analysis pool (src/node/workers): articles are analysed on worker threads, the extension host
 * only sends texts and receives analyses. The active and visible editors' articles go first. Crashes and the
 * in-thread fallback are logged in the "News Annotator" output channel; an article whose analysis failed on two
 * workers is told to the user once (the files named, several at once), and is shown without its analysis.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { analyzeArticle, type AnalyzeOptions } from '../../core/analysis';
import type { ArticleAnalysis } from '../../core/analysis/types';
import { AnalysisPool, WorkerFailure, type PoolStats } from '../../node/workers/analysisPool';
import { unpackAnalysis } from '../../core/cache/analysisRecord';
import { INDEXED_JOB, type IndexedAnalysis } from '../../node/workers/jobs';
import { config } from '../config';

/** Workers end after this long without work (a worker holds the analysis' models: tens of MB). */
const IDLE_MS = 60_000;
/** Failures are told together once this long has passed without another. */
const REPORT_DELAY_MS = 1000;

export class AnalysisWorkers implements vscode.Disposable {
  private readonly pool: AnalysisPool;
  private readonly log: vscode.LogOutputChannel;
  private readonly disposables: vscode.Disposable[] = [];
  /** Articles told to the user already (each once). */
  private readonly reported = new Set<string>();
  private readonly toReport = new Set<string>();
  private reportTimer: ReturnType<typeof setTimeout> | undefined;
  /** What the user was told of failed articles, one entry per message: the files named (for the tests). */
  readonly reports: string[][] = [];
  /** Test hook (NEWS_ANNOTATOR_TEST_WORKER_KILL_AFTER=n): end a busy worker once n articles were analysed. */
  private killAfter = Number(process.env.NEWS_ANNOTATOR_TEST_WORKER_KILL_AFTER) || 0;
  private done = 0;
  /** Workers the test hook ended. */
  killed = 0;

  constructor(script = path.join(__dirname, 'analysisWorker.js')) {
    this.log = vscode.window.createOutputChannel('News Annotator', { log: true });
    this.pool = new AnalysisPool({
      script,
      maxWorkers: config.analysisWorkers(),
      inThread: analyzeArticle,
      idleMs: IDLE_MS,
      log: (m) => this.log.warn(m),
    });
    // Test hook (NEWS_ANNOTATOR_TEST_WORKER_FAIL_ON=suffix): workers crash on an article whose URI ends so.
    if (process.env.NEWS_ANNOTATOR_TEST_WORKER_FAIL_ON) this.pool.setFailOn(process.env.NEWS_ANNOTATOR_TEST_WORKER_FAIL_ON);
    const s = this.pool.stats();
    this.log.info(s.mode === 'workers' ? `analysis on up to ${s.size} worker thread(s)` : 'analysis in the extension host');
    const focus = () => this.pool.prioritize(vscode.window.visibleTextEditors.map((e) => e.document.uri.toString()));
    this.disposables.push(
      this.log,
      vscode.window.onDidChangeActiveTextEditor(focus),
      vscode.window.onDidChangeVisibleTextEditors(focus),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (config.affects(e, 'analysisWorkers')) this.pool.setMaxWorkers(config.analysisWorkers());
      }),
    );
  }

  /**
   * Analyses an article on a worker. `priority`: ahead of the queue (also given to the visible editors' articles).
   * A `WorkerFailure` (two workers failed on it) is reported to the user here, once; the promise still rejects.
   */
  async analyze(text: string, options: AnalyzeOptions, uri: vscode.Uri, priority = false): Promise<ArticleAnalysis> {
    return unpackAnalysis((await this.analyzeIndexed(text, options, uri, priority)).packed);
  }

  /**
   * The same, with the article's index record parts made on the worker too (the corpus index's tokenising and
   * hashing, kept off the extension host: IndexService only posts them).
   */
  async analyzeIndexed(text: string, options: AnalyzeOptions, uri: vscode.Uri, priority = false): Promise<IndexedAnalysis> {
    const key = uri.toString();
    const visible = priority || vscode.window.visibleTextEditors.some((e) => e.document.uri.toString() === key);
    try {
      const a = await this.pool.run(text, options, { name: key, priority: visible }, INDEXED_JOB);
      if (this.killAfter > 0 && ++this.done >= this.killAfter && this.pool.killBusyWorker()) {
        this.killAfter = 0;
        this.killed++;
      }
      return a;
    } catch (err) {
      if (err instanceof WorkerFailure) this.failed(uri);
      throw err;
    }
  }

  stats(): PoolStats {
    return this.pool.stats();
  }

  /** Test hooks (through the test API): crash on an article whose URI ends so; end a busy worker. */
  setFailOn(name: string | undefined): void {
    this.pool.setFailOn(name);
  }

  killBusyWorker(): boolean {
    return this.pool.killBusyWorker();
  }

  private failed(uri: vscode.Uri): void {
    const key = uri.toString();
    if (this.reported.has(key)) return;
    this.reported.add(key);
    this.toReport.add(vscode.workspace.asRelativePath(uri));
    if (this.reportTimer) clearTimeout(this.reportTimer);
    this.reportTimer = setTimeout(() => {
      this.reportTimer = undefined;
      const files = [...this.toReport];
      this.toReport.clear();
      this.reports.push(files);
      const named = files.length <= 5 ? files.join(', ') : `${files.slice(0, 5).join(', ')} and ${files.length - 5} more`;
      this.log.error(`analysis failed twice, shown without analysis: ${files.join(', ')}`);
      void vscode.window.showWarningMessage(`News Annotator could not analyse ${files.length === 1 ? 'an article' : `${files.length} articles`} (the analysis stopped twice): ${named}. ${files.length === 1 ? 'It is' : 'They are'} listed without quotes or names.`, 'Show Log').then((choice) => {
        if (choice === 'Show Log') this.log.show(true);
      });
    }, REPORT_DELAY_MS);
  }

  dispose(): void {
    if (this.reportTimer) clearTimeout(this.reportTimer);
    void this.pool.dispose();
    for (const d of this.disposables) d.dispose();
  }
}
