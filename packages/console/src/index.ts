/** The console's pieces, for tests and for anyone building their own console page. */
export { Api, ApiError, roles, languages, type Role, type Session, type WidgetEntry, type WidgetDetail } from './api.js';
export {
  snippet,
  escapeAttribute,
  escapeText,
  optionValues,
  optionLines,
  problems,
  attributes,
  type SnippetSettings,
} from './snippet.js';
export { parseRoute, pageRoles, DelibConsole, type Route } from './console.js';
export { dailyChart, timeChart, continuousDays } from './chart.js';
