import { define } from '@delib/core/define.js';
import { DelibPoll } from './poll.js';

define('delib-poll', DelibPoll);

declare global {
  interface HTMLElementTagNameMap {
    'delib-poll': DelibPoll;
  }
}
