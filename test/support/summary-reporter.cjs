'use strict';
// Mocha's spec reporter plus one closing line `mocha: N passed, N failed[, N skipped]` that the harness and CI read.
const Mocha = require('mocha');
const { Spec } = Mocha.reporters;
const { EVENT_RUN_END } = Mocha.Runner.constants;

class SummaryReporter extends Spec {
  constructor(runner, options) {
    super(runner, options);
    runner.once(EVENT_RUN_END, () => {
      const s = runner.stats || {};
      const skipped = s.pending ? `, ${s.pending} skipped` : '';
      console.log(`mocha: ${s.passes || 0} passed, ${s.failures || 0} failed${skipped}`);
    });
  }
}
module.exports = SummaryReporter;
