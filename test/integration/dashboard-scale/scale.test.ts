import { strict as assert } from 'node:assert';
import { api, waitFor } from '../helpers';
import { assertSameNumbers, coreTally, openDashboard, painted } from '../dashboardHelpers';

// `npm run bench -- dashboard` runs this suite on its 10,000-article folder (NEWS_ANNOTATOR_DASHBOARD_DIR) and
// prints the timings; figures, not pass/fail on time.
describe('Quote Dashboard at scale', () => {
  it('first chart painted after the workspace is ready; a filter change repainted', async function () {
    this.timeout(20 * 60_000); // the first open analyses and indexes 10,000 articles
    const a = await api();
    const expected = Number(process.env.NEWS_ANNOTATOR_EXPECT_ARTICLES ?? '0');
    if (expected > 0) assert.equal(a.articleUris().length, expected);
    // "After the index is ready": the first index cache write comes once the corpus index is built.
    await waitFor('the corpus index built and its cache written', () => a.timings().indexCache.saveMs > 0, 600_000);
    const data = await openDashboard(a);
    const first = a.dashboard().snapshot();
    assertSameNumbers(data, coreTally(a));
    console.log(`    timing: Open Quote Dashboard → first chart painted ${first.painted!.sinceRequest!.toFixed(0)} ms (panel and webview created, tally ${first.dataMs!.toFixed(0)} ms, drawn in ${first.painted!.ms.toFixed(0)} ms) for ${data.tally.articles} articles, ${data.tally.statements} statements`);
    const outlet = data.outlets[0]!;
    const samples: number[] = [];
    const inWebview: number[] = [];
    const tallies: number[] = [];
    for (const filters of [{ outlets: [outlet] }, { kinds: ['direct' as const], speakerTypes: ['person' as const] }, { from: '2016-03-01', to: '2016-06-30' }, {}]) {
      const seq = a.dashboard().snapshot().data!.seq;
      await a.dashboard().receive({ type: 'setFilters', filters });
      await painted(a, seq);
      const s = a.dashboard().snapshot();
      samples.push(s.painted!.sinceRequest!);
      inWebview.push(s.painted!.ms);
      tallies.push(s.dataMs!);
    }
    console.log(`    timing: filter change → repainted ${samples.map((x) => x.toFixed(0)).join(', ')} ms (request in the extension → paint reported back; of which tally ${tallies.map((x) => x.toFixed(0)).join(', ')} ms, webview drawing ${inWebview.map((x) => x.toFixed(0)).join(', ')} ms)`);
  });
});
