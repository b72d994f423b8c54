export { DelibNeedsAssets, type Step } from './needs-assets.js';
export { needsAssetsMessages, type NeedsAssetsMessages } from './messages.js';
export { defaultCategories, type Category } from './categories.js';
