/**
 * Test helper: loads syntaxes/news.tmLanguage.json with the libraries VS Code itself uses
 * (vscode-textmate + vscode-oniguruma, the wasm read from node_modules) and tokenizes text line by line.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import * as oniguruma from 'vscode-oniguruma';
import * as vsctm from 'vscode-textmate';

export const REPO_ROOT = path.resolve(__dirname, '../../..');
export const GRAMMAR_PATH = path.join(REPO_ROOT, 'syntaxes', 'news.tmLanguage.json');
export const SCOPE_NAME = 'text.news';

/** One token: its text, the line (0-based) and column it starts at, and its scopes (outermost first). */
export interface Token {
  readonly line: number;
  readonly start: number;
  readonly text: string;
  readonly scopes: readonly string[];
}

let grammarPromise: Promise<vsctm.IGrammar> | undefined;

async function loadGrammar(): Promise<vsctm.IGrammar> {
  const wasm = readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  const registry = new vsctm.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (patterns: string[]) => new oniguruma.OnigScanner(patterns),
      createOnigString: (s: string) => new oniguruma.OnigString(s),
    }),
    loadGrammar: async (scopeName: string) =>
      scopeName === SCOPE_NAME ? vsctm.parseRawGrammar(readFileSync(GRAMMAR_PATH, 'utf8'), GRAMMAR_PATH) : null,
  });
  const grammar = await registry.loadGrammar(SCOPE_NAME);
  if (!grammar) throw new Error(`grammar ${SCOPE_NAME} did not load from ${GRAMMAR_PATH}`);
  return grammar;
}

/** The grammar, loaded once per process (onig's wasm can only be loaded once). */
export function newsGrammar(): Promise<vsctm.IGrammar> {
  grammarPromise ??= loadGrammar();
  return grammarPromise;
}

/** Tokenizes a whole document, carrying the rule stack from line to line as VS Code does. */
export async function tokenize(text: string): Promise<Token[]> {
  const grammar = await newsGrammar();
  const out: Token[] = [];
  let stack = vsctm.INITIAL;
  const lines = text.split(/\r\n|\r|\n/);
  lines.forEach((lineText, line) => {
    const r = grammar.tokenizeLine(lineText, stack);
    if (r.stoppedEarly) throw new Error(`tokenizer stopped early on line ${line + 1}`);
    for (const t of r.tokens) {
      const tokText = lineText.slice(t.startIndex, t.endIndex);
      if (tokText.length > 0) out.push({ line, start: t.startIndex, text: tokText, scopes: t.scopes });
    }
    stack = r.ruleStack;
  });
  return out;
}

/** `true` when some scope in the list is `scope` or starts with `scope.` (TextMate prefix matching). */
export function hasScope(scopes: readonly string[], scope: string): boolean {
  return scopes.some((s) => s === scope || s.startsWith(scope + '.') || s.split(' ').includes(scope));
}

/** The joined text of the maximal runs of tokens carrying `scope` (e.g. every quoted string in the text). */
export function spansWithScope(tokens: readonly Token[], scope: string): string[] {
  const spans: string[] = [];
  let current: string | undefined;
  let last: Token | undefined;
  for (const t of tokens) {
    const contiguous = last !== undefined && last.line === t.line && last.start + last.text.length === t.start;
    if (hasScope(t.scopes, scope)) {
      if (current !== undefined && contiguous) current += t.text;
      else {
        if (current !== undefined) spans.push(current);
        current = t.text;
      }
    } else if (current !== undefined) {
      spans.push(current);
      current = undefined;
    }
    last = t;
  }
  if (current !== undefined) spans.push(current);
  return spans;
}

/** The scopes of the token covering the first occurrence of `needle` (searched from `fromLine`). */
export function scopesAt(tokens: readonly Token[], text: string, needle: string, offsetInNeedle = 0): readonly string[] {
  const lines = text.split(/\r\n|\r|\n/);
  for (let line = 0; line < lines.length; line++) {
    const col = lines[line]!.indexOf(needle);
    if (col < 0) continue;
    const at = col + offsetInNeedle;
    const tok = tokens.find((t) => t.line === line && t.start <= at && at < t.start + t.text.length);
    if (!tok) throw new Error(`no token at line ${line + 1} col ${at}`);
    return tok.scopes;
  }
  throw new Error(`"${needle}" not found in text`);
}
