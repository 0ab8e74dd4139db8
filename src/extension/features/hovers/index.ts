/**
 * Hovers in articles: on a quotation (speaker, cue, tags, note, links to related passages), on a name (canonical
 * name, type, mentions here and across the corpus, links to the articles), on an annotation (tags, note, author,
 * state).
 */
import * as vscode from 'vscode';
import type { OtherName } from '../../../core/analysis/types';
import { passageChange } from '../../../core/anchoring/change';
import { Commands, NEWS_LANGUAGE_ID } from '../../constants';
import { kindLabel, kindOf, statementAt } from '../../editor/statements';
import type { FeatureContext } from '../../featureContext';
import { ENTITY_TYPE_LABEL, UNCERTAIN_LABEL, articleTitle, escapeMd, excerpt } from '../../trees/treeNodes';

const TYPE_SINGULAR = { person: 'person', organization: 'organisation', place: 'place' } as const;

function openLink(uri: string, start: number, end: number): string {
  return `command:${Commands.openArticle}?${encodeURIComponent(JSON.stringify([uri, start, end]))}`;
}

export function register(ctx: FeatureContext): void {
  const selector: vscode.DocumentSelector = [{ language: NEWS_LANGUAGE_ID }, { language: 'plaintext' }];
  ctx.subscriptions.push(vscode.languages.registerHoverProvider(selector, {
    async provideHover(doc, position) {
      // The analysis of the text on screen (on a worker, ahead of the queue), and the index brought up to it.
      const article = await ctx.catalog.current(doc);
      if (!article?.analysis || article.version !== doc.version) return undefined;
      await ctx.index.ready();
      const offset = doc.offsetAt(position);
      let range: vscode.Range | undefined;
      // Our own sections may link to a few commands; a note is the user's Markdown, shown as its own untrusted section.
      const sections: (string | vscode.MarkdownString)[] = [];

      const annotation = ctx.annotations
        .forArticle(article.key)
        .filter((a) => a.status !== 'orphaned' && offset >= a.start && offset <= a.end)
        .sort((a, b) => a.end - a.start - (b.end - b.start))[0];
      const quote = statementAt(article.analysis.quotes, offset);
      const mention = ctx.entities.mentionAt(article, offset);

      // The user's own words first (note, then tags and state), then what the analysis says.
      if (annotation) {
        range = new vscode.Range(doc.positionAt(annotation.start), doc.positionAt(annotation.end));
        if (annotation.note) sections.push(noteMarkdown(annotation.note));
        const state =
          annotation.status === 'fuzzy'
            ? `fuzzy (text ${Math.round((annotation.similarity ?? 0) * 100)}% the same as when annotated)`
            : annotation.status === 'moved'
              ? 'moved (found with its context at a new place)'
              : 'anchored';
        let s = `$(tag) ${annotation.tags.length ? annotation.tags.map((t) => `\`#${t}\``).join(' ') : '_no tags_'}`;
        s += `\n\n_${state}${annotation.author ? ` · ${escapeMd(annotation.author)}` : ''}${annotation.updated ? ` · ${annotation.updated.slice(0, 10)}` : ''}_`;
        if (annotation.status === 'fuzzy') {
          const change = passageChange(annotation.quote, doc.getText(range));
          const shown = change.parts.map((p) => (p.removed ? `~~${escapeMd(p.text.trim())}~~ ` : p.added ? `**${escapeMd(p.text.trim())}** ` : escapeMd(p.text))).join('').replace(/ {2,}/g, ' ');
          s += `\n\nChanged since annotated (${change.removedWords} word${change.removedWords === 1 ? '' : 's'} out, ${change.addedWords} in): ${shown}`;
          s += `\n\n[$(diff) Show what changed](command:${Commands.showAnnotationChange}?${encodeURIComponent(JSON.stringify([{ uri: article.key, id: annotation.id }]))})`;
        }
        sections.push(s);
      }

      if (quote) {
        range ??= new vscode.Range(doc.positionAt(quote.start), doc.positionAt(quote.end));
        const speaker = ctx.entities.speakerName(quote);
        const icon = kindOf(quote) === 'direct' ? '$(quote)' : '$(comment)';
        let s = `${icon} **${speaker ? escapeMd(speaker) : 'Unattributed'}**${quote.cue ? ` — _${escapeMd(quote.cue)}_` : ''} · ${kindLabel(quote)}${quote.corrected ? ' · speaker corrected' : ''}`;
        const index = ctx.index.index;
        if (index.has(article.key)) {
          const source = index.sourceAt(article.key, offset);
          const related = source ? index.relatedTo(source, { limit: 3, otherArticlesOnly: true }) : [];
          if (related.length > 0) {
            s += '\n\nRelated:\n';
            for (const r of related) {
              const other = ctx.catalog.get(r.path);
              s += `\n- [${escapeMd(excerpt(r.text, 70))}](${openLink(r.path, r.start, r.end)}) — ${escapeMd(other ? articleTitle(other) : r.path)} _(${escapeMd(r.reasons.map((x) => x.detail).join('; '))})_`;
            }
            s += `\n\n[More related passages…](command:${Commands.goToRelated}?${encodeURIComponent(JSON.stringify([{ uri: article.key, offset }]))})`;
          }
        }
        // The place hovered, so the links act on this statement wherever the cursor is.
        const at = encodeURIComponent(JSON.stringify([{ uri: article.key, offset: quote.start }]));
        const links = annotation ? [] : [`[$(tag) Tag this quote](command:${Commands.tagQuote}?${at})`, `[$(note) Add a note](command:${Commands.addNote}?${at})`];
        links.push(`[$(person) Correct speaker…](command:${Commands.correctSpeaker}?${at})`);
        s += `\n\n${links.join(' · ')}`;
        sections.push(s);
      }

      // A name's own section, also inside a statement (reported speech spans whole clauses full of names).
      if (mention) {
        range ??= new vscode.Range(doc.positionAt(mention.mention.start), doc.positionAt(mention.mention.end));
        const e = mention.entity;
        const corpus = ctx.entities.get(e.id);
        let s = `$(${e.type === 'person' ? 'person' : e.type === 'organization' ? 'organization' : 'location'}) **${escapeMd(corpus?.name ?? e.name)}** — ${TYPE_SINGULAR[e.type]}`;
        if (e.uncertain) s += ` ${UNCERTAIN_LABEL}: the recogniser was unsure of this name; Correct… settles it`;
        s += `\n\n${e.mentions.length} mention${e.mentions.length === 1 ? '' : 's'} in this article`;
        if (corpus) s += `; ${corpus.mentionCount} in ${corpus.articles.length} article${corpus.articles.length === 1 ? '' : 's'} of the workspace`;
        const aliases = [...new Set(e.mentions.map((m) => m.text))].filter((t) => t !== e.name);
        if (aliases.length) s += `\n\nAlso written: ${aliases.map(escapeMd).join(', ')}`;
        const others = (corpus?.articles ?? []).filter((x) => x.article.key !== article.key).slice(0, 5);
        if (others.length) {
          s += `\n\nIn other articles (${ENTITY_TYPE_LABEL[e.type].toLowerCase()} view lists all):`;
          for (const o of others) s += `\n- [${escapeMd(articleTitle(o.article))}](${openLink(o.article.key, o.firstStart, o.firstEnd)}) (${o.mentionCount})`;
        }
        s += `\n\n[$(edit) Correct…](command:${Commands.correctEntity}?${encodeURIComponent(JSON.stringify([{ uri: article.key, offset: mention.mention.start }]))})`;
        sections.push(s);
      }

      // Another proper name (a product, event, work): said so, never offered as an entity.
      const other = mention || quote || annotation ? undefined : otherNameAt(article.analysis.otherNames, offset);
      if (other) {
        range = new vscode.Range(doc.positionAt(other.start), doc.positionAt(other.end));
        sections.push(`**${escapeMd(other.name)}** — other name (product, event, work…), not a person, organisation or place`);
      }

      if (sections.length === 0) return undefined;
      const contents = sections.map((s) => {
        if (typeof s !== 'string') return s;
        const md = new vscode.MarkdownString(s, true);
        md.isTrusted = { enabledCommands: [Commands.openArticle, Commands.goToRelated, Commands.tagQuote, Commands.addNote, Commands.correctEntity, Commands.showAnnotationChange, Commands.correctSpeaker] };
        return md;
      });
      return new vscode.Hover(contents, range);
    },
  }));
}

function otherNameAt(names: readonly OtherName[], offset: number): { name: string; start: number; end: number } | undefined {
  for (const o of names) for (const m of o.mentions) if (offset >= m.start && offset <= m.end) return { name: o.name, start: m.start, end: m.end };
  return undefined;
}

/** A note as Markdown, untrusted (no command links, no HTML, no theme icons), as the user wrote it. */
export function noteMarkdown(note: string): vscode.MarkdownString {
  const md = new vscode.MarkdownString(note, false);
  md.supportHtml = false;
  return md;
}
