import type { PollMessages } from './messages.js';
import common from '@delib/core/messages.gd.js';
import own from './messages.gd.js';

/**
 * Everything the poll says in Scottish Gaelic (`gd`), the common messages with its own: the one file a page
 * fetches, the first time one of these widgets shows the language. (The build gives each pack its own copy
 * of the common messages, so that no pack waits for another file.)
 */
export default { ...common, ...own } satisfies Partial<PollMessages>;
