#!/usr/bin/env node
// `node scripts/screenshots.mjs [outDir]` (ONLY_SHOTS=a,b saves only those shots, still walking every step): drives the real VS Code (code-server + headless Chromium) through
// the user journeys on a copy of samples/ and saves the README's screenshots (docs/screenshots by default).
// Everything is done through the UI: the command palette, quick open, the keyboard and the mouse.
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import { ROOT, ensureCodeServer, startCodeServer, launchChromium } from './lib/vscode-server.mjs';
import { sleep, workbench } from './lib/workbench.mjs';

const out = path.resolve(process.argv[2] || path.join(ROOT, 'docs', 'screenshots'));
mkdirSync(out, { recursive: true });
const build = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'build.mjs')], { stdio: 'inherit' });
if (build.status !== 0) process.exit(1);
ensureCodeServer();

const work = mkdtempSync(path.join(os.tmpdir(), 'news-annotator-shots-'));
const workspace = path.join(work, 'samples');
cpSync(path.join(ROOT, 'samples'), workspace, { recursive: true });
// The seed articles (../shared/seeds, when present) beside the samples, for the reading-room shots; only the
// temporary copy holds them, never the repository.
const seeds = path.join(ROOT, '..', 'shared', 'seeds');
const withSeeds = existsSync(seeds);
if (withSeeds) cpSync(seeds, path.join(workspace, 'seeds'), { recursive: true });
// An article imported from a saved web page (the import test page), as Import Web Page… would write it.
const imported = spawnSync(process.execPath, [path.join(ROOT, 'dist', 'cli.js'), 'import', path.join(ROOT, 'test', 'fixtures', 'import', 'jsonld-news.html'), '--out', path.join(workspace, 'imported')], { stdio: 'inherit' });
if (imported.status !== 0) process.exit(1);
const server = await startCodeServer({
  settings: { 'workbench.colorTheme': process.env.THEME || 'Default Dark Modern', 'editor.fontSize': 14, 'editor.minimap.enabled': false, 'workbench.activityBar.location': 'default' },
});
const browser = await launchChromium();
const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
const only = process.env.ONLY_SHOTS ? new Set(process.env.ONLY_SHOTS.split(',')) : undefined;
const shot = async (name) => {
  await sleep(600);
  if (only && !only.has(name)) return;
  await page.screenshot({ path: path.join(out, `${name}.png`) });
  console.log(`screenshot: ${path.join(out, name)}.png`);
};
const { palette, openFile, cursorOn } = workbench(page);

