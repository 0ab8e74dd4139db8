// Running a real VS Code on machines without VS Code desktop: code-server (VS Code 1.100.3's server and web
// workbench, from npm) driven by Debian's Chromium through playwright-core. Used by `npm start`, the
// integration-test harness and the screenshot script. See docs/testing.md.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync, copyFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const CODE_SERVER_VERSION = '4.100.3'; // VS Code 1.100.3; later releases need Node 22+
const RIPGREP_PKG_VERSION = '1.15.11'; // @vscode/ripgrep used by code-server 4.100.3
const RIPGREP_ASSET = 'ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz';

/** Debian packages: Chromium to drive the workbench; headers code-server's native modules build against; ripgrep. */
export const SYSTEM_PACKAGES = ['chromium', 'libkrb5-dev', 'libx11-dev', 'libxkbfile-dev', 'libsecret-1-dev', 'pkg-config', 'ripgrep'];

export function cacheDir() {
  return process.env.NEWS_ANNOTATOR_CACHE || path.join(os.homedir(), '.cache', 'news-annotator');
}

export function chromiumPath() {
  for (const p of [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome']) {
    if (p && existsSync(p)) return p;
  }
  return undefined;
}

function dpkgInstalled(pkg) {
  const r = spawnSync('dpkg-query', ['-W', '-f=${Status}', pkg], { encoding: 'utf8' });
  return r.status === 0 && r.stdout.includes('install ok installed');
}

/**
 * Makes sure the Debian packages are there: installs them with apt-get when running as root on Debian/Ubuntu
 * (as on CI), otherwise prints the exact command and throws.
 */
export function ensureSystemPackages(log = console.log) {
  const hasDpkg = spawnSync('which', ['dpkg-query']).status === 0;
  if (!hasDpkg) {
    if (chromiumPath() && spawnSync('which', ['rg']).status === 0) return;
    throw new Error(
      'News Annotator runs VS Code (code-server) under Chromium for `npm start` and the integration tests.\n' +
        'Install Chromium, ripgrep and the build headers for Kerberos, X11, libxkbfile and libsecret with your package manager,\n' +
        'or set CHROMIUM_PATH to a Chromium/Chrome binary.',
    );
  }
  const missing = SYSTEM_PACKAGES.filter((p) => !dpkgInstalled(p));
  if (missing.length === 0) return;
  const cmd = `apt-get update && apt-get install -y ${missing.join(' ')}`;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot) {
    throw new Error(`Missing system packages: ${missing.join(', ')}.\nInstall them with:\n  sudo ${cmd}`);
  }
  log(`Installing system packages: ${missing.join(' ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const args of [['update', '-qq'], ['install', '-y', '-qq', ...missing]]) {
    const r = spawnSync('apt-get', args, { stdio: 'inherit', env });
    if (r.status !== 0) throw new Error(`apt-get ${args.join(' ')} failed (exit ${r.status}). Run it by hand:\n  ${cmd}`);
  }
}

export function codeServerDir() {
  return path.join(cacheDir(), `code-server-${CODE_SERVER_VERSION}`);
}

export function codeServerBin() {
  return path.join(codeServerDir(), 'node_modules', 'code-server', 'out', 'node', 'entry.js');
}

/** Installs code-server (once, into the cache directory, never into the project's node_modules). */
export function ensureCodeServer(log = console.log) {
  const dir = codeServerDir();
  const marker = path.join(dir, '.installed');
  if (existsSync(marker) && readFileSync(marker, 'utf8').trim() === CODE_SERVER_VERSION && existsSync(codeServerBin())) return;
  ensureSystemPackages(log);
  log(`Installing code-server ${CODE_SERVER_VERSION} (VS Code 1.100.3) into ${dir} (first use only; about a minute)…`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'news-annotator-code-server', private: true }) + '\n');
  // code-server's @vscode/ripgrep postinstall downloads ripgrep from GitHub unless it finds it in its cache:
  // give it Debian's rg there, so nothing is downloaded.
  const tmp = process.env.TMPDIR || os.tmpdir();
  const rgCache = path.join(tmp, `vscode-ripgrep-cache-${RIPGREP_PKG_VERSION}`);
  const rgBin = spawnSync('which', ['rg'], { encoding: 'utf8' }).stdout.trim();
  if (!rgBin) throw new Error('ripgrep (rg) is needed to install code-server offline: apt-get install ripgrep');
  mkdirSync(rgCache, { recursive: true });
  const stage = mkdtempSync(path.join(tmp, 'rg-'));
  copyFileSync(rgBin, path.join(stage, 'rg'));
  const tar = spawnSync('tar', ['-C', stage, '-czf', path.join(rgCache, RIPGREP_ASSET), 'rg']);
  rmSync(stage, { recursive: true, force: true });
  if (tar.status !== 0) throw new Error('could not stage ripgrep for the code-server install');
  const env = {
    ...process.env,
    npm_config_unsafe_perm: 'true', // its postinstall refuses to run as root otherwise
    npm_config_yes: 'true', // node-pty's postinstall runs `npx node-gyp`
    npm_config_dangerously_allow_all_scripts: 'true', // npm 11 blocks dependency install scripts by default
    npm_config_audit: 'false',
    npm_config_fund: 'false',
  };
  const r = spawnSync('npm', ['install', '--no-save', `code-server@${CODE_SERVER_VERSION}`], { cwd: dir, stdio: ['ignore', 'inherit', 'inherit'], env });
  if (r.status !== 0 || !existsSync(codeServerBin())) throw new Error(`installing code-server failed (exit ${r.status})`);
  writeFileSync(marker, CODE_SERVER_VERSION + '\n');
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/**
 * Starts code-server on a loopback port with a fresh user-data and extensions directory (or the given ones).
 * Returns { port, origin, url(folder, payload), stop(), dirs }.
 */
export async function startCodeServer({ port, userDataDir, extensionsDir, settings, env, workspaceTrust = false, log = () => {}, quiet = true } = {}) {
  const base = mkdtempSync(path.join(os.tmpdir(), 'news-annotator-vscode-'));
  const dirs = {
    base,
    userData: userDataDir || path.join(base, 'user-data'),
    extensions: extensionsDir || path.join(base, 'extensions'),
    xdg: path.join(base, 'xdg'),
    config: path.join(base, 'config.yaml'),
  };
  for (const d of [dirs.userData, dirs.extensions, dirs.xdg]) mkdirSync(d, { recursive: true });
  const userSettings = {
    'workbench.startupEditor': 'none',
    'workbench.tips.enabled': false,
    'telemetry.telemetryLevel': 'off',
    'security.workspace.trust.enabled': workspaceTrust,
    ...(workspaceTrust ? { 'security.workspace.trust.startupPrompt': 'never', 'security.workspace.trust.emptyWindow': false } : {}),
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
    'update.mode': 'none',
    'workbench.enableExperiments': false,
    'chat.disableAIFeatures': true,
    'window.commandCenter': false,
    ...settings,
  };
  mkdirSync(path.join(dirs.userData, 'User'), { recursive: true });
  writeFileSync(path.join(dirs.userData, 'User', 'settings.json'), JSON.stringify(userSettings, null, 2));
  writeFileSync(dirs.config, 'auth: none\ncert: false\n');
  port = port || (await freePort());
  const args = [
    codeServerBin(),
    '--bind-addr', `127.0.0.1:${port}`,
    '--auth', 'none',
    '--disable-telemetry',
    '--disable-update-check',
    // Workspace trust is off unless a suite tests restricted mode (then the folder opens untrusted, no prompt).
    ...(workspaceTrust ? [] : ['--disable-workspace-trust']),
    '--disable-getting-started-override',
    '--user-data-dir', dirs.userData,
    '--extensions-dir', dirs.extensions,
    '--config', dirs.config,
  ];
  const child = spawn(process.execPath, args, {
    detached: true, // its own process group, so stop() ends all of it
    stdio: ['ignore', quiet ? 'pipe' : 'inherit', quiet ? 'pipe' : 'inherit'],
    env: { ...process.env, ...env, EXTENSIONS_GALLERY: '{"serviceUrl":""}', XDG_DATA_HOME: dirs.xdg, XDG_CONFIG_HOME: path.join(dirs.base, 'xdg-config') },
  });
  let output = '';
  if (quiet) {
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
  }
  const origin = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`code-server exited with ${child.exitCode}:\n${output}`);
    try {
      const res = await fetch(`${origin}/healthz`);
      if (res.ok) break;
    } catch {
      /* not up yet */
    }
    if (Date.now() > deadline) throw new Error(`code-server did not start within 60 s:\n${output}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  log(`code-server ${CODE_SERVER_VERSION} listening on ${origin}`);
  const stop = () => {
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      /* already gone */
    }
    setTimeout(() => {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        /* gone */
      }
    }, 2000).unref();
  };
  return {
    port,
    origin,
    dirs,
    child,
    output: () => output,
    /** Workbench URL for a folder, optionally with an extension-development/test payload. */
    url(folder, payload) {
      const q = new URLSearchParams();
      if (folder) q.set('folder', folder);
      if (payload) q.set('payload', JSON.stringify(payload));
      return `${origin}/?${q.toString()}`;
    },
    /** Workbench URL for a .code-workspace file (multi-root), optionally with a payload. */
    workspaceUrl(file, payload) {
      const q = new URLSearchParams();
      q.set('workspace', file);
      if (payload) q.set('payload', JSON.stringify(payload));
      return `${origin}/?${q.toString()}`;
    },
    /** `vscode-remote://` URI for a path on this server (the payload needs the same authority as the page). */
    remote(p) {
      return `vscode-remote://127.0.0.1:${port}${p}`;
    },
    stop,
  };
}

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

export async function launchChromium({ headless = true } = {}) {
  const exe = chromiumPath();
  if (!exe) throw new Error('Chromium not found: apt-get install chromium (or set CHROMIUM_PATH)');
  const { chromium } = await import('playwright-core');
  return chromium.launch({ executablePath: exe, headless, args: CHROMIUM_ARGS });
}

/** Installs a .vsix into an extensions directory with code-server's own CLI (offline). */
export function installVsix(vsix, extensionsDir) {
  const r = spawnSync(process.execPath, [codeServerBin(), '--extensions-dir', extensionsDir, '--install-extension', vsix], {
    encoding: 'utf8',
    env: { ...process.env, EXTENSIONS_GALLERY: '{"serviceUrl":""}' },
  });
  if (r.status !== 0) throw new Error(`installing ${vsix} failed:\n${r.stdout}\n${r.stderr}`);
  return r.stdout;
}
