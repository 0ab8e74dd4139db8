/**
 * Where each annotation of one article is in the article's current text: resolved from the stored targets
 * (re-attached by quote and context), moved with the text while it is edited, and written back into the
 * targets when they are saved.
 */
import { makeTarget, resolveTargets, type Anchor, type TextTarget } from '../../anchoring/anchor';
import { mapRangesThroughEdits, type TextEdit } from '../../anchoring/edits';
import { fingerprint } from '../../text/decode';
import type { Annotation, ResolvedAnnotation, SidecarData } from '../types';
import { byPosition } from './patches';

interface Slot {
  target: TextTarget;
  anchor: Anchor;
}

const ORPHANED: Anchor = { status: 'orphaned', start: -1, end: -1, similarity: 0 };

export class AnchorTracker {
  private slots = new Map<string, Slot>();
  private fpOf: string | null = null;
  private fpValue = '';

  constructor(private currentText: string) {}

  get text(): string {
    return this.currentText;
  }

  /** `fingerprint(this.text)`, computed once per text (a 1 MB article takes a few ms). */
  fingerprint(): string {
    if (this.fpOf !== this.currentText) {
      this.fpValue = fingerprint(this.currentText);
      this.fpOf = this.currentText;
    }
    return this.fpValue;
  }

  /** The annotation with its range and status in the current text. */
  resolved(a: Annotation): ResolvedAnnotation {
    const anchor = this.slots.get(a.id)?.anchor ?? ORPHANED;
    return { annotation: a, status: anchor.status, start: anchor.start, end: anchor.end, similarity: anchor.similarity };
  }

  /** Re-resolves the annotations whose stored target changed (or all) against the current text. */
  resolveAll(annotations: readonly Annotation[], force = false): void {
    const todo: Annotation[] = [];
    const next = new Map<string, Slot>();
    for (const a of annotations) {
      const s = this.slots.get(a.id);
      if (!force && s && s.target === a.target) next.set(a.id, s);
      else todo.push(a);
    }
    const anchors = resolveTargets(
      this.currentText,
      todo.map((a) => a.target),
    );
    todo.forEach((a, i) => next.set(a.id, { target: a.target, anchor: anchors[i]! }));
    this.slots = next;
  }

  /** The article changed outside the editor: re-attach every annotation to `text`. */
  setText(text: string, annotations: readonly Annotation[]): void {
    this.currentText = text;
    this.resolveAll(annotations, true);
  }

  /**
   * Moves the anchors through one change event's edits (all against the text before the event); `newText` is the
   * text after it. An anchor whose whole range was deleted becomes orphaned.
   */
  applyEdits(edits: readonly TextEdit[], newText: string): void {
    const ids: string[] = [];
    const ranges: { start: number; end: number }[] = [];
    for (const [id, s] of this.slots) {
      if (s.anchor.status === 'orphaned') continue;
      ids.push(id);
      ranges.push({ start: s.anchor.start, end: s.anchor.end });
    }
    const mapped = mapRangesThroughEdits(ranges, edits);
    ids.forEach((id, i) => {
      const s = this.slots.get(id)!;
      const m = mapped[i]!;
      s.anchor = m.collapsed ? ORPHANED : { status: s.anchor.status, start: m.start, end: m.end, similarity: s.anchor.similarity };
    });
    this.currentText = newText;
  }

  /** Places an annotation where the user chose (re-attach). */
  place(id: string, start: number, end: number): void {
    const s = this.slots.get(id);
    if (s) s.anchor = { status: 'anchored', start, end, similarity: 1 };
  }

  /** Positions just written are now the stored ones: moved anchors at their stored place count as anchored. */
  settle(): void {
    for (const s of this.slots.values()) {
      if (s.anchor.status === 'moved' && s.anchor.start === s.target.start && s.anchor.end === s.target.end) {
        s.anchor = { ...s.anchor, status: 'anchored' };
      }
    }
  }

  /**
   * `d` with current positions written into the targets of annotations that moved (anchors found or tracked), and
   * the current text's fingerprint; `d` itself when nothing changed.
   */
  withAnchors(d: SidecarData, contextLength: number): SidecarData {
    const fp = this.fingerprint();
    let changed = d.sourceFingerprint !== fp;
    const anns = d.annotations.map((a) => {
      const s = this.slots.get(a.id);
      if (!s || (s.anchor.status !== 'anchored' && s.anchor.status !== 'moved')) return a;
      const { start, end } = s.anchor;
      const t = a.target;
      const text = this.currentText;
      const intact =
        t.start === start &&
        t.end === end &&
        text.startsWith(t.exact, start) &&
        start + t.exact.length === end &&
        start >= t.prefix.length &&
        text.startsWith(t.prefix, start - t.prefix.length) &&
        text.startsWith(t.suffix, end);
      if (intact) return a;
      changed = true;
      const target = makeTarget(text, start, end, contextLength);
      s.target = target;
      return { ...a, target };
    });
    if (!changed) return d;
    return { ...d, sourceFingerprint: fp, annotations: anns.sort(byPosition) };
  }
}
