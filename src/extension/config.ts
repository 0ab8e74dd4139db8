/**
 * The extension's settings, read through one typed module. Defaults live in package.json
 * (`contributes.configuration`); the fallbacks here only guard against a hand-broken settings file.
 * To add a setting: declare it in package.json under its titled section, add a getter here, and
 * react to it in the feature that uses it through `affects()`.
 */
import * as vscode from 'vscode';
import { DEFAULT_EXCLUDE, DEFAULT_INCLUDE } from '../core/workspace/articleFiles';

const SECTION = 'newsAnnotator';

export type GroupBy = 'none' | 'outlet' | 'tag' | 'speaker' | 'entity';

function cfg(scope?: vscode.ConfigurationScope): vscode.WorkspaceConfiguration {
  return vscode.workspace.getConfiguration(SECTION, scope);
}

function strings(value: unknown, fallback: readonly string[]): string[] {
  return Array.isArray(value) && value.every((v) => typeof v === 'string') ? (value as string[]) : [...fallback];
}

export const config = {
  articleInclude(scope?: vscode.ConfigurationScope): string[] {
    return strings(cfg(scope).get('articles.include'), DEFAULT_INCLUDE);
  },
  articleExclude(scope?: vscode.ConfigurationScope): string[] {
    return strings(cfg(scope).get('articles.exclude'), DEFAULT_EXCLUDE);
  },
  useNewsLanguage(): boolean {
    return cfg().get<boolean>('articles.useNewsLanguage', true);
  },
  groupBy(): GroupBy {
    const v = cfg().get<string>('articles.groupBy', 'none');
    return (['none', 'outlet', 'tag', 'speaker', 'entity'] as const).find((g) => g === v) ?? 'none';
  },
  highlights() {
    const c = cfg();
    return {
      enabled: c.get<boolean>('highlights.enabled', true),
      quotes: c.get<boolean>('highlights.quotes', true),
      reportedSpeech: c.get<boolean>('highlights.reportedSpeech', true),
      people: c.get<boolean>('highlights.people', true),
      organizations: c.get<boolean>('highlights.organizations', true),
      places: c.get<boolean>('highlights.places', true),
      annotations: c.get<boolean>('highlights.annotations', true),
      inlineTags: c.get<boolean>('highlights.inlineTags', true),
      overviewRuler: c.get<boolean>('highlights.overviewRuler', true),
      debounceMs: Math.max(0, Math.min(2000, c.get<number>('highlights.debounceMs', 150))),
    };
  },
  author(scope?: vscode.ConfigurationScope): string {
    return (cfg(scope).get<string>('annotations.author', '') ?? '').trim();
  },
  contextLength(): number {
    return Math.max(8, Math.min(200, cfg().get<number>('annotations.contextLength', 32)));
  },
  correctionsFile(scope?: vscode.ConfigurationScope): string {
    return cfg(scope).get<string>('entities.correctionsFile', '.news-annotator/entities.yaml');
  },
  /** Most analysis worker threads; 0: one per core but one, at least one (see src/node/workers/analysisPool.ts). */
  analysisWorkers(): number {
    return Math.max(0, Math.min(64, Math.floor(cfg().get<number>('analysisWorkers', 0) || 0)));
  },
  indexCache(): boolean {
    return cfg().get<boolean>('index.cache', true);
  },
  maxArticles(): number {
    return Math.max(1, cfg().get<number>('index.maxArticles', 20000));
  },
  /**
   * VS Code's own proxy settings (`http.proxy`, `http.noProxy`, `http.proxyStrictSSL`), for fetching web pages;
   * without `http.proxy`, the HTTPS_PROXY / HTTP_PROXY / NO_PROXY environment of the extension host.
   */
  httpProxy(): { proxy: string | undefined; noProxy: string | undefined; strictSSL: boolean } {
    const h = vscode.workspace.getConfiguration('http');
    const proxy = (h.get<string>('proxy', '') ?? '').trim() || undefined;
    const list = h.get<unknown>('noProxy', []);
    const noProxy = Array.isArray(list) && list.length > 0 ? list.filter((x) => typeof x === 'string').join(',') : undefined;
    return { proxy, noProxy, strictSSL: h.get<boolean>('proxyStrictSSL', true) };
  },
  /** Whether the Quote Dashboard estimates people's gender from first names and titles (off by default). */
  dashboardGenderEstimate(): boolean {
    return cfg().get<boolean>('dashboard.genderEstimate', false) === true;
  },
  /** True when the change touches any of the given settings (relative names, e.g. 'highlights'). */
  affects(e: vscode.ConfigurationChangeEvent, ...names: string[]): boolean {
    return names.some((n) => e.affectsConfiguration(`${SECTION}.${n}`));
  },
};
