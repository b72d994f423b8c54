import { html, LitElement, nothing } from 'lit';
import { keyed } from 'lit/directives/keyed.js';
import { Api, moderationStatuses, type ModerationStatus, type Role, type Session } from './api.js';
import { serviceName, setTitle } from './ui.js';
import { roleNames } from './accounts.js';

/** A place in the console, from the URL's hash: `#/widgets/parks-2026`, `#/moderation?status=approved`. */
export interface Route {
  name: 'sign-in' | 'widgets' | 'widget' | 'erase' | 'moderation' | 'snippet' | 'accounts' | 'audit' | 'not-found';
  widgetId?: string;
  status?: ModerationStatus;
  /** Sign-in: where to go afterwards. */
  next?: string;
}

/** Who may open each page; the API refuses the rest anyway (403), but nobody is shown what they may not use. */
export const pageRoles: Record<Route['name'], readonly Role[]> = {
  'sign-in': ['admin', 'moderator', 'viewer'],
  widgets: ['admin', 'moderator', 'viewer'],
  widget: ['admin', 'moderator', 'viewer'],
  erase: ['admin'],
  moderation: ['admin', 'moderator'],
  snippet: ['admin', 'moderator', 'viewer'],
  accounts: ['admin'],
  audit: ['admin'],
  'not-found': ['admin', 'moderator', 'viewer'],
};

const decode = (text: string) => {
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined;
  }
};

/** Reads a hash. Anything that is not a route (`#main-content`) is undefined: not a navigation. */
export function parseRoute(hash: string): Route | undefined {
  if (hash && !hash.startsWith('#/')) return undefined;
  const [path, query = ''] = hash.slice(1).split('?', 2);
  const parameters = new URLSearchParams(query);
  const parts = (path || '/').split('/').filter(Boolean);
  if (!parts.length || (parts.length === 1 && parts[0] === 'widgets')) return { name: 'widgets' };
  if (parts[0] === 'sign-in' && parts.length === 1) {
    const next = parameters.get('next') ?? undefined;
    // Only a place inside the console: never an address elsewhere.
    return { name: 'sign-in', next: next && next.startsWith('#/') && !next.startsWith('#/sign-in') ? next : undefined };
  }
  if (parts[0] === 'widgets' && parts.length >= 2 && parts.length <= 3) {
    const widgetId = decode(parts[1]);
    if (widgetId === undefined) return { name: 'not-found' };
    if (parts.length === 2) return { name: 'widget', widgetId };
    if (parts[2] === 'erase') return { name: 'erase', widgetId };
  }
  if (parts.length === 1) {
    if (parts[0] === 'moderation') {
      const status = parameters.get('status') as ModerationStatus;
      return { name: 'moderation', status: moderationStatuses.includes(status) ? status : 'pending' };
    }
    if (parts[0] === 'snippet') return { name: 'snippet' };
    if (parts[0] === 'accounts') return { name: 'accounts' };
    if (parts[0] === 'audit') return { name: 'audit' };
  }
  return { name: 'not-found' };
}

const navigation: { route: Route['name']; hash: string; label: string }[] = [
  { route: 'widgets', hash: '#/', label: 'Widgets' },
  { route: 'moderation', hash: '#/moderation', label: 'Moderation' },
  { route: 'snippet', hash: '#/snippet', label: 'Snippet builder' },
  { route: 'accounts', hash: '#/accounts', label: 'Accounts' },
  { route: 'audit', hash: '#/audit', label: 'Audit log' },
];

/**
 * The console: GOV.UK header with the service name, navigation for the signed-in person's role, and
 * one page at a time from the hash. On every navigation the page title changes and focus moves to the
 * page's heading. A 401 from any request goes to sign-in, which then returns to where the officer was.
 */
export class DelibConsole extends LitElement {
  static override properties = {
    session: { state: true },
    route: { state: true },
    checked: { state: true },
    flash: { state: true },
  };
  declare session: Session | undefined;
  declare route: Route;
  /** Whether the session has been asked for yet (nothing is shown before). */
  declare checked: boolean;
  /** A success message shown on the next page, e.g. "3 responses erased." */
  declare flash: string | undefined;

  readonly api = new Api(new URL('../api', location.href).pathname);
  /** Bumped on each navigation, so a page is rebuilt even when the route looks the same. */
  #visit = 0;

  constructor() {
    super();
    this.route = parseRoute(location.hash) ?? { name: 'widgets' };
    this.checked = false;
    this.api.onUnauthenticated = () => this.#signedOut();
  }

  protected override createRenderRoot() {
    return this;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('hashchange', this.#onHashChange);
    this.addEventListener('console-navigate', this.#onNavigate as EventListener);
    this.addEventListener('console-signed-in', this.#onSignedIn as EventListener);
    this.#start();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('hashchange', this.#onHashChange);
  }

  async #start() {
    try {
      this.session = await this.api.session();
    } catch {
      this.session = undefined;
    }
    this.checked = true;
    // A redirect on first load is not a navigation the person made: focus stays at the top of the page.
    this.#quiet = true;
    if (!this.session && this.route.name !== 'sign-in') this.#toSignIn(location.hash);
    else if (this.session && this.route.name === 'sign-in') location.hash = this.route.next ?? '#/';
    else this.#arrive(false);
  }

  #toSignIn(next: string) {
    const target =
      parseRoute(next)?.name === 'sign-in'
        ? '#/sign-in'
        : `#/sign-in${next && next !== '#/' ? `?next=${encodeURIComponent(next)}` : ''}`;
    if (location.hash === target) this.#onHashChange();
    else location.hash = target;
  }

  #signedOut() {
    // Before the first answer, `#start` decides where to go.
    if (!this.checked) return;
    const wasIn = !!this.session;
    this.session = undefined;
    if (this.route.name !== 'sign-in') {
      if (wasIn) this.flash = 'You have been signed out. Sign in again to carry on.';
      this.#toSignIn(location.hash);
    }
  }

