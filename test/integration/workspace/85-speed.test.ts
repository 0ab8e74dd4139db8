/** Our own sidecar writes: one Tag Quote is one read and one atomic write of the sidecar, and one redraw. */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { api, closeAllEditors, openArticle, putCursorIn, waitFor, wsUri } from '../helpers';

const QUOTE = 'We will publish the dredging study before the vote';

describe('Sidecar writes: the watcher’s echo of our own write is recognised by content', () => {
  const article = () => wsUri('papers', 'tag-once.txt');
  const sidecar = () => article().fsPath + '.annotations.yaml';
  before(async () => {
    await api();
    fs.writeFileSync(article().fsPath, `Council promises study\n\nBy Lena Haugen\n\n"${QUOTE}," said Ingrid Solberg on Friday.\n`);
  });
  after(async () => {
    await closeAllEditors();
    for (const f of [article().fsPath, sidecar()]) fs.rmSync(f, { force: true });
  });

  it('Tag Quote reads the sidecar once, writes it once (temp file + rename), and redraws the editor once', async () => {
    const a = await api();
    const uri = article().toString();
    await waitFor('the new article analysed', () => a.analysis(uri));
    const editor = await openArticle('papers', 'tag-once.txt');
    await waitFor('its highlights drawn', () => (a.decorations(uri)['quote']?.length ?? 0) > 0);
    putCursorIn(editor, QUOTE, 5);
    const io = a.sidecarIo(uri);
    const draws = a.decorationDraws(uri);
    await vscode.commands.executeCommand('newsAnnotator.tagQuote', { tags: ['once'] });
    assert.ok(fs.existsSync(sidecar()), 'written when the command returns');
    // The file watcher's event for our write arrives; it is recognised as our own (same bytes) and goes no further.
    await waitFor('the echo recognised', () => a.sidecarIo(uri).echoes > io.echoes);
    const now = a.sidecarIo(uri);
    assert.equal(now.writes - io.writes, 1, 'one atomic write');
    assert.equal(now.reads - io.reads, 1, 'one read (the echo compared by content)');
    assert.equal(a.decorationDraws(uri) - draws, 1, 'one redraw');
    assert.deepEqual([...a.annotations(uri)[0]!.tags], ['once']);
  });
});
