/**
 * User corrections to named entities, kept in a workspace-level YAML file (by convention
 * `.news-annotator/entities.yaml`; format in docs/entity-corrections.md). Parsed from a string here, so
 * the extension and the CLI can each load the file their own way and hand the result to analyzeArticle.
 */
import { parse } from 'yaml';
import type { EntityType } from './types';

export const CORRECTIONS_FILE = '.news-annotator/entities.yaml';

export interface EntityCorrection {
  /** Canonical name the entity is shown under. */
  readonly name: string;
  /** Type to give it (fixes a wrong type); when absent the recognised type is kept. */
  readonly type?: EntityType;
  /** Other forms that mean the same entity; all are merged under `name`, and found in text even when the recogniser missed them. */
  readonly aliases: readonly string[];
}

export interface SuppressRule {
  /** A mention's text or an entity's canonical name, matched case-insensitively. */
  readonly text: string;
  /** Only suppress it as this type (default: any type). */
  readonly type?: EntityType;
}

export interface EntityCorrections {
  readonly entities: readonly EntityCorrection[];
  readonly suppress: readonly SuppressRule[];
}

export const NO_CORRECTIONS: EntityCorrections = { entities: [], suppress: [] };

export class CorrectionsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CorrectionsError';
  }
}

const TYPE_ALIASES: Record<string, EntityType> = {
  person: 'person', per: 'person', people: 'person',
  organization: 'organization', organisation: 'organization', org: 'organization',
  place: 'place', location: 'place', loc: 'place', gpe: 'place',
};

function parseType(v: unknown, where: string): EntityType | undefined {
  if (v === undefined || v === null) return undefined;
  const t = TYPE_ALIASES[String(v).trim().toLowerCase()];
  if (!t) throw new CorrectionsError(`${where}: unknown type "${String(v)}" (use person, organization or place)`);
  return t;
}

/**
 * Parses the corrections file. Throws CorrectionsError with a readable message (and the YAML line when
 * the YAML itself is broken) on bad input; an empty file means no corrections.
 */
export function parseEntityCorrections(source: string): EntityCorrections {
  let doc: unknown;
  try {
    doc = parse(source);
  } catch (err) {
    throw new CorrectionsError(`entity corrections: invalid YAML: ${(err as Error).message}`);
  }
  if (doc === null || doc === undefined) return NO_CORRECTIONS;
  if (typeof doc !== 'object' || Array.isArray(doc)) throw new CorrectionsError('entity corrections: expected a mapping with "entities" and/or "suppress"');
  const d = doc as Record<string, unknown>;
  for (const k of Object.keys(d)) {
    if (k !== 'entities' && k !== 'suppress' && k !== 'version') throw new CorrectionsError(`entity corrections: unknown key "${k}" (expected entities, suppress)`);
  }
  const entities: EntityCorrection[] = [];
  const rawEntities = d['entities'] ?? [];
  if (!Array.isArray(rawEntities)) throw new CorrectionsError('entity corrections: "entities" must be a list');
  rawEntities.forEach((e: unknown, i) => {
    const where = `entity corrections: entities[${i}]`;
    if (typeof e === 'string') {
      entities.push({ name: e, aliases: [] });
      return;
    }
    if (!e || typeof e !== 'object') throw new CorrectionsError(`${where}: expected a mapping with name, type, aliases`);
    const o = e as Record<string, unknown>;
    const name = o['name'];
    if (typeof name !== 'string' || !name.trim()) throw new CorrectionsError(`${where}: "name" is required`);
    const aliasesRaw = o['aliases'] ?? [];
    const aliases = Array.isArray(aliasesRaw) ? aliasesRaw.map(String) : [String(aliasesRaw)];
    const type = parseType(o['type'], where);
    entities.push(type ? { name: name.trim(), type, aliases: aliases.map((a) => a.trim()).filter(Boolean) } : { name: name.trim(), aliases: aliases.map((a) => a.trim()).filter(Boolean) });
  });
  const suppress: SuppressRule[] = [];
  const rawSuppress = d['suppress'] ?? [];
  if (!Array.isArray(rawSuppress)) throw new CorrectionsError('entity corrections: "suppress" must be a list');
  rawSuppress.forEach((s: unknown, i) => {
    const where = `entity corrections: suppress[${i}]`;
    if (typeof s === 'string') {
      suppress.push({ text: s.trim() });
      return;
    }
    if (!s || typeof s !== 'object') throw new CorrectionsError(`${where}: expected a string or a mapping with text and type`);
    const o = s as Record<string, unknown>;
    if (typeof o['text'] !== 'string') throw new CorrectionsError(`${where}: "text" is required`);
    const type = parseType(o['type'], where);
    suppress.push(type ? { text: o['text'].trim(), type } : { text: o['text'].trim() });
  });
  return { entities, suppress };
}
