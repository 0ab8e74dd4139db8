#!/usr/bin/env node
// `npm run test:electron`: the same integration suites in VS Code desktop through @vscode/test-electron, for
// contributors who have VS Code (or can download it). When VS Code cannot be downloaded (no network, as on our
// CI machines), it says so and falls back to the code-server harness (test/harness/run-code-server.mjs).
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, mkdirSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { integrationSuites } from './suites.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const { runTests, downloadAndUnzipVSCode } = await import('@vscode/test-electron');

let vscodeExecutablePath = process.env.VSCODE_EXECUTABLE_PATH;
if (!vscodeExecutablePath) {
  try {
    vscodeExecutablePath = await downloadAndUnzipVSCode('1.100.3');
  } catch (err) {
    console.log(`test:electron: VS Code desktop could not be downloaded (${err && err.message ? err.message.split('\n')[0] : err}).`);
    console.log('test:electron: falling back to the code-server harness (a real VS Code 1.100.3 in headless Chromium).');
    const r = spawnSync(process.execPath, [path.join(here, 'run-code-server.mjs'), ...process.argv.slice(2)], { stdio: 'inherit' });
    process.exit(r.status ?? 1);
  }
}

let failed = 0;
for (const suite of integrationSuites()) {
  if (suite.skip) {
    console.log(`--- integration suite "${suite.name}": skipped (${suite.skip})`);
    continue;
  }
  if (suite.workspaceTrust) {
    console.log(`--- integration suite "${suite.name}": run it with the code-server harness (it starts VS Code with workspace trust on and the folder untrusted)`);
    continue;
  }
  if (suite.vsix) {
    console.log(`--- integration suite "${suite.name}": run it with the code-server harness (it installs the .vsix into a fresh extensions directory)`);
    continue;
  }
  const work = mkdtempSync(path.join(os.tmpdir(), `news-annotator-electron-${suite.name}-`));
  const workspace = path.join(work, 'workspace');
  if (suite.workspace) cpSync(suite.workspace, workspace, { recursive: true });
  else mkdirSync(workspace);
  console.log(`--- integration suite "${suite.name}" in VS Code desktop`);
  try {
    await runTests({
      vscodeExecutablePath,
      extensionDevelopmentPath: suite.extensionDevelopmentPath,
      extensionTestsPath: suite.testsIndex,
      ...(suite.env ? { extensionTestsEnv: suite.env } : {}),
      launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes'],
    });
  } catch (err) {
    console.log(`suite "${suite.name}" failed: ${err && err.message ? err.message : err}`);
    failed++;
  }
}
process.exit(failed > 0 ? 1 : 0);
