/**
 * The optional gender estimate of people quoted (off by default). The tally takes any `GenderEstimator`; the
 * first-name module itself belongs to the speaker attribution (one module for both). Until it is in the core,
 * `NO_GENDER_ESTIMATE` says "unknown" for everyone, so turning the estimate on shows it cannot be made yet
 * rather than inventing one.
 */
import type { Gender, GenderEstimator } from './types';

export const NO_GENDER_ESTIMATE: GenderEstimator = {
  estimate: (): Gender => 'unknown',
  method: 'no first-name list is available in this build: every person counts as unknown',
};

/**
 * An estimator over a first-name lookup and titles ("Mr", "Mrs", "Ms", "Sen." says nothing): a title decides
 * first, then the first given name; anything else is "unknown".
 */
export function estimatorFrom(firstName: (name: string) => Gender, method: string): GenderEstimator {
  return {
    method,
    estimate(name: string): Gender {
      const words = name.trim().split(/\s+/);
      let i = 0;
      for (; i < words.length; i++) {
        const w = words[i]!.replace(/\.$/, '').toLowerCase();
        if (w === 'mr' || w === 'sir' || w === 'lord') return 'male';
        if (w === 'mrs' || w === 'ms' || w === 'miss' || w === 'dame' || w === 'lady') return 'female';
        if (!TITLES.has(w)) break;
      }
      const first = words[i];
      return first ? firstName(first) : 'unknown';
    },
  };
}

const TITLES = new Set(['dr', 'prof', 'sen', 'senator', 'rep', 'gov', 'governor', 'president', 'minister', 'mayor', 'gen', 'col', 'capt', 'judge', 'rev', 'secretary', 'chancellor', 'prime']);
