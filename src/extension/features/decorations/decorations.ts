/**
 * Highlights: direct quotations, reported speech, people, organisations, places (fainter when uncertain) and annotated passages, each a
 * themable colour
 * (contributes.colors) and each switchable in settings; the tags of an annotated passage and the first line of
 * its note after its line; overview-ruler marks. Redraws only visible editors, debounced while typing.
 */
import * as vscode from 'vscode';
import type { DecorationSnapshot } from '../../api';
import { config } from '../../config';
import type { ArticleCatalog } from '../../model/articleCatalog';
import type { AnnotationView } from '../../model/annotationView';

/** `quote`: direct quotations; `reported`: reported speech and the reported clause of a mixed quote. */
type Kind = 'quote' | 'reported' | 'person' | 'organization' | 'place' | 'uncertain' | 'annotation';

export interface DecorationSources {
  readonly catalog: ArticleCatalog;
  annotations(uri: string): readonly AnnotationView[];
  readonly onDidChangeAnnotations: vscode.Event<unknown>;
}

const color = (id: string) => new vscode.ThemeColor(`newsAnnotator.${id}`);

export class Decorations implements vscode.Disposable {
  private types = new Map<Kind | 'tags', vscode.TextEditorDecorationType>();
  private readonly disposables: vscode.Disposable[] = [];
  private readonly applied = new Map<string, DecorationSnapshot>();
  private firstDrawAt: number | undefined;

