/**
 * Writing a folder's corrections file (entity corrections, speaker corrections) the one safe way: read it (a
 * missing file is empty), apply the edit to its text (the core's edit keeps comments and other entries, and throws
 * on a broken file), write it back only when it changed. A broken file is reported with a button to open it and
 * is never overwritten.
 */
import * as vscode from 'vscode';

/**
 * `edit` maps the file's text (undefined: no file yet) to its new text. Returns true when the file was written.
 */
export async function editCorrectionsFile(file: vscode.Uri, edit: (source: string | undefined) => string | undefined | Promise<string | undefined>): Promise<boolean> {
  if (!vscode.workspace.isTrusted) {
    void vscode.window.showErrorMessage('News Annotator: corrections cannot be written in an untrusted workspace. Trust the workspace first.');
    return false;
  }
  let source: string | undefined;
  try {
    source = new TextDecoder().decode(await vscode.workspace.fs.readFile(file));
  } catch (err) {
    if (!(err instanceof vscode.FileSystemError) || err.code !== 'FileNotFound') {
      void vscode.window.showErrorMessage(`News Annotator: cannot read ${vscode.workspace.asRelativePath(file)}: ${(err as Error).message}`);
      return false;
    }
  }
  let next: string | undefined;
  try {
    next = await edit(source);
  } catch (err) {
    const open = 'Open File';
    void vscode.window
      .showErrorMessage(`News Annotator: ${vscode.workspace.asRelativePath(file)}: ${(err as Error).message}. The file was not changed.`, ...(source !== undefined ? [open] : []))
      .then(async (choice) => {
        if (choice === open) await vscode.window.showTextDocument(file);
      });
    return false;
  }
  if (next === undefined || next === source) {
    vscode.window.setStatusBarMessage('News Annotator: the corrections file already says so', 4000);
    return false;
  }
  await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(file, '..'));
  await vscode.workspace.fs.writeFile(file, new TextEncoder().encode(next));
  vscode.window.setStatusBarMessage(`News Annotator: saved in ${vscode.workspace.asRelativePath(file)}; re-analysing`, 4000);
  return true;
}
