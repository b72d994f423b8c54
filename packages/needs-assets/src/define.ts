import { define } from '@delib/core/define.js';
import { DelibNeedsAssets } from './needs-assets.js';

define('delib-needs-assets', DelibNeedsAssets);

declare global {
  interface HTMLElementTagNameMap {
    'delib-needs-assets': DelibNeedsAssets;
  }
}
