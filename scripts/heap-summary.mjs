#!/usr/bin/env node
// For the figures: what fills a heap snapshot (NEWS_ANNOTATOR_HOST_HEAP, see docs/testing.md). Prints the self size
// summed by kind and constructor, and the objects that keep the most memory alive below them (retained size, from
// the dominator tree), each with the edge that holds it.
// Usage: node --max-old-space-size=8000 scripts/heap-summary.mjs <file.heapsnapshot> [rows]
import { readFileSync } from 'node:fs';

const [file, rowsArg] = process.argv.slice(2);
if (!file) {
  console.error('usage: node scripts/heap-summary.mjs <file.heapsnapshot> [rows]');
  process.exit(2);
}
const rows = Number(rowsArg ?? 30);
const snap = JSON.parse(readFileSync(file, 'utf8'));
const meta = snap.snapshot.meta;
const NF = meta.node_fields.length;
const EF = meta.edge_fields.length;
const nTypes = meta.node_types[0];
const eTypes = meta.edge_types[0];
const [nType, nName, , nSize, nEdges] = ['type', 'name', 'id', 'self_size', 'edge_count'].map((f) => meta.node_fields.indexOf(f));
const [eType, eName, eTo] = ['type', 'name_or_index', 'to_node'].map((f) => meta.edge_fields.indexOf(f));
const { nodes, edges, strings } = snap;
const N = nodes.length / NF;
const label = (i) => {
  const t = nTypes[nodes[i * NF + nType]];
  return t === 'object' || t === 'closure' || t === 'native' ? `${t} ${strings[nodes[i * NF + nName]]}` : t;
};

// Self size by kind.
const bySelf = new Map();
let total = 0;
for (let i = 0; i < N; i++) {
  const s = nodes[i * NF + nSize];
  total += s;
  const k = label(i);
  const v = bySelf.get(k) ?? [0, 0];
  v[0] += s;
  v[1]++;
  bySelf.set(k, v);
}
const mb = (b) => (b / 1048576).toFixed(1).padStart(7);
console.log(`${N} objects, ${mb(total)} MB in all\n\nself size by kind:`);
for (const [k, [s, c]] of [...bySelf].sort((a, b) => b[1][0] - a[1][0]).slice(0, rows)) console.log(`${mb(s)} MB ${String(c).padStart(9)}  ${k}`);

// Edges: first edge of each node, and predecessors for the dominator tree (weak edges left out).
const firstEdge = new Uint32Array(N + 1);
for (let i = 0, e = 0; i < N; i++) {
  firstEdge[i] = e;
  e += nodes[i * NF + nEdges] * EF;
}
firstEdge[N] = edges.length;
const weak = eTypes.indexOf('weak');
const shortcut = eTypes.indexOf('shortcut');
// Post-order from the root (node 0), iterative.
const order = new Int32Array(N).fill(-1);
const post = new Int32Array(N);
let count = 0;
{
  const stack = [0];
  const it = new Uint32Array(N);
  const seen = new Uint8Array(N);
  seen[0] = 1;
  it[0] = firstEdge[0];
  while (stack.length) {
    const v = stack[stack.length - 1];
    if (it[v] < firstEdge[v + 1]) {
      const e = it[v];
      it[v] += EF;
      const t = edges[e + eType];
      if (t === weak || t === shortcut) continue;
      const w = edges[e + eTo] / NF;
      if (!seen[w]) {
        seen[w] = 1;
        it[w] = firstEdge[w];
        stack.push(w);
      }
    } else {
      stack.pop();
      order[v] = count;
      post[count++] = v;
    }
  }
}
// Predecessor lists (reachable nodes only).
const predCount = new Uint32Array(N + 1);
for (let v = 0; v < N; v++) {
  if (order[v] < 0) continue;
  for (let e = firstEdge[v]; e < firstEdge[v + 1]; e += EF) {
    const t = edges[e + eType];
    if (t === weak || t === shortcut) continue;
    predCount[edges[e + eTo] / NF + 1]++;
  }
}
for (let i = 1; i <= N; i++) predCount[i] += predCount[i - 1];
const preds = new Int32Array(predCount[N]);
const fill = predCount.slice(0, N);
for (let v = 0; v < N; v++) {
  if (order[v] < 0) continue;
  for (let e = firstEdge[v]; e < firstEdge[v + 1]; e += EF) {
    const t = edges[e + eType];
    if (t === weak || t === shortcut) continue;
    preds[fill[edges[e + eTo] / NF]++] = v;
  }
}
// Cooper, Harvey and Kennedy's iterative dominators, over post-order numbers.
const idom = new Int32Array(count).fill(-1);
const root = order[0];
idom[root] = root;
let changed = true;
while (changed) {
  changed = false;
  for (let k = count - 1; k >= 0; k--) {
    if (k === root) continue;
    const v = post[k];
    let d = -1;
    for (let p = predCount[v]; p < predCount[v + 1]; p++) {
      let u = order[preds[p]];
      if (u < 0 || idom[u] < 0) continue;
      if (d < 0) {
        d = u;
        continue;
      }
      while (u !== d) {
        while (u < d) u = idom[u];
        while (d < u) d = idom[d];
      }
    }
    if (d >= 0 && idom[k] !== d) {
      idom[k] = d;
      changed = true;
    }
  }
}
const retained = new Float64Array(count);
for (let k = 0; k < count; k++) retained[k] += nodes[post[k] * NF + nSize];
for (let k = 0; k < count; k++) if (k !== root) retained[idom[k]] += retained[k];
// The edge by which each node's dominator (or any holder) names it.
const heldAs = (k) => {
  const v = post[k];
  const d = post[idom[k]];
  for (let e = firstEdge[d]; e < firstEdge[d + 1]; e += EF) {
    if (edges[e + eTo] / NF !== v) continue;
    const t = eTypes[edges[e + eType]];
    return t === 'element' || t === 'hidden' ? `[${edges[e + eName]}]` : String(strings[edges[e + eName]]);
  }
  return '?';
};
console.log('\nlargest retained (the object, the edge its dominator holds it by, the dominator):');
const big = [...Array(count).keys()].filter((k) => k !== root).sort((a, b) => retained[b] - retained[a]);
let shown = 0;
for (const k of big) {
  if (retained[k] < 1048576 || shown >= rows * 2) break;
  console.log(`${mb(retained[k])} MB  ${label(post[k])} .${heldAs(k)}  ← ${label(post[idom[k]])}`);
  shown++;
}
