#!/usr/bin/env node
// `npm run package`: production bundle, then a .vsix with @vscode/vsce (offline; stdin closed so it never prompts).
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
for (const f of readdirSync(root)) if (f.endsWith('.vsix')) rmSync(join(root, f));

const run = (cmd, args) => {
  const r = spawnSync(cmd, args, { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
  if (r.status !== 0) process.exit(r.status ?? 1);
};
run(process.execPath, ['scripts/build.mjs', '--production']);
const out = `${pkg.name}-${pkg.version}.vsix`;
run(process.execPath, [
  join(root, 'node_modules', '@vscode', 'vsce', 'vsce'),
  'package',
  '--no-dependencies', // the extension is one esbuild bundle
  '--allow-missing-repository',
  '--skip-license',
  '--baseImagesUrl', 'https://raw.githubusercontent.com/news-annotator/news-annotator/main/',
  '--out', out,
]);
console.log(`package: ${out} (${(statSync(join(root, out)).size / 1024).toFixed(1)} KiB)`);
