#!/usr/bin/env node
// `node scripts/screenshots-dashboard.mjs [outDir]`: the Quote Dashboard's screenshots for the README, in the
// real VS Code (code-server + headless Chromium), light and dark, on a copy of samples/ and the dashboard test
// articles (all written for this repository). `npm run screenshots` runs it after the other screenshots.
import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import { ROOT, ensureCodeServer, startCodeServer, launchChromium } from './lib/vscode-server.mjs';
import { sleep, workbench } from './lib/workbench.mjs';

const out = path.resolve(process.argv.slice(2).find((a) => !a.startsWith('--')) ?? path.join(ROOT, 'docs', 'screenshots'));
mkdirSync(out, { recursive: true });
if (!process.argv.includes('--no-build')) {
  const build = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'build.mjs')], { stdio: 'inherit' });
  if (build.status !== 0) process.exit(1);
}
ensureCodeServer();


async function take(theme, name, { clickSpeaker }) {
  const work = mkdtempSync(path.join(os.tmpdir(), 'news-annotator-dash-shots-'));
  const workspace = path.join(work, 'articles');
  cpSync(path.join(ROOT, 'samples'), workspace, { recursive: true });
  cpSync(path.join(ROOT, 'test', 'fixtures', 'dashboard'), path.join(workspace, 'port-alder'), { recursive: true });
  const server = await startCodeServer({ settings: { 'workbench.colorTheme': theme, 'workbench.startupEditor': 'none', 'window.commandCenter': false } });
  const browser = await launchChromium();
  const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
  const { palette } = workbench(page);
  try {
    await page.goto(server.url(workspace, [['extensionDevelopmentPath', server.remote(ROOT)], ['skipWelcome', 'true']]));
    await page.waitForSelector('.monaco-workbench', { timeout: 60_000 });
    await sleep(4000);
    await palette('View: Show News');
    await sleep(1500);
    await palette('News Annotator: Open Quote Dashboard');
    await sleep(1500);
    await palette('View: Close Primary Side Bar');
    await palette('View: Join All Editor Groups');
    // The webview's document is in a nested iframe: find the frame that holds the dashboard.
    let frame;
    for (let i = 0; i < 100 && !frame; i++) {
      frame = page.frames().find((f) => f.url().includes('index.html') && f.childFrames().length === 0 && f.parentFrame()?.url().includes('webview'));
      for (const f of page.frames()) if (!frame && (await f.$('#app svg').catch(() => null))) frame = f;
      if (!frame) await sleep(200);
    }
    if (!frame) throw new Error('the dashboard webview did not appear');
    await frame.waitForSelector('#speakers-chart svg', { timeout: 30_000 });
    if (clickSpeaker) {
      const button = frame.locator('#speakers table button.link', { hasText: clickSpeaker }).first();
      await button.click();
      await frame.waitForSelector('#statements table', { timeout: 10_000 });
      await frame.locator('#statements').scrollIntoViewIfNeeded();
    }
    await sleep(800);
    await page.screenshot({ path: path.join(out, `${name}.png`) });
    console.log(`screenshot: ${path.join(out, name)}.png`);
  } finally {
    await browser.close();
    server.stop();
    rmSync(work, { recursive: true, force: true });
  }
}

await take('Default Light Modern', 'dashboard-light', {});
await take('Default Dark Modern', 'dashboard-dark', { clickSpeaker: 'Elena Varga' });
