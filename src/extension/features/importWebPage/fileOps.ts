/** The import's file operations in VS Code: the extension's FileOps over `vscode.workspace.fs`, plus folders. */
import * as vscode from 'vscode';
import type { ImportFileOps } from '../../../core/import/importer';
import { vscodeFileOps } from '../../vscodeFileOps';

export const importFileOps: ImportFileOps = {
  ...vscodeFileOps,
  async createDirectory(p: string): Promise<void> {
    await vscode.workspace.fs.createDirectory(vscode.Uri.parse(p));
  },
};
