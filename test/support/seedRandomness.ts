/**
 * Loaded by mocha before every test file: property tests (fast-check) run with a fixed seed, so a failure is
 * reproducible and CI never sees a different run than the developer did. Change FC_SEED to explore other inputs.
 */
import fc from 'fast-check';

fc.configureGlobal({ seed: Number(process.env.FC_SEED ?? 20261207) });