  constructor(private readonly src: DecorationSources) {
    this.createTypes();
    this.disposables.push(
      vscode.window.onDidChangeVisibleTextEditors(() => this.redrawVisible()),
      // The catalog re-analyses edited articles after a pause in typing (meanwhile VS Code moves the existing
      // decorations with the text) and tells us which ones changed.
      src.catalog.onDidChange((e) => this.redrawVisible(e.listChanged ? undefined : e.keys)),
      src.onDidChangeAnnotations((uri) => this.redrawVisible(typeof uri === 'string' && uri ? [uri] : undefined)),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (config.affects(e, 'highlights')) {
          this.createTypes();
          this.redrawVisible();
        }
      }),
    );
  }

  /** performance.now() of the first highlight drawn (for the activation/time-to-first-highlight figure). */
  get firstDraw(): number | undefined {
    return this.firstDrawAt;
  }

  snapshot(uri: string): DecorationSnapshot {
    return this.applied.get(uri) ?? {};
  }

  private readonly draws = new Map<string, number>();

  /** How many times the document's editors were drawn (the tests count redraws). */
  drawCount(uri: string): number {
    return this.draws.get(uri) ?? 0;
  }

  private createTypes(): void {
    for (const t of this.types.values()) t.dispose();
    this.types.clear();
    const ruler = config.highlights().overviewRuler;
    const lane = vscode.OverviewRulerLane.Right;
    this.types.set(
      'quote',
      vscode.window.createTextEditorDecorationType({
        backgroundColor: color('quoteBackground'),
        borderColor: color('quoteBorder'),
        borderStyle: 'none none solid none',
        borderWidth: '0 0 1px 0',
        overviewRulerColor: ruler ? color('overviewRulerQuote') : undefined,
        overviewRulerLane: lane,
        rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
      }),
    );
    this.types.set(
      'reported',
      vscode.window.createTextEditorDecorationType({
        backgroundColor: color('reportedBackground'),
        borderColor: color('reportedBorder'),
        borderStyle: 'none none dotted none',
        borderWidth: '0 0 1px 0',
        overviewRulerColor: ruler ? color('reportedBorder') : undefined,
        overviewRulerLane: lane,
        rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
      }),
    );
    this.types.set('person', vscode.window.createTextEditorDecorationType({ color: color('personForeground'), fontWeight: '600' }));
    this.types.set('organization', vscode.window.createTextEditorDecorationType({ color: color('organizationForeground'), fontWeight: '600' }));
    this.types.set('place', vscode.window.createTextEditorDecorationType({ color: color('placeForeground'), fontStyle: 'italic' }));
    // A name the recogniser was unsure of (any type): fainter, normal weight, a dotted underline.
    this.types.set(
      'uncertain',
      vscode.window.createTextEditorDecorationType({ color: color('uncertainEntityForeground'), borderColor: color('uncertainEntityForeground'), borderStyle: 'none none dotted none', borderWidth: '0 0 1px 0' }),
    );
    this.types.set(
      'annotation',
      vscode.window.createTextEditorDecorationType({
        backgroundColor: color('annotationBackground'),
        border: '1px solid',
        borderColor: color('annotationBorder'),
        borderRadius: '3px',
        overviewRulerColor: ruler ? color('overviewRulerAnnotation') : undefined,
        overviewRulerLane: vscode.OverviewRulerLane.Left,
        rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
      }),
    );
    this.types.set(
      'tags',
      vscode.window.createTextEditorDecorationType({
        after: { color: color('inlineTagForeground'), margin: '0 0 0 2em', fontStyle: 'italic' },
        rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
      }),
    );
  }

  /** Redraws the visible editors (only those showing `keys`, when given). */
  redrawVisible(keys?: readonly string[]): void {
    for (const ed of vscode.window.visibleTextEditors) {
      if (!keys || keys.includes(ed.document.uri.toString())) this.draw(ed);
    }
  }

  private draw(editor: vscode.TextEditor): void {
    const doc = editor.document;
    const key = doc.uri.toString();
    this.draws.set(key, (this.draws.get(key) ?? 0) + 1);
    const entry = this.src.catalog.get(key);
    const h = config.highlights();
    const ranges: Record<Kind, vscode.DecorationOptions[]> = { quote: [], reported: [], person: [], organization: [], place: [], uncertain: [], annotation: [] };
    const tags: vscode.DecorationOptions[] = [];
    if (entry && h.enabled) {
      // The analysis may be for an older version while typing; skip ranges past the end rather than misplace.
      const len = doc.getText().length;
      const range = (s: number, e: number) => (e <= len ? new vscode.Range(doc.positionAt(s), doc.positionAt(e)) : undefined);
      const an = entry.analysis;
      for (const q of an?.quotes ?? []) {
        if ((q.kind ?? 'direct') === 'direct') {
          if (h.quotes) push(ranges.quote, range(q.start, q.end));
        } else if (h.reportedSpeech) push(ranges.reported, range(q.start, q.end));
      }
      if (an) {
        for (const ent of an.entities) {
          const on = ent.type === 'person' ? h.people : ent.type === 'organization' ? h.organizations : h.places;
          if (on) for (const m of ent.mentions) push(ranges[ent.uncertain ? 'uncertain' : ent.type], range(m.start, m.end));
        }
      }
      if (h.annotations) {
        // After each annotated line: its tags, and the first line of each note on it.
        const byLine = new Map<number, { tags: Set<string>; notes: string[] }>();
        for (const a of this.src.annotations(key)) {
          if (a.status === 'orphaned') continue;
          push(ranges.annotation, range(a.start, a.end));
          const note = a.note ? firstNoteLine(a.note) : undefined;
          if ((a.tags.length > 0 || note) && a.end <= len) {
            const line = doc.positionAt(a.end).line;
            const at = byLine.get(line) ?? { tags: new Set<string>(), notes: [] };
            for (const t of a.tags) at.tags.add(t);
            if (note) at.notes.push(note);
            byLine.set(line, at);
          }
        }
        if (h.inlineTags) {
          for (const [line, at] of byLine) {
            const end = doc.lineAt(line).range.end;
            const contentText = [[...at.tags].map((t) => `#${t}`).join(' '), ...at.notes.map((n) => `✎ ${n}`)].filter(Boolean).join(' · ');
            tags.push({ range: new vscode.Range(end, end), renderOptions: { after: { contentText } } });
          }
        }
      }
    }
    for (const [kind, opts] of Object.entries(ranges) as [Kind, vscode.DecorationOptions[]][]) editor.setDecorations(this.types.get(kind)!, opts);
    editor.setDecorations(this.types.get('tags')!, tags);
    const snap: Record<string, [number, number][]> = {};
    for (const [kind, opts] of Object.entries(ranges)) snap[kind] = opts.map((o) => [doc.offsetAt(o.range.start), doc.offsetAt(o.range.end)]);
    snap['tags'] = tags.map((o) => [doc.offsetAt(o.range.start), doc.offsetAt(o.range.end)]);
    this.applied.set(key, snap);
    if (this.firstDrawAt === undefined && (ranges.quote.length > 0 || ranges.person.length > 0)) this.firstDrawAt = performance.now();
  }

  dispose(): void {
    for (const t of this.types.values()) t.dispose();
    for (const d of this.disposables) d.dispose();
  }
}

/** The first non-empty line of a note, without its Markdown heading, list or quote marker, shortened. */
export function firstNoteLine(note: string): string | undefined {
  const line = note.split('\n').find((l) => l.trim().length > 0);
  if (!line) return undefined;
  const plain = line.replace(/^\s*(?:#{1,6}\s+|[-*+]\s+(?:\[[ xX]\]\s+)?|\d+[.)]\s+|>\s*)/, '').trim();
  return plain.length > 60 ? plain.slice(0, 59) + '…' : plain || undefined;
}

function push(list: vscode.DecorationOptions[], range: vscode.Range | undefined): void {
  if (range) list.push({ range });
}
