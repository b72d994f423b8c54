import { define } from '@delib/core/define.js';
import { DelibRanking } from './ranking.js';

define('delib-ranking', DelibRanking);

declare global {
  interface HTMLElementTagNameMap {
    'delib-ranking': DelibRanking;
  }
}
