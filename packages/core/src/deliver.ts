/**
 * What the loader loads on a page with no widget when the outbox holds a response an earlier page could
 * not send: the outbox alone, without Lit or any element, which delivers it.
 */
import { getOutbox } from './outbox.js';

getOutbox();
