/**
 * Runs the mocha test files of one integration suite inside the VS Code extension host. Each suite folder has
 * an `index.ts` exporting `run()` (the @vscode/test-electron convention, also used by the code-server harness).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';

export function runSuiteFolder(folder: string): Promise<void> {
  const mocha = new Mocha({
    ui: 'bdd',
    color: false,
    timeout: 60_000,
    reporter: findUp(folder, path.join('test', 'support', 'summary-reporter.cjs')),
  });
  const grep = process.env.NEWS_ANNOTATOR_TEST_GREP;
  if (grep) mocha.grep(grep);
  for (const f of fs.readdirSync(folder).sort()) {
    if (f.endsWith('.test.js')) mocha.addFile(path.join(folder, f));
  }
  return new Promise((resolve, reject) => {
    try {
      mocha.run((failures) => (failures > 0 ? reject(new Error(`${failures} integration test(s) failed`)) : resolve()));
    } catch (err) {
      reject(err instanceof Error ? err : new Error(String(err)));
    }
  });
}

/** The nearest `rel` above `from` (the compiled tests live in out/test/integration/<suite>/). */
function findUp(from: string, rel: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    const p = path.join(dir, rel);
    if (fs.existsSync(p)) return p;
    if (path.dirname(dir) === dir) throw new Error(`cannot find ${rel} above ${from}`);
  }
}
