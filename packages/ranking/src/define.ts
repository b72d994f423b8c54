// All three prioritisation widgets (and, through core, the provider).
import './define-ranking.js';
import './define-pairwise.js';
import './define-budget.js';
