/** What the name tests read from an analysis: its entities as "type:name", one name's type, its other names. */
import type { ArticleAnalysis } from '../../../src/core/analysis/index';

export const names = (a: ArticleAnalysis): string[] => a.entities.map((e) => `${e.type}:${e.name}`);
export const typeOf = (a: ArticleAnalysis, name: string): string | undefined => a.entities.find((e) => e.name === name)?.type;
export const others = (a: ArticleAnalysis): string[] => a.otherNames.map((o) => o.name);
