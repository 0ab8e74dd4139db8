import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';

// Runs with the .vsix installed into a fresh extensions directory (see test/harness/suites.mjs): a file missing
// from the package (bundle, grammar, icons, language configuration) fails here.
describe('Packaged extension (.vsix)', () => {
  it('is installed from the .vsix, not from the sources, and activates', async () => {
    const ext = vscode.extensions.getExtension('news-annotator.news-annotator');
    assert.ok(ext, 'installed');
    assert.ok(!ext.extensionPath.includes('/test/fixtures/'), ext.extensionPath);
    assert.ok(fs.existsSync(path.join(ext.extensionPath, 'dist', 'extension.js')));
    assert.ok(!fs.existsSync(path.join(ext.extensionPath, 'src')), 'sources are not packaged');
    assert.ok(!fs.existsSync(path.join(ext.extensionPath, 'node_modules')), 'dependencies are bundled, not packaged');
    const t0 = performance.now();
    const wasActive = ext.isActive;
    const api = (await ext.activate()) as { whenReady(): Promise<void>; articleUris(): string[]; workers(): { stats: { mode: string; analysed: number } } };
    const activated = performance.now() - t0;
    await api.whenReady();
    // The figure for the closing note: activation from the packaged bundle (module load + activate()).
    console.log(`    timing: activation ${wasActive ? '(already active) ' : ''}${activated.toFixed(1)} ms; first scan done after ${(performance.now() - t0).toFixed(0)} ms`);
    assert.ok(api.articleUris().length >= 3, 'finds the workspace articles');
    // The worker script is in the package: the articles were analysed on worker threads.
    assert.ok(fs.existsSync(path.join(ext.extensionPath, 'dist', 'analysisWorker.js')), 'the analysis worker is packaged');
    assert.equal(api.workers().stats.mode, 'workers');
    assert.ok(api.workers().stats.analysed >= 3, 'the articles were analysed by the workers');
  });

  it('ships every file its manifest refers to', () => {
    const ext = vscode.extensions.getExtension('news-annotator.news-annotator')!;
    const pkg = ext.packageJSON as {
      icon?: string;
      contributes: { grammars: { path: string }[]; languages: { configuration?: string }[]; viewsContainers: { activitybar: { icon: string }[] } };
    };
    const files = [
      ...pkg.contributes.grammars.map((g) => g.path),
      ...pkg.contributes.languages.flatMap((l) => (l.configuration ? [l.configuration] : [])),
      ...pkg.contributes.viewsContainers.activitybar.map((c) => c.icon),
      ...(pkg.icon ? [pkg.icon] : []),
    ];
    for (const f of files) assert.ok(fs.existsSync(path.join(ext.extensionPath, f)), `${f} is in the package`);
    // vsce stores these as readme.md, LICENSE.txt and changelog.md.
    const top = fs.readdirSync(ext.extensionPath).map((f) => f.toLowerCase());
    for (const doc of ['readme.md', 'license.txt', 'changelog.md']) assert.ok(top.includes(doc), `${doc} is in the package`);
    assert.ok(!top.includes('samples') && !top.includes('test'), 'no samples or tests in the package');
  });

  it('its commands run from the package', async () => {
    const commands = await vscode.commands.getCommands(true);
    assert.ok(commands.includes('newsAnnotator.tagQuote'));
    await vscode.commands.executeCommand('newsAnnotator.groupByOutlet');
    await vscode.commands.executeCommand('newsAnnotator.groupByNone');
  });
});
