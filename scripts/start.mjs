#!/usr/bin/env node
// `npm start [-- <folder>] [--port N]`: builds the extension and serves a real VS Code (code-server 4.100.3,
// installed on first use into ~/.cache/news-annotator) with the extension loaded and the folder open
// (default: samples/). Open the printed http://127.0.0.1:PORT URL in a browser. Ctrl+C stops it.
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { ROOT, ensureCodeServer, startCodeServer } from './lib/vscode-server.mjs';

const argv = process.argv.slice(2);
let folder = path.join(ROOT, 'samples');
let port = process.env.PORT ? Number(process.env.PORT) : undefined;
for (let i = 0; i < argv.length; i++) {
  if (argv[i] === '--port') port = Number(argv[++i]);
  else if (argv[i].startsWith('--')) {
    console.error(`npm start: unknown option ${argv[i]} (usage: npm start -- [folder] [--port N])`);
    process.exit(2);
  } else folder = path.resolve(process.env.INIT_CWD || process.cwd(), argv[i]);
}
if (!existsSync(folder) || !statSync(folder).isDirectory()) {
  console.error(`npm start: ${folder} is not a folder`);
  process.exit(2);
}

const build = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'build.mjs')], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);
try {
  ensureCodeServer();
} catch (err) {
  console.error(String(err.message || err));
  process.exit(1);
}
const server = await startCodeServer({ port, quiet: true });
const url = server.url(folder, [['extensionDevelopmentPath', server.remote(ROOT)], ['skipWelcome', 'true']]);
console.log(`\nNews Annotator is running in VS Code ${'1.100.3'} (code-server) with ${folder} open:\n\n  ${url}\n`);
console.log('Open that URL in a browser (the window title says "Extension Development Host": the extension is loaded from this checkout).');
console.log('Rebuild with `npm run build` (or `npm run watch`) and reload the browser tab to pick up changes. Ctrl+C stops.');
const stop = () => {
  server.stop();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
server.child.on('exit', (code) => {
  console.error(`code-server exited (${code})`);
  process.exit(code ?? 1);
});
