#!/usr/bin/env node
// Builds the extension and CLI bundles with esbuild (type-checking is separate: `npm run typecheck`).
//   node scripts/build.mjs            dist/extension.js + dist/cli.js
//   node scripts/build.mjs --tests    also the integration tests into out/test/integration
//   node scripts/build.mjs --watch    rebuild on change
//   node scripts/build.mjs --production  minified, no source maps (used by `npm run package`)
import * as esbuild from 'esbuild';
import { readFileSync, readdirSync, statSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const args = new Set(process.argv.slice(2));
const production = args.has('--production');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

// linkedom (the web-page import's DOM) requires a CSS parser only to build a <style> element's `.sheet`, which
// nothing here reads: bundle a stub instead (see scripts/stubs/cssomnom-parse.cjs).
const stubCssParser = {
  name: 'stub-cssomnom',
  setup(build) {
    build.onResolve({ filter: /^cssomnom\/parse$/ }, () => ({ path: join(root, 'scripts', 'stubs', 'cssomnom-parse.cjs') }));
  },
};

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: production ? false : 'linked',
  minify: production,
  logLevel: 'warning',
  define: { __VERSION__: JSON.stringify(pkg.version) },
  absWorkingDir: root,
  plugins: [stubCssParser],
};

const builds = [
  { ...common, entryPoints: ['src/extension/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] },
  { ...common, entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli.js' },
  // The analysis worker thread (src/node/workers): one script for the extension's and the CLI's pools.
  { ...common, entryPoints: ['src/node/workers/analysisWorker.ts'], outfile: 'dist/analysisWorker.js' },
  // The Quote Dashboard's webview script (with Observable Plot): a browser bundle, loaded under a strict CSP.
  {
    ...common,
    platform: 'browser',
    target: 'es2022',
    format: 'iife',
    define: {},
    entryPoints: ['src/webview/dashboard/main.ts'],
    outfile: 'dist/webview/dashboard.js',
    tsconfig: 'src/webview/tsconfig.json',
  },
];

function listTs(dir) {
  const out = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...listTs(p));
    else if (name.endsWith('.ts')) out.push(relative(root, p));
  }
  return out;
}

if (args.has('--tests')) {
  rmSync(join(root, 'out', 'test'), { recursive: true, force: true });
  builds.push({
    ...common,
    sourcemap: 'inline',
    minify: false,
    entryPoints: listTs(join(root, 'test', 'integration')),
    outdir: 'out/test/integration',
    outbase: 'test/integration',
    external: ['vscode', 'mocha'],
  });
}

if (args.has('--watch')) {
  const contexts = await Promise.all(builds.map((b) => esbuild.context(b)));
  await Promise.all(contexts.map((c) => c.watch()));
  console.log('esbuild: watching for changes…');
} else {
  const t0 = Date.now();
  await Promise.all(builds.map((b) => esbuild.build(b)));
  console.log(`esbuild: built ${builds.length} bundle(s) in ${Date.now() - t0} ms${production ? ' (production)' : ''}`);
}
