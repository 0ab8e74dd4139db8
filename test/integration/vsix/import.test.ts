import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';

const FIXTURES = path.resolve(__dirname, '../../../../test/fixtures/import');

// The production bundle holds the import's libraries (linkedom with its CSS parser stubbed out, Readability), and
// the extension host's Node decodes legacy charsets (full ICU): a Windows-1251 and a Shift_JIS page import whole.
describe('Packaged extension (.vsix): Import Web Page', () => {
  it('imports saved pages in legacy charsets into a folder', async () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'na-vsix-import-'));
    try {
      const r = await vscode.commands.executeCommand<{ imported: { uri: string; existing: boolean }[]; errors: { message: string }[] }>('newsAnnotator.importWebPage', {
        files: [path.join(FIXTURES, 'cp1251.html'), path.join(FIXTURES, 'shift-jis.html')],
        folder: vscode.Uri.file(out).toString(),
        open: false,
      });
      assert.deepEqual(r.errors, []);
      assert.equal(r.imported.length, 2);
      const ru = fs.readFileSync(vscode.Uri.parse(r.imported[0]!.uri).fsPath, 'utf8');
      assert.ok(ru.startsWith('Паромные тарифы вырастут на 12%\n\nOutlet: Северный вестник\n'), ru.slice(0, 200));
      assert.ok(ru.includes('«Мы два года держали цены'));
      const ja = fs.readFileSync(vscode.Uri.parse(r.imported[1]!.uri).fsPath, 'utf8');
      assert.ok(ja.startsWith('フェリー運賃、12%値上げへ\n'), ja.slice(0, 100));
      assert.ok(!ja.includes('\uFFFD'));
      assert.equal(fs.readdirSync(path.join(out, '.news-annotator', 'originals')).length, 2);
    } finally {
      fs.rmSync(out, { recursive: true, force: true });
    }
  });
});
