// Import cycles: `node scripts/check-cycles.mjs [folder...]` (default src/core) lists every cycle among the
// TypeScript modules below the folders (relative imports and re-exports, type-only ones included) and exits 1
// when there is one. Part of `npm run lint`.
import { readdirSync, readFileSync, statSync, existsSync } from 'node:fs';
import * as path from 'node:path';
import ts from 'typescript';

const roots = (process.argv.length > 2 ? process.argv.slice(2) : ['src/core']).map((r) => path.resolve(r));

function walk(dir, out) {
  for (const name of readdirSync(dir)) {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) walk(p, out);
    else if (p.endsWith('.ts') && !p.endsWith('.d.ts')) out.push(p);
  }
  return out;
}

function resolve(from, spec) {
  if (!spec.startsWith('.')) return undefined;
  const base = path.resolve(path.dirname(from), spec);
  for (const c of [base + '.ts', path.join(base, 'index.ts'), base]) if (c.endsWith('.ts') && existsSync(c) && statSync(c).isFile()) return c;
  return undefined;
}

const files = roots.flatMap((r) => walk(r, []));
const inScope = new Set(files);
const edges = new Map();
for (const f of files) {
  const info = ts.preProcessFile(readFileSync(f, 'utf8'), true, false);
  edges.set(f, [...new Set(info.importedFiles.map((i) => resolve(f, i.fileName)).filter((t) => t && inScope.has(t)))]);
}

// Tarjan's strongly connected components: every component of two or more modules (or a module importing itself) is a cycle.
let counter = 0;
const index = new Map();
const low = new Map();
const stack = [];
const onStack = new Set();
const cycles = [];
function connect(v) {
  index.set(v, counter);
  low.set(v, counter++);
  stack.push(v);
  onStack.add(v);
  for (const w of edges.get(v)) {
    if (!index.has(w)) {
      connect(w);
      low.set(v, Math.min(low.get(v), low.get(w)));
    } else if (onStack.has(w)) low.set(v, Math.min(low.get(v), index.get(w)));
  }
  if (low.get(v) === index.get(v)) {
    const comp = [];
    let w;
    do {
      w = stack.pop();
      onStack.delete(w);
      comp.push(w);
    } while (w !== v);
    if (comp.length > 1 || edges.get(v).includes(v)) cycles.push(comp);
  }
}
for (const f of files) if (!index.has(f)) connect(f);

const rel = (f) => path.relative(process.cwd(), f);
if (cycles.length === 0) {
  console.log(`check-cycles: no import cycles among ${files.length} modules in ${roots.map(rel).join(', ')}`);
} else {
  for (const c of cycles) console.error(`check-cycles: import cycle among ${c.map(rel).sort().join(', ')}`);
  process.exitCode = 1;
}
