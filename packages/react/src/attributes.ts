/**
 * What each `<delib-*>` tag takes in markup, whatever the framework: its attributes (the names and
 * values the contract gives them) and its events. The framework typings (`./jsx`, `./preact`, `./vue`,
 * `./svelte`, `./solid`) build on these; `test/types.test.mjs` checks them against every attribute in
 * the packages' custom-elements.json, so a new attribute cannot be left out.
 */
import type {
  DelibErrorEvent,
  DelibProvider,
  DelibQueuedEvent,
  DelibSubmitEvent,
  DelibSubmittedEvent,
  RememberMode,
  ResultsMode,
} from '@delib/core';
import type { DelibNeedsAssets } from '@delib/needs-assets';
import type { DelibPoll } from '@delib/poll';
import type { DelibBudget, DelibPairwise, DelibRanking } from '@delib/ranking';

/** A boolean attribute: present (`true` or `''`) or absent (`false`, or left out). */
type Flag = boolean | '';
/** A number attribute: a number, or its text. */
type Count = number | `${number}`;

/** The attributes every widget takes (CONTRACT.md §2). */
export interface WidgetAttributes<Messages> {
  /** Which question or consultation this is. Required to submit. */
  'widget-id'?: string;
  /** Base URL of the endpoint; else the nearest `<delib-provider>`'s, else `<meta name="delib-endpoint">`. */
  endpoint?: string;
  /** ISO date-time after which the widget is closed. */
  closes?: string;
  /** When results are shown. */
  results?: ResultsMode;
  /** Where the person's answer (and `shuffle` order) is kept: this browser, this tab, or nowhere. */
  remember?: RememberMode;
  /** Inside a `<form>`: the form field name; the widget then does not post by itself. */
  name?: string;
  /** In a form: an answer is needed before the form can be submitted. */
  required?: Flag;
  disabled?: Flag;
  /** The language (`en`, `cy`, `gd`); else the nearest ancestor's `lang`. */
  lang?: string;
  /** Overrides of any visible string, by message key (set as a property). */
  messages?: Messages;
}

export interface PollAttributes extends WidgetAttributes<DelibPoll['messages']> {
  question?: string;
  multiple?: Flag;
  'max-choices'?: Count;
  'allow-other'?: Flag;
  shuffle?: Flag;
}

export interface RankingAttributes extends WidgetAttributes<DelibRanking['messages']> {
  question?: string;
  top?: Count;
  shuffle?: Flag;
}

export interface PairwiseAttributes extends WidgetAttributes<DelibPairwise['messages']> {
  question?: string;
  votes?: Count;
  'allow-suggestions'?: Flag;
  shuffle?: Flag;
}

export interface BudgetAttributes extends WidgetAttributes<DelibBudget['messages']> {
  question?: string;
  total?: Count;
  /** `points` (default), a currency code such as `GBP`, or any other unit word. */
  unit?: string;
  step?: Count;
  mode?: 'inputs' | 'dots';
  'require-all'?: Flag;
  shuffle?: Flag;
}

export type NeedsAssetsAttributes = WidgetAttributes<DelibNeedsAssets['messages']> & {
  /** The privacy notice, linked next to the consent question. */
  'privacy-url'?: string;
};

export interface ProviderAttributes {
  endpoint?: string;
  /** Extra request headers, e.g. a CSRF token: JSON as an attribute, an object as a property. */
  headers?: string | Record<string, string>;
  credentials?: RequestCredentials;
  remember?: RememberMode;
  lang?: string;
}

/** Each widget's events, by name (CONTRACT.md §3). */
export interface WidgetEvents {
  'delib-submit': DelibSubmitEvent;
  'delib-submitted': DelibSubmittedEvent;
  'delib-queued': DelibQueuedEvent;
  'delib-error': DelibErrorEvent;
}

/** Every tag: its element class, its attributes, and whether it fires the widget events. */
export interface DelibTags {
  'delib-poll': { element: DelibPoll; attributes: PollAttributes; events: WidgetEvents };
  'delib-ranking': { element: DelibRanking; attributes: RankingAttributes; events: WidgetEvents };
  'delib-pairwise': { element: DelibPairwise; attributes: PairwiseAttributes; events: WidgetEvents };
  'delib-budget': { element: DelibBudget; attributes: BudgetAttributes; events: WidgetEvents };
  'delib-needs-assets': { element: DelibNeedsAssets; attributes: NeedsAssetsAttributes; events: WidgetEvents };
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- the provider fires none
  'delib-provider': { element: DelibProvider; attributes: ProviderAttributes; events: {} };
}

/** `on` + the event's name (`ondelib-submit`), as React 19, Preact and Svelte 5 take a custom event's listener. */
export type OnEventAttributes<Events> = {
  [Name in keyof Events & string as `on${Name}`]?: (event: Events[Name]) => void;
};

/**
 * A framework's attributes for an HTML element, with the tag's own in place of any of the same name
 * (React's and Preact's `results`, a number for `<input type=search>`, would otherwise refuse `"always"`).
 */
export type Over<Base, Own> = Omit<Base, keyof Own> & Own;
