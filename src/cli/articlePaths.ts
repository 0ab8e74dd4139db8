/** Expanding CLI arguments (files and folders) into article paths, by the same rules as the extension. */
import { promises as fsp } from 'node:fs';
import * as path from 'node:path';
import { articleMatcher, DEFAULT_RULES, type ArticleFileRules } from '../core/workspace/articleFiles';

export interface PathProblem {
  readonly path: string;
  readonly message: string;
}

export interface ExpandedPaths {
  readonly files: string[];
  readonly errors: PathProblem[];
}

/**
 * Files given explicitly are kept whatever their name (the user asked for them); folders are walked
 * recursively and keep only article files. Results are sorted within each folder for stable output.
 */
export async function expandArticlePaths(args: readonly string[], rules: ArticleFileRules = DEFAULT_RULES): Promise<ExpandedPaths> {
  const files: string[] = [];
  const errors: PathProblem[] = [];
  const isArticle = articleMatcher(rules);
  for (const arg of args) {
    let st;
    try {
      st = await fsp.stat(arg);
    } catch (err) {
      errors.push({ path: arg, message: (err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file or folder' : String(err) });
      continue;
    }
    if (st.isDirectory()) {
      const found: string[] = [];
      await walk(arg, '', found, isArticle);
      found.sort();
      files.push(...found.map((rel) => path.join(arg, rel)));
    } else {
      files.push(arg);
    }
  }
  return { files, errors };
}

async function walk(root: string, rel: string, out: string[], isArticle: (rel: string) => boolean): Promise<void> {
  const entries = await fsp.readdir(path.join(root, rel), { withFileTypes: true });
  for (const e of entries) {
    const childRel = rel ? `${rel}/${e.name}` : e.name;
    if (e.isDirectory()) {
      if (e.name === 'node_modules' || e.name === '.git') continue;
      await walk(root, childRel, out, isArticle);
    } else if (e.isFile() && isArticle(childRel)) {
      out.push(childRel);
    }
  }
}
