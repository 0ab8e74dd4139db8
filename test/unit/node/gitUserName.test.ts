import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { gitUserName, parseGitUserName } from '../../../src/node/gitUserName';

describe('git user.name from git config files', () => {
  it('reads the last name of a [user] section, quoted or not, with comments and escapes', () => {
    assert.equal(parseGitUserName('[core]\n\tname = not me\n[user]\n\temail = a@b.c\n\tname = Ada Quorn\n'), 'Ada Quorn');
    assert.equal(parseGitUserName('[User]\n  Name = "Ada \\"Q\\" Quorn" ; the desk\n'), 'Ada "Q" Quorn');
    assert.equal(parseGitUserName('[user]\nname = First\n[user]\nname = Second # later wins\n'), 'Second');
    assert.equal(parseGitUserName('[user] name = Same Line\n'), 'Same Line');
    assert.equal(parseGitUserName('# [user]\n; name = x\n[alias]\nname = y\n'), undefined);
    assert.equal(parseGitUserName('[user]\nname =\n'), undefined);
  });

  it('takes the repository config over the user config, following a worktree\'s .git file', async () => {
    const tmp = mkdtempSync(path.join(os.tmpdir(), 'na-git-'));
    const home = process.env.HOME;
    try {
      process.env.HOME = path.join(tmp, 'home');
      mkdirSync(process.env.HOME);
      writeFileSync(path.join(process.env.HOME, '.gitconfig'), '[user]\n\tname = Global Name\n');
      const repo = path.join(tmp, 'repo');
      mkdirSync(path.join(repo, '.git'), { recursive: true });
      mkdirSync(path.join(repo, 'articles', 'world'), { recursive: true });
      writeFileSync(path.join(repo, '.git', 'config'), '[core]\n\tbare = false\n');
      // no name in the repository: the user's
      assert.equal(await gitUserName(path.join(repo, 'articles', 'world')), 'Global Name');
      writeFileSync(path.join(repo, '.git', 'config'), '[user]\n\tname = Repo Name\n');
      assert.equal(await gitUserName(path.join(repo, 'articles', 'world')), 'Repo Name');
      // a worktree: .git is a file naming the git dir, whose commondir holds the shared config
      const wt = path.join(tmp, 'wt');
      mkdirSync(path.join(repo, '.git', 'worktrees', 'wt'), { recursive: true });
      writeFileSync(path.join(repo, '.git', 'worktrees', 'wt', 'commondir'), '../..\n');
      mkdirSync(wt);
      writeFileSync(path.join(wt, '.git'), `gitdir: ${path.join(repo, '.git', 'worktrees', 'wt')}\n`);
      assert.equal(await gitUserName(wt), 'Repo Name');
      // outside any repository
      assert.equal(await gitUserName(path.join(tmp, 'home')), 'Global Name');
    } finally {
      process.env.HOME = home;
      rmSync(tmp, { recursive: true, force: true });
    }
  });
});