  #onHashChange = () => {
    const route = parseRoute(location.hash);
    if (!route) return;
    if (!this.session && route.name !== 'sign-in') return this.#toSignIn(location.hash);
    if (this.session && route.name === 'sign-in') {
      location.hash = route.next ?? '#/';
      return;
    }
    this.route = route;
    this.#visit++;
    this.#arrive(!this.#quiet);
  };

  #onNavigate = (event: CustomEvent<{ hash: string; message?: string }>) => {
    this.flash = event.detail.message;
    this.#keepFlash = true;
    if (location.hash === event.detail.hash) this.#onHashChange();
    else location.hash = event.detail.hash;
  };

  #onSignedIn = (event: CustomEvent<Session>) => {
    this.session = event.detail;
    const next = this.route.name === 'sign-in' ? this.route.next : undefined;
    location.hash = next ?? '#/';
  };

  /** Whether the flash message was set for the page being arrived at (else it belongs to the last one). */
  #keepFlash = false;

  /** Whether the coming arrival is the first load's (no focus move). */
  #quiet = false;

  /** After a navigation: the new page's heading takes focus (not on the first load, where the browser starts at the top). */
  async #arrive(moveFocus: boolean) {
    this.#quiet = false;
    if (!this.#keepFlash && this.route.name !== 'sign-in') this.flash = undefined;
    this.#keepFlash = false;
    await this.updateComplete;
    const page = this.querySelector('main')?.firstElementChild as LitElement | null;
    await page?.updateComplete;
    if (moveFocus) this.querySelector<HTMLElement>('main h1')?.focus();
  }

  async #signOut() {
    try {
      await this.api.signOut();
    } catch {
      // Signed out already, or the server is away: either way the console forgets the session.
    }
    this.session = undefined;
    this.flash = 'You have signed out.';
    this.#keepFlash = true;
    location.hash = '#/sign-in';
  }

  #skip(event: Event) {
    // A skip link, not a route: focus the main content without touching the hash.
    event.preventDefault();
    this.querySelector<HTMLElement>('#main-content')?.focus();
  }

  protected override render() {
    const { session } = this;
    return html`<a href="#main-content" class="skip-link" @click=${this.#skip}>Skip to main content</a>
      <header class="header">
        <div class="header__container width-container">
          <a href="#/" class="header__service-name">${serviceName}</a>
          ${
            session
              ? html`<div class="header__account">
                  <span class="header__who">${session.email} <span class="header__role">(${roleNames[session.role]})</span></span>
                  <button class="header__sign-out" type="button" @click=${this.#signOut}>Sign out</button>
                </div>`
              : nothing
          }
        </div>
      </header>
      ${
        session
          ? html`<nav class="service-navigation" aria-label="Console">
              <ul class="width-container">
                ${navigation
                  .filter((item) => pageRoles[item.route].includes(session.role))
                  .map(
                    (item) =>
                      html`<li>
                        <a href=${item.hash} aria-current=${this.#current(item.route) ? 'page' : nothing}>${item.label}</a>
                      </li>`,
                  )}
              </ul>
            </nav>`
          : nothing
      }
      <div class="width-container">
        <main class="main" id="main-content" tabindex="-1">
          ${this.flash ? html`<div class="notification-banner" role="status"><p>${this.flash}</p></div>` : nothing}
          ${this.checked ? this.#page() : html`<p role="status">Loading…</p>`}
        </main>
      </div>`;
  }

  #current(name: Route['name']) {
    const at = this.route.name;
    return name === at || (name === 'widgets' && (at === 'widget' || at === 'erase'));
  }

  #page(): unknown {
    const { route, session, api } = this;
    if (route.name === 'sign-in' || !session) return html`<console-sign-in .api=${api}></console-sign-in>`;
    if (!pageRoles[route.name].includes(session.role)) {
      setTitle('You do not have permission');
      return html`<h1 class="heading-l" tabindex="-1">You do not have permission to see this page</h1>
        <p>Your account is a ${roleNames[session.role].toLowerCase()} account. Ask an administrator if you need more.</p>
        <p><a href="#/">Go to widgets</a></p>`;
    }
    // A new element per visit: each page loads its data when it arrives.
    const visit = this.#visit;
    switch (route.name) {
      case 'widgets':
        return keyed(visit, html`<console-widgets .api=${api} .session=${session}></console-widgets>`);
      case 'widget':
        return keyed(visit, html`<console-widget .api=${api} .session=${session} .widgetId=${route.widgetId}></console-widget>`);
      case 'erase':
        return keyed(visit, html`<console-erase .api=${api} .session=${session} .widgetId=${route.widgetId}></console-erase>`);
      case 'moderation':
        return keyed(
          visit,
          html`<console-moderation .api=${api} .session=${session} .status=${route.status}></console-moderation>`,
        );
      case 'snippet':
        return keyed(visit, html`<console-snippet-builder .api=${api} .session=${session}></console-snippet-builder>`);
      case 'accounts':
        return keyed(visit, html`<console-accounts .api=${api} .session=${session}></console-accounts>`);
      case 'audit':
        return keyed(visit, html`<console-audit .api=${api} .session=${session}></console-audit>`);
      default:
        setTitle('Page not found');
        return html`<h1 class="heading-l" tabindex="-1">Page not found</h1>
          <p>If you typed the web address, check it is correct.</p>
          <p><a href="#/">Go to widgets</a></p>`;
    }
  }
}
