import { strict as assert } from 'node:assert';
import { api, closeAllEditors } from '../helpers';
import { assertSameNumbers, clickThrough, coreTally, openDashboard } from '../dashboardHelpers';

// The Quote Dashboard on the five seed articles (a temporary copy of ../shared/seeds).
describe('Quote Dashboard on the seeds', () => {
  after(closeAllEditors);

  it('the webview receives and draws the core tally of the seeds', async () => {
    const a = await api();
    const data = await openDashboard(a);
    assertSameNumbers(data, coreTally(a));
    assert.equal(data.tally.articles, 5);
    assert.ok(data.tally.statements >= 60, `${data.tally.statements} statements`);
    const top = data.tally.speakers.slice(0, 3).map((r) => r.key);
    assert.ok(top.includes('Vladimir Putin'), top.join(', '));
    assert.equal(data.tally.speakers.find((r) => r.key === 'Vladimir Putin')!.type, 'person');
  });

  it('click through Vladimir Putin to one of his statements, landing on the passage', async () => {
    const a = await api();
    const putin = a.dashboard().snapshot().data!.tally.speakers.find((r) => r.key === 'Vladimir Putin')!;
    await clickThrough(a, putin.id, 'Vladimir Putin');
    const list = a.dashboard().snapshot().statements!;
    assert.equal(list.total, putin.statements);
    assert.ok(list.items.every((s) => s.speaker && /Putin/.test(s.speaker)));
  });
});
