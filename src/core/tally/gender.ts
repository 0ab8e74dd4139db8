/**
 * The optional gender estimate of the people quoted (off by default), made by the core's one first-name and
 * title module (src/core/people, the one the speaker attribution uses for "he said"/"she said"). Unknown where
 * the name does not tell, as the GenderGapTracker does; the dashboard labels it an estimate with this method.
 */
import { genderOfPerson } from '../people';
import type { GenderEstimator } from './types';

export const PEOPLE_GENDER_ESTIMATE: GenderEstimator = {
  estimate: genderOfPerson,
  method:
    'from the honorific or title in the name ("Mrs", "Sen." says nothing), else the first given name in an English list of about 32,000 names from given-name statistics; names used for both, initials and names not in the list count as unknown',
};
