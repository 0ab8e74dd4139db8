#!/usr/bin/env node
// Runs the integration suites inside a real VS Code 1.100.3 (code-server + headless Chromium), the same
// suites `npm run test:electron` runs in VS Code desktop. Each suite gets a fresh code-server, a fresh
// user-data/extensions directory and a temporary copy of its workspace (tests write sidecars).
//
//   node test/harness/run-code-server.mjs [--suite workspace|seeds|vsix]... [--keep] [--timeout-min N]
//
// Exit status: 0 when every suite passed, 1 otherwise. Prints `integration: N passed, N failed` last.
import { cpSync, existsSync, mkdtempSync, rmSync, mkdirSync } from 'node:fs';
import * as os from 'node:os';
import { format } from 'node:util';
import * as path from 'node:path';
import { ensureCodeServer, startCodeServer, launchChromium, installVsix } from '../../scripts/lib/vscode-server.mjs';
import { integrationSuites } from './suites.mjs';

const argv = process.argv.slice(2);
const only = [];
let keep = false;
let timeoutMin = 10;
for (let i = 0; i < argv.length; i++) {
  if (argv[i] === '--suite') only.push(argv[++i]);
  else if (argv[i] === '--keep') keep = true;
  else if (argv[i] === '--timeout-min') timeoutMin = Number(argv[++i]);
  else {
    console.error(`run-code-server: unknown argument ${argv[i]}`);
    process.exit(2);
  }
}

ensureCodeServer();

const suites = integrationSuites().filter((s) => only.length === 0 || only.includes(s.name));
let passed = 0;
let failed = 0;
let broken = 0;

for (const suite of suites) {
  if (suite.skip) {
    console.log(`\n--- integration suite "${suite.name}": skipped (${suite.skip})`);
    continue;
  }
  // A suite with `runs: N` opens the same workspace copy N times with the same user data (the reopen case).
  const shared = suite.runs > 1 ? { work: mkdtempSync(path.join(os.tmpdir(), `news-annotator-it-${suite.name}-`)) } : undefined;
  for (let run = 1; run <= (suite.runs || 1); run++) {
    console.log(`\n--- integration suite "${suite.name}"${suite.runs > 1 ? ` (open ${run} of ${suite.runs})` : ''} in code-server (VS Code 1.100.3)`);
    if (run > 1 && suite.betweenRuns) suite.betweenRuns(path.join(shared.work, 'workspace'));
    const result = await runSuite(suite, shared);
    passed += result.passed;
    failed += result.failed;
    if (result.code !== 0 && result.failed === 0) broken++;
    console.log(`--- suite "${suite.name}": exit ${result.code}, ${result.passed} passed, ${result.failed} failed (${result.seconds.toFixed(1)} s)`);
  }
  if (shared && !keep) rmSync(shared.work, { recursive: true, force: true });
}
if (broken > 0) console.log(`integration: ${broken} suite(s) did not run to completion`);
console.log(`integration: ${passed} passed, ${failed + broken} failed`);
process.exit(failed + broken > 0 ? 1 : 0);

async function runSuite(suite, shared) {
  const t0 = Date.now();
  const work = shared ? shared.work : mkdtempSync(path.join(os.tmpdir(), `news-annotator-it-${suite.name}-`));
  const workspace = path.join(work, 'workspace');
  if (!existsSync(workspace)) {
    if (suite.workspace) cpSync(suite.workspace, workspace, { recursive: true });
    else mkdirSync(workspace);
  }
  const extensionsDir = path.join(work, 'extensions');
  mkdirSync(extensionsDir, { recursive: true });
  if (suite.vsix) {
    const out = installVsix(suite.vsix, extensionsDir);
    console.log(out.trim().split('\n').slice(-1)[0]);
  }
  const server = await startCodeServer({ extensionsDir, settings: suite.settings, env: suite.env, workspaceTrust: !!suite.workspaceTrust, userDataDir: shared ? path.join(work, 'user-data') : undefined });
  const browser = await launchChromium();
  let passed = 0;
  let failed = 0;
  let code = 1;
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const done = new Promise((resolve) => {
      void page.exposeFunction('codeAutomationExit', (c) => resolve(Number(c)));
    });
    await page.exposeFunction('codeAutomationLog', (_type, args) => {
      const line = format(...(Array.isArray(args) ? args : [args]));
      const m = /^mocha: (\d+) passed, (\d+) failed/.exec(line.trim());
      if (m) {
        passed = Number(m[1]);
        failed = Number(m[2]);
      }
      process.stdout.write(line + '\n');
    });
    const payload = [
      ['extensionDevelopmentPath', server.remote(suite.extensionDevelopmentPath)],
      ['extensionTestsPath', server.remote(suite.testsIndex)],
      ['skipWelcome', 'true'],
    ];
    await page.goto(suite.workspaceFile ? server.workspaceUrl(path.join(workspace, suite.workspaceFile), payload) : server.url(workspace, payload));
    const timer = new Promise((resolve) => setTimeout(() => resolve('timeout'), timeoutMin * 60_000));
    const r = await Promise.race([done, timer]);
    if (r === 'timeout') {
      console.log(`suite "${suite.name}" timed out after ${timeoutMin} min`);
      const shot = path.join(work, 'timeout.png');
      await page.screenshot({ path: shot }).catch(() => {});
      console.log(`screenshot of the hung workbench: ${shot}`);
      code = 1;
    } else {
      code = r;
    }
  } catch (err) {
    console.log(`suite "${suite.name}" failed to run: ${err && err.stack ? err.stack : err}`);
    code = 1;
  } finally {
    await browser.close().catch(() => {});
    server.stop();
    if (code !== 0) console.log(server.output().split('\n').filter((l) => /error/i.test(l)).slice(-20).join('\n'));
    if (!shared && !keep && code === 0) rmSync(work, { recursive: true, force: true });
    else if (code !== 0 || keep) console.log(`kept the suite's files in ${work}`);
  }
  return { code, passed, failed, seconds: (Date.now() - t0) / 1000 };
}
