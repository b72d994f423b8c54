import { define } from '@delib/core/define.js';
import { DelibPairwise } from './pairwise.js';

define('delib-pairwise', DelibPairwise);

declare global {
  interface HTMLElementTagNameMap {
    'delib-pairwise': DelibPairwise;
  }
}
