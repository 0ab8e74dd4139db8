/** The tag picker shared by Tag Quote, Edit Tags and the tag commands. */
import * as vscode from 'vscode';

/**
 * The tag picker: the workspace's tags, most used first, multi-select, with the current ones ticked; typing a
 * new name (or several, comma-separated) offers to create it.
 */
export async function pickTags(title: string, known: readonly [string, number][], current: readonly string[]): Promise<string[] | undefined> {
  const qp = vscode.window.createQuickPick<vscode.QuickPickItem>();
  qp.title = title;
  qp.placeholder = 'Pick tags, or type a new one (comma-separated for several) and press Enter';
  qp.canSelectMany = true;
  qp.matchOnDescription = true;
  const base: vscode.QuickPickItem[] = [...new Set([...current, ...known.map(([t]) => t)])].map((t) => ({
    label: t,
    description: (() => {
      const n = known.find(([k]) => k === t)?.[1] ?? 0;
      return n > 0 ? `${n} use${n === 1 ? '' : 's'}` : 'new';
    })(),
  }));
  qp.items = base;
  qp.selectedItems = base.filter((i) => current.includes(i.label));
  const splitNames = (value: string) => value.split(',').map((v) => v.trim()).filter((v) => v.length > 0);
  qp.onDidChangeValue((value) => {
    const fresh = splitNames(value).filter((n) => !base.some((b) => b.label === n));
    const keep = qp.selectedItems.filter((k) => base.includes(k));
    const typed = fresh.map((n) => ({ label: n, description: 'create tag', alwaysShow: true }));
    qp.items = [...typed, ...base];
    qp.selectedItems = [...keep, ...typed];
  });
  return new Promise<string[] | undefined>((resolve) => {
    let done = false;
    qp.onDidAccept(() => {
      // Names typed in the box count even if the user did not tick them.
      const picked = new Set([...qp.selectedItems.map((i) => i.label), ...splitNames(qp.value)]);
      done = true;
      resolve([...picked]);
      qp.hide();
    });
    qp.onDidHide(() => {
      if (!done) resolve(undefined);
      qp.dispose();
    });
    qp.show();
  });
}

