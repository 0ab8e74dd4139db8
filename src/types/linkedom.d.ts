// linkedom ships ESM-only type declarations, which a CommonJS project (module Node16) may not import; its
// CommonJS build is what esbuild bundles. The one function the import uses, typed for src/core/import/dom.ts.
declare module 'linkedom' {
  export function parseHTML(html: string): { document: unknown };
}
