// iso-3166-2 ships no types; the part the gazetteer build (scripts/ner/gazetteer.ts) reads.
declare module 'iso-3166-2' {
  const iso: { data: Record<string, { name: string; sub: Record<string, { type: string; name: string }> }> };
  export default iso;
}
