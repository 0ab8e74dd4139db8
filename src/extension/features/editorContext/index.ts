/**
 * The editor's view of the workspace: context keys for menus, keybindings and the welcome view
 * (`newsAnnotator.isArticle`, `hasArticles`, `ready`), and the `news` language (grammar) for the articles we
 * manage, and only for them.
 */
import * as vscode from 'vscode';
import { config } from '../../config';
import { ContextKeys, NEWS_LANGUAGE_ID } from '../../constants';
import type { FeatureContext } from '../../featureContext';

export function register(ctx: FeatureContext): void {
  const { catalog } = ctx;
  const updateEditorContext = () => {
    const doc = vscode.window.activeTextEditor?.document;
    void vscode.commands.executeCommand('setContext', ContextKeys.isArticle, !!doc && catalog.isArticleUri(doc.uri));
  };
  const adoptLanguage = (doc: vscode.TextDocument) => {
    if (doc.languageId === 'plaintext' && config.useNewsLanguage() && catalog.isArticleUri(doc.uri)) {
      // Rejects when the document was closed meanwhile: nothing to do then.
      vscode.languages.setTextDocumentLanguage(doc, NEWS_LANGUAGE_ID).then(undefined, () => undefined);
    }
  };
  ctx.subscriptions.push(
    vscode.window.onDidChangeActiveTextEditor(updateEditorContext),
    catalog.onDidChange(() => {
      void vscode.commands.executeCommand('setContext', ContextKeys.hasArticles, catalog.all().length > 0);
      void vscode.commands.executeCommand('setContext', ContextKeys.ready, catalog.isReady);
      updateEditorContext();
    }),
    vscode.workspace.onDidOpenTextDocument(adoptLanguage),
  );
  updateEditorContext();
  vscode.workspace.textDocuments.forEach(adoptLanguage);
}
