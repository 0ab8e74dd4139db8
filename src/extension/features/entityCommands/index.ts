/**
 * Correct Entity…: retype a name, mark it as not an entity, or merge it into another entity, in one step from the
 * editor, the Entities view or a hover. Writes the corrections file of the article's workspace folder (see
 * docs/entity-corrections.md) with applyCorrectionEdit; the corrections service's live reload then re-analyses.
 */
import * as vscode from 'vscode';
import { applyCorrectionEdit, CORRECTIONS_FILE, parseEntityCorrections, type CorrectionEdit, type Entity, type EntityType } from '../../../core/analysis';
import { migrateEntityRef } from '../../../core/annotations/entityRefs';
import { config } from '../../config';
import { Commands } from '../../constants';
import { editCorrectionsFile } from '../../editor/correctionsFile';
import type { FeatureContext } from '../../featureContext';
import type { ArticleEntry } from '../../model/articleCatalog';
import type { TreeNode } from '../../trees/treeNodes';

/** Lets tests (and keybindings) skip the prompts. `target`: the id or name of the entity to merge into. */
export interface CorrectEntityArgs {
  readonly action: 'type' | 'suppress' | 'alias';
  readonly type?: EntityType;
  readonly target?: string;
}

const TYPE_LABEL: Record<EntityType, string> = { person: 'Person', organization: 'Organisation', place: 'Place' };

function isArgs(x: unknown): x is CorrectEntityArgs {
  return !!x && typeof x === 'object' && 'action' in x && !('kind' in x);
}

/** A place in an article (what a hover's "Correct…" link passes: the hovered name, not the cursor's). */
export interface EntityAt {
  readonly uri: string;
  readonly offset: number;
}

function isAt(x: unknown): x is EntityAt {
  return !!x && typeof x === 'object' && typeof (x as EntityAt).uri === 'string' && typeof (x as EntityAt).offset === 'number';
}

function isEntityNode(x: unknown): x is Extract<TreeNode, { kind: 'entity' }> {
  return !!x && typeof x === 'object' && 'kind' in x && (x as TreeNode).kind === 'entity';
}

/** The corrections file of a folder: the setting (trusted workspaces only) or the default. */
function correctionsUri(folder: vscode.WorkspaceFolder): vscode.Uri {
  const rel = config.correctionsFile(folder) || CORRECTIONS_FILE;
  return vscode.Uri.joinPath(folder.uri, ...rel.split('/').filter(Boolean));
}

