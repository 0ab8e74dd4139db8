/**
 * The small part of the DOM the import reads, typed here because the project compiles without the DOM
 * library. linkedom's document satisfies it; `parsePage` is the only place that parses HTML. linkedom never
 * runs scripts, loads resources or fetches anything: the page is inert data.
 */
import { parseHTML } from 'linkedom';

export interface DomNode {
  readonly nodeType: number;
  readonly nodeName: string;
  readonly textContent: string | null;
  readonly childNodes: ArrayLike<DomNode>;
  readonly parentNode: DomNode | null;
}

export interface DomElement extends DomNode {
  readonly tagName: string;
  readonly id: string;
  readonly className: string;
  readonly children: ArrayLike<DomElement>;
  readonly parentElement: DomElement | null;
  getAttribute(name: string): string | null;
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
  remove(): void;
  closest(selector: string): DomElement | null;
}

export interface DomDocument {
  readonly documentElement: DomElement | null;
  readonly body: DomElement | null;
  readonly head: DomElement | null;
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
}

export const TEXT_NODE = 3;
export const ELEMENT_NODE = 1;

/** Parses a page (already decoded) into an inert document. */
export function parsePage(html: string): DomDocument {
  const { document } = parseHTML(html) as { document: DomDocument };
  return document;
}

/** Text of a node with runs of white space collapsed to one space, trimmed. */
export function cleanText(s: string | null | undefined): string {
  return (s ?? '').replace(/[\s\u00a0\u200b]+/g, ' ').trim();
}

/** Text of an element with its text nodes joined by spaces ("Ann Lee" "5 March" → "Ann Lee 5 March"), collapsed. */
export function spacedText(n: DomNode | null | undefined, limit = 2000): string {
  const parts: string[] = [];
  let len = 0;
  const walk = (x: DomNode) => {
    if (len > limit) return;
    if (x.nodeType === TEXT_NODE) {
      const t = x.textContent ?? '';
      parts.push(t);
      len += t.length;
      return;
    }
    if (x.nodeType !== ELEMENT_NODE || /^(?:SCRIPT|STYLE|NOSCRIPT|TEMPLATE)$/i.test(x.nodeName)) return;
    for (let i = 0; i < x.childNodes.length; i++) walk(x.childNodes[i]!);
  };
  if (n) walk(n);
  return cleanText(parts.join(' '));
}

export function all(root: DomDocument | DomElement, selector: string): DomElement[] {
  return Array.from(root.querySelectorAll(selector));
}
