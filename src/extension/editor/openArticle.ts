/** Opening an article at a passage (the same reveal for trees, hovers, search, related passages, the dashboard). */
import * as vscode from 'vscode';
import type { TreeNode } from '../trees/treeNodes';

/** Opens an article (URI string) and selects `start..end` when given; reveals it in the centre. */
export async function openArticleAt(uri: string, start?: number, end?: number, options: { preview?: boolean; preserveFocus?: boolean; viewColumn?: vscode.ViewColumn } = {}): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(vscode.Uri.parse(uri));
  const editor = await vscode.window.showTextDocument(doc, { preview: options.preview ?? true, preserveFocus: options.preserveFocus ?? false, viewColumn: options.viewColumn });
  if (typeof start === 'number' && start >= 0) {
    const s = doc.positionAt(start);
    const e = doc.positionAt(typeof end === 'number' && end >= start ? end : start);
    editor.selection = new vscode.Selection(s, e);
    editor.revealRange(new vscode.Range(s, e), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }
  return editor;
}

/** Where a tree node points in its article, if anywhere. */
export function nodeLocation(node: TreeNode): { uri: string; start?: number; end?: number } | undefined {
  switch (node.kind) {
    case 'article':
      return { uri: node.article.key };
    case 'quote':
      return { uri: node.article.key, start: node.quote.start, end: node.quote.end };
    case 'annotation':
      return { uri: node.article.key, start: node.annotation.start, end: node.annotation.end };
    case 'mention':
      return { uri: node.article.key, start: node.start, end: node.end };
    case 'entity':
      return node.article ? { uri: node.article.key, start: node.entity.mentions[0]?.start, end: node.entity.mentions[0]?.end } : undefined;
    default:
      return undefined;
  }
}
