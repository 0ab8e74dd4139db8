/**
 * Where the extension keeps its caches: one file per kind and per set of workspace folders, in the extension's
 * global storage (the workspace-storage folder is not stable across sessions in every host: code-server gives
 * a reopened folder a new one).
 */
import * as vscode from 'vscode';
import { fingerprint } from '../../core/text/decode';

export function workspaceCacheFile(storage: vscode.Uri, kind: 'analysis-cache' | 'corpus-index'): vscode.Uri {
  const folders = (vscode.workspace.workspaceFolders ?? []).map((f) => f.uri.toString()).join('\n');
  return vscode.Uri.joinPath(storage, `${kind}-${fingerprint(folders).replace(/[^0-9a-z]/g, '')}.bin`);
}
