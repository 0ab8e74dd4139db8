/**
 * The search items (searchItems.ts) in columns of typed arrays rather than one object each: at 10,000 articles
 * there are about half a million (every body sentence is one), and as objects they held 40 MB of the extension
 * host's heap. An item keeps its article's slot, kind, span, passage and, for a statement or a name, its place in
 * the article's record; `get` makes the object again from the record when search asks for it. Annotation items
 * (few, and with tags and notes of their own) stay objects.
 */
import type { ArticleRecord } from '../index/record';
import type { EntityType, StatementKind } from '../../analysis/types';

/** One search item (searchItems.ts): a headline, statement, name, annotation or body sentence of an article. */
export interface SearchItem {
  readonly slot: number;
  /** `passage`: a sentence of a body paragraph (its text is not kept here: see `itemText`). */
  readonly kind: 'headline' | 'quote' | 'entity' | 'annotation' | 'passage';
  readonly start: number;
  readonly end: number;
  readonly passage: number;
  readonly text?: string;
  readonly speaker?: string;
  /** Quotation items: the kind of statement. */
  readonly said?: StatementKind;
  readonly name?: string;
  readonly etype?: EntityType;
  readonly tags?: readonly string[];
  readonly note?: string;
}

const KINDS: readonly SearchItem['kind'][] = ['headline', 'quote', 'entity', 'annotation', 'passage'];
/** Kind codes: the index in KINDS plus one; 0 for a dropped item. */
const DEAD = 0;
const PASSAGE = KINDS.indexOf('passage') + 1;

export class ItemTable {
  private slot = new Int32Array(1024);
  private kind = new Uint8Array(1024);
  private start = new Int32Array(1024);
  private end = new Int32Array(1024);
  private passage = new Int32Array(1024);
  /** A statement's index in its record's quotes, a name's in its entities; -1 otherwise. */
  private ref = new Int32Array(1024);
  private readonly annotations = new Map<number, SearchItem>();
  /** The number of items ever added (ids are 0 .. length - 1). */
  length = 0;

  /** Adds an item; `ref`: its index in the record's quotes (quote) or entities (entity). Returns its id. */
  add(item: SearchItem, ref = -1): number {
    const id = this.length;
    if (id === this.slot.length) this.growTo(id * 2);
    this.slot[id] = item.slot;
    this.kind[id] = KINDS.indexOf(item.kind) + 1;
    this.start[id] = item.start;
    this.end[id] = item.end;
    this.passage[id] = item.passage;
    this.ref[id] = ref;
    if (item.kind === 'annotation') this.annotations.set(id, item);
    this.length++;
    return id;
  }

  /** Drops an item (its id is never reused); false when it was dropped already. */
  kill(id: number): boolean {
    if (id >= this.length || this.kind[id] === DEAD) return false;
    this.kind[id] = DEAD;
    this.annotations.delete(id);
    return true;
  }

  alive(id: number): boolean {
    return id < this.length && this.kind[id] !== DEAD;
  }

  /** A live body sentence. */
  isPassage(id: number): boolean {
    return id < this.length && this.kind[id] === PASSAGE;
  }

  isAnnotation(id: number): boolean {
    return this.annotations.has(id);
  }

  slotOf(id: number): number {
    return this.slot[id]!;
  }

  /** A body sentence's length in characters (without making its item). */
  spanLength(id: number): number {
    return this.end[id]! - this.start[id]!;
  }

  /** The item, made from its article's record (undefined when dropped). */
  get(id: number, rec: ArticleRecord | undefined): SearchItem | undefined {
    const code = id < this.length ? this.kind[id]! : DEAD;
    if (code === DEAD || !rec) return undefined;
    const kind = KINDS[code - 1]!;
    if (kind === 'annotation') return this.annotations.get(id);
    const slot = this.slot[id]!;
    const start = this.start[id]!;
    const end = this.end[id]!;
    const passage = this.passage[id]!;
    switch (kind) {
      case 'headline':
        return { slot, kind, start, end, passage, text: rec.title ?? '' };
      case 'quote': {
        const q = rec.quotes[this.ref[id]!]!;
        const text = rec.text.slice(start, end);
        return q.speaker ? { slot, kind, start, end, said: q.said, passage, text, speaker: q.speaker } : { slot, kind, start, end, said: q.said, passage, text };
      }
      case 'entity': {
        const e = rec.entities[this.ref[id]!]!;
        return { slot, kind, start, end, passage, name: e.name, etype: e.type };
      }
      default:
        return { slot, kind, start, end, passage };
    }
  }

  private growTo(n: number): void {
    const grow = <T extends Int32Array | Uint8Array>(a: T, make: (n: number) => T): T => {
      const b = make(n);
      b.set(a);
      return b;
    };
    this.slot = grow(this.slot, (k) => new Int32Array(k));
    this.kind = grow(this.kind, (k) => new Uint8Array(k));
    this.start = grow(this.start, (k) => new Int32Array(k));
    this.end = grow(this.end, (k) => new Int32Array(k));
    this.passage = grow(this.passage, (k) => new Int32Array(k));
    this.ref = grow(this.ref, (k) => new Int32Array(k));
  }
}