export function register(ctx: FeatureContext): void {
  /** The entity the command is about, and the article that gives its workspace folder. */
  const subject = async (arg: unknown): Promise<{ entity: Entity; article: ArticleEntry } | undefined> => {
    if (isEntityNode(arg)) {
      const article = arg.article ?? ctx.entities.get(arg.entity.id)?.articles[0]?.article;
      return article ? { entity: arg.entity, article } : undefined;
    }
    if (isAt(arg)) {
      const article = ctx.catalog.get(arg.uri);
      const at = article && ctx.entities.mentionAt(article, arg.offset);
      return article && at ? { entity: at.entity, article } : undefined;
    }
    const editor = vscode.window.activeTextEditor;
    const article = editor && (await ctx.catalog.current(editor.document));
    if (!editor || !article) return undefined;
    const at = ctx.entities.mentionAt(article, editor.document.offsetAt(editor.selection.active));
    return at ? { entity: at.entity, article } : undefined;
  };

  /** Every form the entity is written in across the corpus (what "Not an entity" and "Same as…" act on). */
  const forms = (entity: Entity): string[] => {
    const all = [entity.name, ...entity.mentions.map((m) => m.text)];
    for (const a of ctx.entities.get(entity.id)?.articles ?? []) for (const m of a.entity.mentions) all.push(m.text);
    const seen = new Set<string>();
    return all.filter((f) => {
      const k = f.trim().toLowerCase();
      if (!k || seen.has(k)) return false;
      seen.add(k);
      return true;
    });
  };

  const ask = async (entity: Entity): Promise<CorrectEntityArgs | undefined> => {
    type Item = vscode.QuickPickItem & { args?: CorrectEntityArgs };
    const items: Item[] = (['person', 'organization', 'place'] as const).map((t) => ({
      label: TYPE_LABEL[t],
      description: t === entity.type ? (entity.uncertain ? '(current type, uncertain: pick it to confirm)' : '(current type)') : undefined,
      args: { action: 'type', type: t },
    }));
    items.push({ label: '', kind: vscode.QuickPickItemKind.Separator });
    items.push({ label: 'Not an entity', description: `never show "${entity.name}" as ${withArticle(TYPE_LABEL[entity.type].toLowerCase())}`, args: { action: 'suppress' } });
    items.push({ label: 'Same as…', description: 'merge it into another entity of the workspace', args: { action: 'alias' } });
    const pick = await vscode.window.showQuickPick(items, { title: `Correct "${entity.name}"`, placeHolder: 'Type, not an entity, or the same as another entity' });
    return pick?.args;
  };

  const pickTarget = async (entity: Entity): Promise<string | undefined> => {
    const others = ctx.entities
      .all()
      .filter((e) => e.id !== entity.id)
      .sort((a, b) => b.mentionCount - a.mentionCount);
    if (others.length === 0) {
      void vscode.window.showInformationMessage('No other entity in the workspace to merge it into.');
      return undefined;
    }
    const pick = await vscode.window.showQuickPick(
      others.map((e) => ({ label: e.name, description: `${TYPE_LABEL[e.type]} · ${e.mentionCount} mention${e.mentionCount === 1 ? '' : 's'}`, id: e.id })),
      { title: `"${entity.name}" is the same as…`, matchOnDescription: true },
    );
    return pick?.id;
  };

  ctx.subscriptions.push(
    vscode.commands.registerCommand(Commands.correctEntity, async (arg?: unknown, maybeArgs?: unknown): Promise<boolean> => {
      if (!vscode.workspace.isTrusted) {
        void vscode.window.showErrorMessage('News Annotator: entity corrections cannot be written in an untrusted workspace. Trust the workspace first.');
        return false;
      }
      const s = await subject(arg);
      if (!s) {
        void vscode.window.showInformationMessage('Put the cursor on the name of a person, organisation or place (or pick one in the Entities view).');
        return false;
      }
      const folder = s.article.folder;
      if (!folder) {
        void vscode.window.showErrorMessage('News Annotator: this article is outside the workspace folders; there is no corrections file for it.');
        return false;
      }
      const args = isArgs(arg) ? arg : isArgs(maybeArgs) ? maybeArgs : await ask(s.entity);
      if (!args) return false;
      const edits: CorrectionEdit[] = [];
      let fallback: Fallback | undefined;
      if (args.action === 'type') {
        if (!args.type || !(args.type in TYPE_LABEL)) {
          void vscode.window.showErrorMessage('News Annotator: Correct Entity: a type (person, organization or place) is needed.');
          return false;
        }
        // The current type of an uncertain name is written too: confirming it settles the name.
        if (args.type === s.entity.type && !s.entity.uncertain) return false;
        edits.push({ kind: 'type', name: s.entity.name, type: args.type });
      } else if (args.action === 'suppress') {
        const texts = forms(s.entity);
        for (const text of texts) edits.push({ kind: 'suppress', text, type: s.entity.type });
        // A typed rule is matched against the recogniser's own guess for each mention, which can differ from the
        // type the article ends up showing: when the typed rules would leave the entity in this article, drop the
        // name as any type instead (and say so).
        const article = s.article;
        const id = s.entity.id;
        fallback = {
          // The article analysed with the new file (on a worker, ahead of the queue).
          works: async (next) => !(await ctx.workers.analyze(article.text, { corrections: parseEntityCorrections(next) }, article.uri, true)).entities.some((e) => e.id === id),
          edits: texts.map((text) => ({ kind: 'suppress', text })),
          note: `"${s.entity.name}" is suppressed as any type (as ${withArticle(TYPE_LABEL[s.entity.type].toLowerCase())} alone it would still be found)`,
        };
      } else if (args.action === 'alias') {
        const targetKey = args.target ?? (await pickTarget(s.entity));
        if (!targetKey) return false;
        const target = ctx.entities.get(migrateEntityRef(targetKey)) ?? ctx.entities.all().find((e) => e.name.toLowerCase() === targetKey.toLowerCase());
        if (!target) {
          void vscode.window.showErrorMessage(`News Annotator: no entity "${targetKey}" in the workspace.`);
          return false;
        }
        if (target.id === s.entity.id) return false;
        for (const alias of forms(s.entity)) {
          if (alias.toLowerCase() !== target.name.toLowerCase()) edits.push({ kind: 'alias', name: target.name, alias, type: target.type });
        }
      } else {
        void vscode.window.showErrorMessage(`News Annotator: Correct Entity: unknown action "${String((args as { action: unknown }).action)}".`);
        return false;
      }
      return write(correctionsUri(folder), edits, fallback);
    }),
  );
}

/** Other edits to make when the first ones would not have the intended effect. */
interface Fallback {
  readonly works: (next: string) => Promise<boolean>;
  readonly edits: readonly CorrectionEdit[];
  readonly note: string;
}

/** Applies the edits (or the fallback's, when the edits would not have the intended effect) to the file. */
async function write(file: vscode.Uri, edits: readonly CorrectionEdit[], fallback?: Fallback): Promise<boolean> {
  let note: string | undefined;
  const written = await editCorrectionsFile(file, async (source) => {
    let next = source;
    for (const e of edits) next = applyCorrectionEdit(next, e);
    if (fallback && next !== undefined && !(await fallback.works(next))) {
      next = source;
      for (const e of fallback.edits) next = applyCorrectionEdit(next, e);
      note = fallback.note;
    }
    return next;
  });
  if (written && note) void vscode.window.showInformationMessage(`News Annotator: ${note}.`);
  return written;
}

/** "a person", "an organisation", "a place". */
function withArticle(noun: string): string {
  return `${/^[aeiou]/i.test(noun) ? 'an' : 'a'} ${noun}`;
}
