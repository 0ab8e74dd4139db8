/**
 * The last words that tell what a name is whatever the recogniser guessed (mentions.ts): a place ("Edinburgh
 * Airport"), a thing, an event or a document ("Boxing Day", "the Gershon Report"), a body named after a person
 * ("the Anna Berg Memorial Library").
 */
import { lexicalType } from './nameContext';
import { clusterOf } from './ner/clusters';
import { isNameYear } from './otherNames';

/** Last words of place names ("Edinburgh Airport", "Hyde Park"). */
export const PLACE_HEADS = /^(?:Street|Road|Avenue|Lane|Square|Plaza|Park|Gardens|Bridge|Airport|Station|Stadium|Arena|Island|Islands|River|Valley|Lake|Bay|Beach|Harbour|Harbor|Pier|Canal|Dam|Falls|Castle|Palace|Cathedral|Abbey|Church|Chapel|Temple|Mosque|Hotel|House|Hall|Tower|Towers|Building|Hill|Hills|Heights|Mountain|Mountains|Peninsula|Canyon|Forest|Desert|Parish|County|Province|Estate)$/;
/** Last words of bodies named after a person ("… Presidential Center", "… Foundation", "… Library"). */
export const BODY_AFTER_NAME = /^(?:Center|Centre|Foundation|Institute|Library|Museum|School|College|University|Fund|Trust|Society)$/;
/** Last words of names of things, events and documents ("Boxing Day", "the Gershon Report", "Brit Awards"). */
export const THING_HEADS = /^(?:Day|Year|Week|Award|Awards|Prize|Act|Bill|Report|Review|Festival|Games|Championship|Championships|Cup|Trophy|Show|Agreement|Treaty|Prerogative|Budget|Index|Programme|Program|Plan|Strategy|Directive|Charter|Accord|Accords|Pact|Protocol|Medal|Medals)$/;

/** The THING_HEADS no organisation's name ends in (a "Review" or a "Show" may be a magazine or a company). */
export const ORG_THING_HEADS = /^(?:Day|Year|Week|Award|Awards|Prize|Act|Bill|Report|Festival|Games|Championship|Championships|Cup|Trophy|Agreement|Treaty|Directive|Charter|Budget|Strategy|Protocol|Medal|Medals)$/;

/** The word that tells what a name is: its last, or the one before "of <year>" ("the Immigration Act of 1924"). */
export function nameHead(words: readonly string[]): string {
  const n = words.length;
  if (n >= 3 && words[n - 2] === 'of' && isNameYear(words[n - 1]!)) return words[n - 3]!;
  return words[n - 1]!;
}

/**
 * "Nick Park", "Thomas Haden Church": a first name the training data knows, then the surname that is a word
 * for a place, with at most one more name word between (none before a word for a thing: "Jesse Owens Award").
 * A longer name, or one with a common word before the head, is the place named after the person ("John
 * Halvorsen International Airport", "Bryce Canyon National Park").
 */
export function isPersonWithPlaceSurname(words: readonly string[], placeHead: boolean): boolean {
  if (words.length > (placeHead ? 3 : 2) || lexicalType(words[0]!) !== 'person') return false;
  return words.length === 2 || clusterOf(words[1]!.toLowerCase()) === 'u';
}
