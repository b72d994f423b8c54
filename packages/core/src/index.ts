export { DelibElement, languageSettings, type ResultsMode, type RememberMode } from './base.js';
export { DelibProvider } from './provider.js';
export { delibConfigContext, type DelibConfig } from './context.js';
export { DelibSubmitEvent, DelibSubmittedEvent, DelibQueuedEvent, DelibErrorEvent } from './events.js';
export { SubmissionController, uuid, type SubmissionState } from './submission.js';
export { LiveController, type FocusTarget } from './live.js';
export { tabMemory } from './tab-memory.js';
export { Outbox, getOutbox, outboxSettings, retryDelay, storage, type Outcome, type Delivery } from './outbox.js';
export {
  Translator,
  nearestLang,
  supportedLanguage,
  languages,
  withPacks,
  languageReady,
  preloadLanguage,
  pack,
  type PackLanguage,
  type PackLoaders,
  type Catalogue,
  type Catalogues,
  type Plural,
  type Message,
} from './localize.js';
export { common, type CommonMessages, type CommonPack } from './messages.js';
export { readOptions, readFormItems, readFormSettings, fallbackForm, cleanText, type Item } from './items.js';
export { bar, errorSummary, type Problem } from './render.js';
export { readJson, readLimits, isRecord } from './fetch.js';
export { baseStyles } from './styles.js';
export { personalSeed, seedOf, seededOrder, seededRandom, seededHash, shownOrder } from './shuffle.js';
