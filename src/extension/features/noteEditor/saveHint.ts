/**
 * The note tab says how it saves: a faint line after the note's first line, "Save (Ctrl+S / ⌘S) writes this note
 * into <sidecar>", as a decoration (never part of the note's text).
 */
import * as vscode from 'vscode';
import { SIDECAR_SUFFIX } from '../../../core/workspace/articleFiles';

export function saveHint(scheme: string): { disposables: vscode.Disposable[]; hintOf: (editor: vscode.TextEditor) => string | undefined } {
  const type = vscode.window.createTextEditorDecorationType({
    after: { color: new vscode.ThemeColor('editorCodeLens.foreground'), margin: '0 0 0 2em', fontStyle: 'italic' },
    rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
  });
  const shown = new WeakMap<vscode.TextEditor, string>();
  const hintOf = (editor: vscode.TextEditor) => shown.get(editor);
  const draw = (editors: readonly vscode.TextEditor[]) => {
    for (const editor of editors) {
      if (editor.document.uri.scheme !== scheme) continue;
      // The note's path is /<article path>/<id>/<title>.md: the sidecar is beside the article.
      const article = editor.document.uri.path.split('/').slice(0, -2).pop() ?? 'the article';
      const text = `Save (Ctrl+S / ⌘S) writes this note into ${article}${SIDECAR_SUFFIX}`;
      const end = editor.document.lineAt(0).range.end;
      editor.setDecorations(type, [{ range: new vscode.Range(end, end), renderOptions: { after: { contentText: text } } }]);
      shown.set(editor, text);
    }
  };
  draw(vscode.window.visibleTextEditors);
  return {
    hintOf,
    disposables: [
      type,
      vscode.window.onDidChangeVisibleTextEditors(draw),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.document.uri.scheme === scheme) draw(vscode.window.visibleTextEditors.filter((x) => x.document === e.document));
      }),
    ],
  };
}
