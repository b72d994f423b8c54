import type { NeedsAssetsMessages } from './messages.js';
import common from '@delib/core/messages.cy.js';
import own from './messages.cy.js';

/**
 * Everything the needs-and-assets form says in Welsh (`cy`), the common messages with its own: the one file a page
 * fetches, the first time one of these widgets shows the language. (The build gives each pack its own copy
 * of the common messages, so that no pack waits for another file.)
 */
export default { ...common, ...own } satisfies Partial<NeedsAssetsMessages>;
