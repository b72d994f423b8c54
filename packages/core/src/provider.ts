import { LitElement, html, css, type PropertyValues } from 'lit';
import { ContextProvider } from '@lit/context';
import { delibConfigContext } from './context.js';

/**
 * Shares an endpoint, request headers, credentials mode and `remember` with every delib widget inside it.
 * Its `lang` attribute, like any ancestor's, sets the widgets' language.
 *
 * @summary Configuration for the delib widgets inside it.
 * @tag delib-provider
 * @slot - The widgets, and any other content.
 */
export class DelibProvider extends LitElement {
  static override styles = css`
    :host {
      display: contents;
    }
  `;

  static override properties = {
    endpoint: {},
    headers: { type: Object },
    credentials: {},
    remember: {},
  };

  /** Base URL of the endpoint, e.g. `https://consult.example.gov.uk/api`. */
  declare endpoint: string | undefined;
  /** Extra request headers, e.g. a CSRF token. As an attribute: JSON. */
  declare headers: Record<string, string> | undefined;
  /** Whether requests carry cookies: `omit` (default), `same-origin` or `include`. */
  declare credentials: RequestCredentials;
  /** Where the widgets inside remember a person's answer and order: `device` (default), `session` or `none`. */
  declare remember: string | undefined;

  private provider = new ContextProvider(this, { context: delibConfigContext, initialValue: {} });

  constructor() {
    super();
    this.credentials = 'omit';
  }

  protected override willUpdate(_changed: PropertyValues): void {
    this.provider.setValue({
      endpoint: this.endpoint,
      headers: this.headers,
      credentials: this.credentials,
      remember: this.remember,
    });
  }

  protected override render() {
    return html`<slot></slot>`;
  }
}
