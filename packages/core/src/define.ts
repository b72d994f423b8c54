import { DelibProvider } from './provider.js';
import { getOutbox } from './outbox.js';

/** Defines a tag unless some copy of delib already did: loading two bundles, or one twice, is harmless. */
export function define(tag: string, element: CustomElementConstructor): void {
  if (!customElements.get(tag)) customElements.define(tag, element);
}

define('delib-provider', DelibProvider);
// Deliver what earlier pages left in the outbox, even on a page without widgets.
getOutbox();

declare global {
  interface HTMLElementTagNameMap {
    'delib-provider': DelibProvider;
  }
}
