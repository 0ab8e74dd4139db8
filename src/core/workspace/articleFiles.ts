/**
 * Which files are articles. One rule for the extension (through its include/exclude settings, whose
 * defaults are these) and for the CLI's folder walks, so both see the same articles.
 */
import picomatch from 'picomatch';

/** Default `newsAnnotator.articles.include` globs (relative to a workspace folder). */
export const DEFAULT_INCLUDE: readonly string[] = ['**/*.txt', '**/*.news', '**/*.text'];

/** Default `newsAnnotator.articles.exclude` globs. */
export const DEFAULT_EXCLUDE: readonly string[] = [
  '**/node_modules/**',
  '**/.git/**',
  '**/.vscode-test/**',
  '**/*.annotations.yaml',
  '**/{README,LICENSE,LICENCE,CHANGELOG,NOTICE,COPYING,CONTRIBUTING}*',
  '**/{requirements,robots,CMakeLists}.txt',
];

/** Suffix of the sidecar file that holds an article's annotations. */
export const SIDECAR_SUFFIX = '.annotations.yaml';

export interface ArticleFileRules {
  readonly include: readonly string[];
  readonly exclude: readonly string[];
}

export const DEFAULT_RULES: ArticleFileRules = { include: DEFAULT_INCLUDE, exclude: DEFAULT_EXCLUDE };

/**
 * Builds a matcher over paths relative to the folder being searched (forward slashes). Globs match
 * case-insensitively on the file name part so `README.TXT` and `Story.TXT` behave like their lower-case kin.
 */
export function articleMatcher(rules: ArticleFileRules = DEFAULT_RULES): (relativePath: string) => boolean {
  const opts = { dot: false, nocase: true };
  const inc = picomatch(rules.include as string[], opts);
  const exc = rules.exclude.length > 0 ? picomatch(rules.exclude as string[], opts) : () => false;
  return (rel: string) => {
    const p = rel.replace(/\\/g, '/');
    if (p.endsWith(SIDECAR_SUFFIX) || isInToolFolder(p)) return false;
    return inc(p) && !exc(p);
  };
}

/**
 * News Annotator's own folder (`.news-annotator/`: the entity corrections file, the originals of imported web
 * pages) at any depth: never articles, whatever the include patterns say.
 */
export const TOOL_FOLDER = '.news-annotator';

function isInToolFolder(rel: string): boolean {
  return rel.startsWith(TOOL_FOLDER + '/') || rel.includes('/' + TOOL_FOLDER + '/');
}

/** `dir/000_74cd.txt` → `dir/000_74cd.txt.annotations.yaml` (string form; works for paths and URIs). */
export function sidecarPathFor(articlePath: string): string {
  return articlePath + SIDECAR_SUFFIX;
}

/** `true` for a sidecar path. */
export function isSidecarPath(path: string): boolean {
  return path.endsWith(SIDECAR_SUFFIX);
}
