/**
 * Who is quoted: the statements of a set of articles counted by speaker, outlet and month (src/core/tally).
 * Pure: no vscode, no fs. The dashboard (src/extension/features/dashboard) and the CLI (`news-annotator tally`)
 * both compute their numbers with `tally()`.
 */
import type { ArticleAnalysis, Quote, StatementKind } from '../analysis/types';

/** Reported speech (see the analysis types): a quote without `kind` is a direct quotation. */
export type { StatementKind };
export const STATEMENT_KINDS: readonly StatementKind[] = ['direct', 'mixed', 'reported'];

/** What kind of source a speaker is. `unknown`: a speaker the analysis names but could not type. */
export type SpeakerType = 'person' | 'organisation' | 'unknown';
export const SPEAKER_TYPES: readonly SpeakerType[] = ['person', 'organisation', 'unknown'];

export type TallyBy = 'speaker' | 'outlet' | 'month';

/**
 * A quote as the tally reads it. `kind` and `partOf` come with reported speech; analyses made before it have
 * neither, and every quote is then a direct quotation. An item with `partOf` is the quoted fragment of a mixed
 * statement and is not counted again.
 */
export type StatementQuote = Quote;

/** One article as the tally needs it (the extension's catalog entries and the CLI's analyses both map to this). */
export interface TallyArticle {
  /** The article's key: a URI string in the extension, a path in the CLI. */
  readonly path: string;
  readonly analysis: Pick<ArticleAnalysis, 'metadata' | 'quotes' | 'entities'>;
}

/** One statement: an item of an article's `quotes` that counts (see `statementsOf`). */
export interface Statement {
  readonly path: string;
  /** Index in the article's `quotes`. */
  readonly index: number;
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly kind: StatementKind;
  /** The speaker's key (entity id, else `name:<folded name>`), or null when unattributed. */
  readonly speakerKey: string | null;
  readonly speaker: string | null;
  readonly speakerType: SpeakerType;
  readonly outlet: string | null;
  /** `yyyy-mm-dd` or `yyyy-mm` when the article's date could be read, else null. */
  readonly date: string | null;
  /** `yyyy-mm`, or null when undated. */
  readonly month: string | null;
}

export interface TallyFilters {
  /** Inclusive, compared as `yyyy-mm-dd` (a `yyyy-mm` bound means the month's first/last day). Undated articles are left out when either is set. */
  readonly from?: string;
  readonly to?: string;
  /** Keep only these outlets (exact names as the analysis gives them). Empty or absent: all. */
  readonly outlets?: readonly string[];
  /** Keep only these kinds. Empty or absent: all. */
  readonly kinds?: readonly StatementKind[];
  /** Keep only statements whose speaker is of these types (an unattributed statement has none: left out when set). */
  readonly speakerTypes?: readonly SpeakerType[];
}

/** A row of the tally: a speaker, an outlet or a month. */
export interface TallyRow {
  /** The speaker's name, the outlet, or `yyyy-mm`. */
  readonly key: string;
  /** The speaker's key (entity id or folded name) for speakers; the key itself for outlets and months. */
  readonly id: string;
  readonly type: SpeakerType | 'outlet' | 'month';
  readonly statements: number;
  readonly direct: number;
  readonly mixed: number;
  readonly reported: number;
  /** Articles with at least one of the row's statements. */
  readonly articles: number;
  /** Statements per outlet (articles with no known outlet are left out of this map). */
  readonly outlets: Readonly<Record<string, number>>;
}

export type { Gender } from '../people';
import type { Gender } from '../people';

/** Estimates a person's gender from a name as written (first name, title). "unknown" where unsure. */
export interface GenderEstimator {
  estimate(name: string): Gender;
  /** Said next to the figures: how the estimate is made. */
  readonly method: string;
}

export interface TallyOptions {
  readonly filters?: TallyFilters;
  /** How many top speakers get a timeline (default 5). */
  readonly timelineSpeakers?: number;
  /** When given, people are also counted by estimated gender (off by default). */
  readonly gender?: GenderEstimator;
}

export interface TallyResult {
  /** Articles in scope after the date and outlet filters (with or without statements). */
  readonly articles: number;
  /** Statements counted (after every filter). */
  readonly statements: number;
  /** Statements with no identified speaker. */
  readonly unattributed: number;
  /** Statements in articles without a readable date (counted apart in the timeline). */
  readonly undated: number;
  /** Statements in articles with no known outlet. */
  readonly unknownOutlet: number;
  readonly byKind: Readonly<Record<StatementKind, number>>;
  /** Speakers ranked by statements (desc), then name. */
  readonly speakers: readonly TallyRow[];
  readonly outlets: readonly TallyRow[];
  /** Months in date order (not by count). */
  readonly months: readonly TallyRow[];
  /** Share (0..1) of all statements held by the top 5 and top 10 speakers. */
  readonly top5Share: number;
  readonly top10Share: number;
  /** Statements and distinct speakers by speaker type. */
  readonly speakerTypes: Readonly<Record<SpeakerType, { readonly statements: number; readonly speakers: number }>>;
  /** For the top speakers: statements per month (`yyyy-mm` → n), undated apart. */
  readonly timeline: readonly { readonly id: string; readonly key: string; readonly months: Readonly<Record<string, number>>; readonly undated: number }[];
  /** People by estimated gender, when an estimator was given. */
  readonly gender?: { readonly method: string; readonly statements: Readonly<Record<Gender, number>>; readonly speakers: Readonly<Record<Gender, number>> };
}

/** The statements behind a bar or row (see selectStatements). */
export interface StatementSelection {
  readonly by: TallyBy;
  /** A row's `id` (speaker key, outlet or `yyyy-mm`); NONE_ID for the unattributed, unknown-outlet or undated statements. */
  readonly id: string;
  /** Only this kind (a segment of a stacked bar). */
  readonly kind?: StatementKind;
  /** Only this outlet (a cell of the speaker × outlet chart). */
  readonly outlet?: string;
  /** Only this month (a point of a speaker's timeline). */
  readonly month?: string;
}
