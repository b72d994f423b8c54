import { define } from '@delib/core/define.js';
import { DelibBudget } from './budget.js';

define('delib-budget', DelibBudget);

declare global {
  interface HTMLElementTagNameMap {
    'delib-budget': DelibBudget;
  }
}
