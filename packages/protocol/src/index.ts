export type * from './types.js';
export { limits, uuidPattern, widgetIdPattern, isUuid, isWidgetId } from './limits.js';
export {
  envelopeSchema,
  answerSchemas,
  resultsSchema,
  acknowledgementSchema,
  errorBodySchema,
  approvedItemsSchema,
} from './schema.js';
export { answerProblem } from './validate.js';

/** The version of the wire protocol this package describes. */
export const protocolVersion = 1;
export { readForm, formFields, formFieldLimit, FormProblem } from './form.js';
export { thanksId, refusedId, refusalParams, withRefusal, withoutRefusal } from './fragments.js';
export { tallies, results, type Tally } from './tally.js';
