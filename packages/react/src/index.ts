/**
 * The delib widgets as React components (through `@lit/react`): typed props for every property, and
 * `onDelibSubmit`, `onDelibSubmitted`, `onDelibQueued` and `onDelibError` for the events. Importing
 * this module defines the elements. Options go in as children, as they do in HTML:
 *
 * ```tsx
 * <DelibPoll widgetId="parks-2026" endpoint="/api" question="Which park first?" onDelibSubmitted={(event) => …}>
 *   <option value="north">North Park</option>
 * </DelibPoll>
 * ```
 */
import * as React from 'react';
import { createComponent, type EventName } from '@lit/react';
import {
  DelibProvider as ProviderElement,
  type DelibErrorEvent,
  type DelibQueuedEvent,
  type DelibSubmitEvent,
  type DelibSubmittedEvent,
} from '@delib/core';
import { DelibNeedsAssets as NeedsAssetsElement } from '@delib/needs-assets';
import { DelibPoll as PollElement } from '@delib/poll';
import { DelibBudget as BudgetElement, DelibPairwise as PairwiseElement, DelibRanking as RankingElement } from '@delib/ranking';
import '@delib/poll/define.js';
import '@delib/ranking/define.js';
import '@delib/needs-assets/define.js';

/** The widgets' events as React props, each listener typed with its event class. */
const events = {
  onDelibSubmit: 'delib-submit' as EventName<DelibSubmitEvent>,
  onDelibSubmitted: 'delib-submitted' as EventName<DelibSubmittedEvent>,
  onDelibQueued: 'delib-queued' as EventName<DelibQueuedEvent>,
  onDelibError: 'delib-error' as EventName<DelibErrorEvent>,
};

export const DelibPoll = createComponent({ react: React, tagName: 'delib-poll', elementClass: PollElement, events });
export const DelibRanking = createComponent({ react: React, tagName: 'delib-ranking', elementClass: RankingElement, events });
export const DelibPairwise = createComponent({ react: React, tagName: 'delib-pairwise', elementClass: PairwiseElement, events });
export const DelibBudget = createComponent({ react: React, tagName: 'delib-budget', elementClass: BudgetElement, events });
export const DelibNeedsAssets = createComponent({
  react: React,
  tagName: 'delib-needs-assets',
  elementClass: NeedsAssetsElement,
  events,
});
/** Gives the widgets inside it an endpoint, headers and credentials. */
export const DelibProvider = createComponent({ react: React, tagName: 'delib-provider', elementClass: ProviderElement });

export type {
  WidgetAttributes,
  PollAttributes,
  RankingAttributes,
  PairwiseAttributes,
  BudgetAttributes,
  NeedsAssetsAttributes,
  ProviderAttributes,
  WidgetEvents,
  DelibTags,
} from './attributes.js';
