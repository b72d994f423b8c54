/**
 * The prefix of every outbox entry's localStorage key: shared by the outbox and the loader, which
 * looks for one on a page with no widget without loading the outbox itself.
 */
export const outboxPrefix = 'delib:outbox:v1:';
