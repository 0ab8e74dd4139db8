// The integration suites, shared by the code-server harness and the @vscode/test-electron runner.
import { appendFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { ROOT } from '../../scripts/lib/vscode-server.mjs';

export function sharedDir() {
  const p = path.resolve(ROOT, '..', 'shared');
  return existsSync(p) ? p : undefined;
}

export function latestVsix() {
  const files = readdirSync(ROOT).filter((f) => f.endsWith('.vsix'));
  return files.length > 0 ? path.join(ROOT, files.sort().at(-1)) : undefined;
}

export function integrationSuites() {
  const shared = sharedDir();
  const vsix = latestVsix();
  const out = path.join(ROOT, 'out', 'test', 'integration');
  return [
    {
      name: 'workspace',
      workspace: path.join(ROOT, 'test', 'fixtures', 'workspace'),
      extensionDevelopmentPath: ROOT,
      testsIndex: path.join(out, 'workspace', 'index.js'),
    },
    {
      name: 'multiroot',
      workspace: path.join(ROOT, 'test', 'fixtures', 'multiroot'),
      workspaceFile: 'news.code-workspace',
      extensionDevelopmentPath: ROOT,
      testsIndex: path.join(out, 'multiroot', 'index.js'),
    },
    {
      // Workspace trust on and the folder not trusted: restricted mode (read and navigate, never write).
      name: 'restricted',
      workspace: path.join(ROOT, 'test', 'fixtures', 'workspace'),
      workspaceTrust: true,
      extensionDevelopmentPath: ROOT,
      testsIndex: path.join(out, 'restricted', 'index.js'),
    },
    {
      // The Quote Dashboard on a fixture corpus with outlets and dates.
      name: 'dashboard',
      workspace: path.join(ROOT, 'test', 'fixtures', 'dashboard'),
      extensionDevelopmentPath: ROOT,
      testsIndex: path.join(out, 'dashboard', 'index.js'),
    },
    {
      // `npm run bench -- dashboard` points it at a 10,000-article folder it builds (NEWS_ANNOTATOR_DASHBOARD_DIR).
      name: 'dashboard-scale',
      workspace: process.env.NEWS_ANNOTATOR_DASHBOARD_DIR,
      extensionDevelopmentPath: ROOT,
      testsIndex: path.join(out, 'dashboard-scale', 'index.js'),
      skip: process.env.NEWS_ANNOTATOR_DASHBOARD_DIR ? undefined : 'run by npm run bench -- dashboard',
    },
    {
      // The analysis worker pool on a generated folder of 1,000 articles: a worker ended during the first open,
      // a worker that crashes every time on one article (test-only hooks, by environment), typing in one article.
      name: 'workers',
      workspace: workersFolder(),
      env: { NEWS_ANNOTATOR_TEST_WORKER_KILL_AFTER: '200', NEWS_ANNOTATOR_TEST_WORKER_FAIL_ON: '/batch-7/0777.txt' },
      extensionDevelopmentPath: ROOT,
      testsIndex: path.join(out, 'workers', 'index.js'),
    },
    {
      name: 'seeds',
      workspace: shared && path.join(shared, 'seeds'),
      extensionDevelopmentPath: ROOT,
      testsIndex: path.join(out, 'seeds', 'index.js'),
      skip: shared ? undefined : '../shared/seeds is not present',
    },
    {
      // Opens the BBC corpus twice with the same VS Code storage: the second open is served from the cache.
      name: 'corpus',
      // `npm run bench -- vscode` points it at a 10,000-article copy (NEWS_ANNOTATOR_CORPUS_DIR).
      workspace: process.env.NEWS_ANNOTATOR_CORPUS_DIR || (shared && path.join(shared, 'corpora', 'bbc')),
      runs: 2,
      // NEWS_ANNOTATOR_WORKERS=<n> caps the analysis workers (the newsAnnotator.analysisWorkers setting), to compare.
      settings: process.env.NEWS_ANNOTATOR_WORKERS ? { 'newsAnnotator.analysisWorkers': Number(process.env.NEWS_ANNOTATOR_WORKERS) } : undefined,
      // While the workspace is closed: one article changed, one deleted, one added, one touched (same text).
      betweenRuns: changeCorpusWhileClosed,
      extensionDevelopmentPath: ROOT,
      testsIndex: path.join(out, 'corpus', 'index.js'),
      skip: shared ? undefined : '../shared/corpora is not present',
    },
    {
      name: 'vsix',
      workspace: path.join(ROOT, 'test', 'fixtures', 'workspace'),
      vsix,
      // The packaged extension is loaded from the extensions directory; the development path is an empty
      // host extension so that VS Code enters test mode without loading our sources.
      extensionDevelopmentPath: path.join(ROOT, 'test', 'fixtures', 'vsix-test-host'),
      testsIndex: path.join(out, 'vsix', 'index.js'),
      skip: vsix ? undefined : 'no .vsix: run `npm run package` first',
    },
  ];
}

/**
 * A folder of 1,000 articles made from the workspace fixture's two papers (each with its number in the headline,
 * so every text differs), written once under out/test/fixtures/workers.
 */
export function workersFolder() {
  const dir = path.join(ROOT, 'out', 'test', 'fixtures', 'workers');
  if (existsSync(path.join(dir, 'batch-9', '0999.txt'))) return dir;
  const fixtures = path.join(ROOT, 'test', 'fixtures', 'workspace');
  const texts = [readFileSync(path.join(fixtures, 'papers', 'quay-vote.txt'), 'utf8'), readFileSync(path.join(fixtures, 'wire', 'harbour-deal.txt'), 'utf8')];
  for (let i = 0; i < 1000; i++) {
    const folder = path.join(dir, `batch-${Math.floor(i / 100)}`);
    mkdirSync(folder, { recursive: true });
    const [first, ...rest] = texts[i % 2].split('\n');
    writeFileSync(path.join(folder, `${String(i).padStart(4, '0')}.txt`), [`${first}`, ...rest].join('\n').replace(/\n\n/, `\n\nReport number ${i}.\n\n`));
  }
  return dir;
}

/** Edits the corpus copy between its two opens (see test/integration/corpus/corpus.test.ts for what is checked). */
export function changeCorpusWhileClosed(workspace) {
  appendFileSync(
    path.join(workspace, 'business', '001.txt'),
    '\n\n"Zebra crossings are the future of banking," said Ottoline Quorn, chief executive of Fictive Bank.\n',
  );
  rmSync(path.join(workspace, 'business', '002.txt'));
  writeFileSync(
    path.join(workspace, 'business', 'zz-added-while-closed.txt'),
    'Quorn bank opens in Tewkesbury\n\nFictive Bank opened its first branch on Monday.\n\n"We are here to stay," said Ottoline Quorn.\n',
  );
  const later = new Date(Date.now() + 60_000);
  utimesSync(path.join(workspace, 'business', '003.txt'), later, later);
  // A sidecar that appeared while closed (a git pull): one annotation on the second paragraph of 004.
  const text = readFileSync(path.join(workspace, 'business', '004.txt'), 'utf8');
  const start = text.indexOf('\n\n') + 2;
  const end = start + 40;
  const q = JSON.stringify;
  writeFileSync(
    path.join(workspace, 'business', '004.txt.annotations.yaml'),
    [
      'version: 1',
      'source: 004.txt',
      'annotations:',
      '  - id: pulled01',
      '    kind: passage',
      '    tags: [added-while-closed]',
      '    target:',
      `      exact: ${q(text.slice(start, end))}`,
      `      prefix: ${q(text.slice(Math.max(0, start - 32), start))}`,
      `      suffix: ${q(text.slice(end, end + 32))}`,
      `      start: ${start}`,
      `      end: ${end}`,
      '',
    ].join('\n'),
  );
}
