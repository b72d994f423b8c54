export { DelibPoll, otherValue } from './poll.js';
export { pollMessages, type PollMessages } from './messages.js';
