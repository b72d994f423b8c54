/**
 * The delib wire protocol, version 1 (CONTRACT.md section 4).
 *
 * These types are the single source of truth for what a widget sends and what an endpoint answers.
 * The JSON Schema in `schema.ts` says the same in a form a server can validate with.
 */

/** The kinds of widget, as named in `envelope.widget`. */
export type WidgetKind = 'poll' | 'ranking' | 'pairwise' | 'budget' | 'needs-assets';

export interface PollAnswer {
  /** The values of the chosen options; with `allow-other`, `"other"` stands for the free text. */
  choices: string[];
  other?: string;
}

export interface RankingAnswer {
  /** Item ids, most important first. */
  order: string[];
}

export type PairwiseAnswer = { pair: [string, string]; winner: string | null } | { suggestion: string };

export interface BudgetAnswer {
  /** Whole numbers, summing to at most the widget's `total`. */
  allocation: Record<string, number>;
}

export interface NeedsAssetsEntry {
  category: string;
  detail?: string;
}

export interface NeedsAssetsAnswer {
  needs: NeedsAssetsEntry[];
  assets: NeedsAssetsEntry[];
  area?: string;
  /** Present only when the person gave explicit consent to be contacted. */
  contact?: { name: string; email?: string; phone?: string };
}

export interface AnswerByKind {
  poll: PollAnswer;
  ranking: RankingAnswer;
  pairwise: PairwiseAnswer;
  budget: BudgetAnswer;
  'needs-assets': NeedsAssetsAnswer;
}

export type Answer = AnswerByKind[WidgetKind];

/** What `POST {endpoint}/responses` carries. */
export interface Envelope<K extends WidgetKind = WidgetKind> {
  /** A UUID made once per response and kept on every retry: the idempotency key. */
  id: string;
  widget: K;
  widgetId: string;
  /** ISO 8601 date-time of the moment the person submitted. */
  submittedAt: string;
  /** The language the widget was shown in, e.g. `en`, `cy`, `gd`. */
  locale: string;
  /** Origin and path of the page, without query or fragment. */
  page: string;
  answer: AnswerByKind[K];
}

/** 200 or 201: stored (or already stored under this id). */
export interface Acknowledgement {
  id: string;
  accepted: true;
}

/** The body of every 4xx. */
export interface ErrorBody {
  error: { code: string; message: string; field?: string };
}

interface ResultsBase<K extends WidgetKind> {
  widget: K;
  widgetId: string;
  /** How many responses were counted. */
  total: number;
  /** What the council did with the answers ("you said, we did"), once published from the console. */
  outcome?: Outcome;
}

/** A published outcome: plain text per language (English always), and when it was published. */
export interface Outcome {
  text: { en: string; cy?: string; gd?: string };
  publishedAt: string;
}

/** `GET {endpoint}/items/{widgetId}`: items people added and a moderator approved. */
export interface ApprovedItems {
  items: { value: string; label: string }[];
}

export interface PollResults extends ResultsBase<'poll'> {
  counts: Record<string, number>;
}

export interface RankingResults extends ResultsBase<'ranking'> {
  /** Best first. `borda` = sum over responses of (items − position); `meanRank` = mean position (from 1). */
  items: { id: string; borda: number; meanRank: number }[];
}

export interface PairwiseResults extends ResultsBase<'pairwise'> {
  /** `score` = 100 × (wins + 1) / (wins + losses + 2). */
  /** `label`: for an item people added and a moderator approved (see `GET /items/{widgetId}`), its label. */
  items: { id: string; score: number; wins: number; losses: number; label?: string }[];
}

export interface BudgetResults extends ResultsBase<'budget'> {
  items: { id: string; total: number; mean: number }[];
}

export interface NeedsAssetsResults extends ResultsBase<'needs-assets'> {
  needs: Record<string, number>;
  assets: Record<string, number>;
}

export interface ResultsByKind {
  poll: PollResults;
  ranking: RankingResults;
  pairwise: PairwiseResults;
  budget: BudgetResults;
  'needs-assets': NeedsAssetsResults;
}

export type Results = ResultsByKind[WidgetKind];