try {
  await page.goto(server.url(workspace, [['extensionDevelopmentPath', server.remote(ROOT)], ['skipWelcome', 'true']]));
  await page.waitForSelector('.monaco-workbench', { timeout: 60_000 });
  await sleep(4000);
  await palette('View: Show News');
  await sleep(1500);
  await openFile('wire-story.txt');
  await sleep(1500);
  await shot('articles-and-highlights');

  await cursorOn('Astrid Lindqvist');
  await palette('Show or Focus Hover');
  await sleep(1000);
  await shot('hover-entity');
  await page.keyboard.press('Escape');

  // A name the recogniser was unsure of: fainter, dotted, "(uncertain)" in its hover.
  await cursorOn('Institute of Marine Research');
  await palette('Show or Focus Hover');
  await sleep(1000);
  await shot('hover-uncertain');
  await page.keyboard.press('Escape');
  await openFile('wire-story.txt');
  await sleep(1000);

  await cursorOn('NORDWIRE');
  await palette('News Annotator: Correct Entity');
  await sleep(800);
  await shot('correct-entity');
  await page.keyboard.press('Escape');
  await sleep(500);

  await palette('News Annotator: Next Quote');
  await palette('Show or Focus Hover');
  await sleep(1000);
  await shot('hover-quote');
  await page.keyboard.press('Escape');

  await palette('News Annotator: Tag Quote');
  await sleep(500);
  await page.keyboard.type('fisheries, to-verify', { delay: 15 });
  await sleep(500);
  await shot('tag-quote-picker');
  await page.keyboard.press('Enter');
  await sleep(1000);
  // Add Note opens the note in a Markdown editor beside the article; Ctrl+S writes it to the sidecar.
  await palette('News Annotator: Add Note');
  await sleep(1200);
  await page.keyboard.type('Compare with the **ministry transcript**.', { delay: 5 });
  await page.keyboard.press('Enter');
  await page.keyboard.type('- Check the date of the cabinet meeting', { delay: 5 });
  await sleep(500);
  await shot('note-editor');
  await page.keyboard.press('Control+S');
  await sleep(1200);
  await page.keyboard.press('Control+W');
  await sleep(800);
  // The hover of the annotated quote: the note and tags first, then what the analysis says.
  await palette('Show or Focus Hover');
  await sleep(1000);
  await shot('hover-note-first');
  await page.keyboard.press('Escape');
  await palette('News Annotator: Open Sidecar YAML');
  await sleep(1500);
  await shot('sidecar-yaml');
  await palette('View: Close All Editors');
  await openFile('wire-story.txt');
  await cursorOn('We will not sign an agreement');
  await palette('News Annotator: Go to Related Passage');
  await sleep(1200);
  await shot('related-passages');
  await page.keyboard.press('Escape');
  await sleep(2000); // the picker puts the cursor back where it was: let it settle before typing elsewhere

  await palette('News Annotator: Search Articles');
  await sleep(400);
  await page.keyboard.type('speaker:Reinholt deal', { delay: 15 });
  await sleep(1000);
  await shot('search');
  await page.keyboard.press('Escape');

  await page.keyboard.press('Escape');
  await sleep(1000);
  await palette('News: Focus on Entities View');
  await sleep(800);
  for (const key of ['ArrowRight', 'ArrowDown', 'ArrowRight', 'ArrowDown', 'ArrowRight', 'ArrowDown', 'ArrowRight']) {
    await page.keyboard.press(key);
    await sleep(250);
  }
  // The first entity's tooltip (its other forms), made when it is shown (resolveTreeItem): level 2 rows are entities.
  const focusedRow = await page.$('.monaco-list-row[aria-level="2"] .label-name');
  if (focusedRow) {
    await focusedRow.hover();
    await sleep(1500);
  }
  await shot('entities-view');
  await page.mouse.move(0, 0);
  await palette('Outline: Focus on Outline View');
  await sleep(800);
  await shot('outline');

  if (withSeeds) {
    // The reading room on a real article: wrapped paragraphs, no boxes on typographic characters.
    await palette('View: Close All Editors');
    await palette('View: Show News');
    await openFile('000_74cd144e07a3e028');
    await sleep(1500);
    await shot('seed-reading');
    // Reported speech: its own highlight, and the hover naming its kind, speaker and cue.
    await cursorOn('was stronger than any aggressor');
    await palette('Show or Focus Hover');
    await sleep(1000);
    await shot('reported-speech');
    await page.keyboard.press('Escape');
    await palette('News Annotator: Correct Speaker');
    await sleep(800);
    await shot('correct-speaker');
    await page.keyboard.press('Escape');
    await sleep(400);
    // A word that is only in the body of three seeds.
    await palette('News Annotator: Search Articles');
    await sleep(400);
    await page.keyboard.type('sanctions', { delay: 15 });
    await sleep(1200);
    await shot('search-body');
    await page.keyboard.press('Escape');
    // An active filter is shown on the Articles view.
    await palette('News Annotator: Filter Articles');
    await sleep(400);
    await page.keyboard.type('Lavrov', { delay: 15 });
    await page.keyboard.press('Enter');
    await sleep(1200);
    await shot('articles-filter');
  }

  await palette('View: Close All Editors');
  if (withSeeds) await palette('News Annotator: Clear Article Filter');
  await openFile('2025-03-05-harbour-ferry');
  await sleep(1500);
  await palette('News: Focus on Articles View');
  await sleep(800);
  await shot('imported-article');
  await palette('News Annotator: Import Web Page');
  await sleep(800);
  await shot('import-web-page');
  await page.keyboard.press('Escape');
} finally {
  await browser.close();
  server.stop();
  rmSync(work, { recursive: true, force: true });
}
