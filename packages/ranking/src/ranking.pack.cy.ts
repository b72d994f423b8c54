import type { RankingMessages } from './ranking.messages.js';
import common from '@delib/core/messages.cy.js';
import own from './ranking.messages.cy.js';
import points from './points.messages.cy.js';

/**
 * Everything the ranking says in Welsh (`cy`), the common messages with its own: the one file a page
 * fetches, the first time one of these widgets shows the language. (The build gives each pack its own copy
 * of the common messages, so that no pack waits for another file.)
 */
export default { ...common, ...own, points } satisfies Partial<RankingMessages>;
