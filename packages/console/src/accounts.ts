import { html, nothing } from 'lit';
import { roles, type Account, type AuditEntry, type Role } from './api.js';
import { widgetHash } from './widgets.js';
import {
  apiProblem,
  ConsolePage,
  errorSummary,
  fieldError,
  focusAfterRender,
  formatDateTime,
  hasError,
  setTitle,
  textField,
  type Problem,
} from './ui.js';

export const roleNames: Record<Role, string> = { admin: 'Administrator', moderator: 'Moderator', viewer: 'Viewer' };
const roleHints: Record<Role, string> = {
  admin: 'Everything, including accounts and erasing responses',
  moderator: 'Moderate suggestions, close and reopen widgets, publish outcomes, and read everything',
  viewer: 'Read results and download responses',
};
/** The shortest password the console asks for (the server has its own rule too). */
export const minimumPassword = 12;

/** Accounts (administrators only): who can sign in, with which role; add and remove. */
export class ConsoleAccounts extends ConsolePage {
  static override properties = {
    ...ConsolePage.properties,
    accounts: { state: true },
    problems: { state: true },
    announcement: { state: true },
  };
  declare accounts: Account[] | undefined;
  declare problems: Problem[];
  declare announcement: string;

  constructor() {
    super();
    this.problems = [];
    this.announcement = '';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    setTitle('Accounts');
    this.#load();
  }

  async #load() {
    try {
      this.accounts = (await this.api.accounts()).accounts;
    } catch (error) {
      this.problems = [apiProblem(error)];
      setTitle('Accounts', { error: true });
    }
  }

  async #add(event: SubmitEvent) {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const data = new FormData(form);
    const email = String(data.get('email') ?? '').trim();
    const password = String(data.get('password') ?? '');
    const role = String(data.get('role') ?? '') as Role;
    const problems: Problem[] = [];
    if (!email) problems.push({ field: 'new-email', message: 'Enter an email address' });
    else if (!/^[^\s@]+@[^\s@]+$/.test(email) || email.length > 254)
      problems.push({ field: 'new-email', message: 'Enter an email address in the correct format, like name@example.gov.uk' });
    if (password.length < minimumPassword)
      problems.push({ field: 'new-password', message: `Password must be ${minimumPassword} characters or more` });
    if (!roles.includes(role)) problems.push({ field: 'role-admin', message: 'Select a role' });
    if (!problems.length) {
      try {
        await this.api.addAccount({ email, password, role });
        form.reset();
        this.problems = [];
        setTitle('Accounts');
        this.announcement = `Account added for ${email}, as ${roleNames[role].toLowerCase()}.`;
        await this.#load();
        return;
      } catch (error) {
        problems.push(apiProblem(error, { email: 'new-email', password: 'new-password', role: 'role-admin' }));
      }
    }
    this.problems = problems;
    setTitle('Accounts', { error: true });
    await focusAfterRender(this, '.error-summary');
  }

  async #remove(account: Account) {
    try {
      await this.api.removeAccount(account.email);
      this.problems = [];
      this.announcement = `Account for ${account.email} removed.`;
      await this.#load();
      this.querySelector<HTMLElement>('#accounts-heading')?.focus();
    } catch (error) {
      this.problems = [apiProblem(error)];
      await focusAfterRender(this, '.error-summary');
    }
  }

  protected override render() {
    const { accounts, problems } = this;
    return html`${errorSummary(problems)}
      <h1 class="heading-l" tabindex="-1">Accounts</h1>
      <p class="visually-hidden" role="status">${this.announcement}</p>
      <h2 class="heading-m" id="accounts-heading" tabindex="-1">People who can sign in</h2>
      ${accounts === undefined && !problems.length ? html`<p>Loading…</p>` : nothing}
      ${
        accounts?.length
          ? html`<div class="table-scroll" role="region" aria-labelledby="accounts-caption" tabindex="0">
              <table class="table">
                <caption class="visually-hidden" id="accounts-caption">
                  Accounts
                </caption>
                <thead>
                  <tr>
                    <th scope="col">Email address</th>
                    <th scope="col">Role</th>
                    <th scope="col"><span class="visually-hidden">Action</span></th>
                  </tr>
                </thead>
                <tbody>
                  ${accounts.map(
                    (account) =>
                      html`<tr>
                        <th scope="row">${account.email}</th>
                        <td>${roleNames[account.role] ?? account.role}</td>
                        <td>
                          ${
                            account.email === this.session.email
                              ? html`<span class="hint">You</span>`
                              : html`<button
                                  class="button button--warning button--small"
                                  type="button"
                                  @click=${() => this.#remove(account)}
                                >
                                  Remove<span class="visually-hidden"> ${account.email}</span>
                                </button>`
                          }
                        </td>
                      </tr>`,
                  )}
                </tbody>
              </table>
            </div>`
          : nothing
      }
      <h2 class="heading-m">Add an account</h2>
      <form novalidate @submit=${this.#add} class="grid-two-thirds">
        ${textField(problems, {
          id: 'new-email',
          name: 'email',
          label: 'Email address',
          type: 'email',
          autocomplete: 'off',
          spellcheck: 'false',
          maxlength: 254,
        })}
        ${textField(problems, {
          id: 'new-password',
          name: 'password',
          label: 'Password',
          type: 'password',
          autocomplete: 'new-password',
          maxlength: 1024,
          hint: `At least ${minimumPassword} characters. Give it to them in person or by phone, not by email.`,
        })}
        <div class="form-group ${hasError(problems, 'role-admin') ? 'form-group--error' : ''}">
          <fieldset class="fieldset">
            <legend class="fieldset__legend">Role</legend>
            ${fieldError(problems, 'role-admin')}
            <div class="radios">
              ${roles.map(
                (role) =>
                  html`<div class="radios__item">
                    <input
                      class="radios__input"
                      id="role-${role}"
                      name="role"
                      type="radio"
                      value=${role}
                      aria-describedby="role-${role}-hint"
                    />
                    <label class="label radios__label" for="role-${role}">${roleNames[role]}</label>
                    <div class="hint radios__hint" id="role-${role}-hint">${roleHints[role]}</div>
                  </div>`,
              )}
            </div>
          </fieldset>
        </div>
        <button class="button" type="submit">Add account</button>
      </form>`;
  }
}

const actionNames: Record<string, string> = {
  'sign-in': 'Signed in',
  'sign-in-failed': 'Failed to sign in',
  'sign-out': 'Signed out',
  'account-added': 'Added an account',
  'account-removed': 'Removed an account',
  export: 'Downloaded responses',
  close: 'Closed a widget',
  reopen: 'Reopened a widget',
  erase: 'Erased responses',
  approve: 'Approved a suggestion',
  reject: 'Rejected a suggestion',
  'outcome-published': 'Published an outcome',
  'outcome-withdrawn': 'Withdrew an outcome',
  'retention-erase': 'Erased old contact details',
};

/** The audit log, newest first, 100 entries a page. */
export class ConsoleAudit extends ConsolePage {
  static override properties = {
    ...ConsolePage.properties,
    entries: { state: true },
    next: { state: true },
    cursors: { state: true },
    problems: { state: true },
  };
  declare entries: AuditEntry[] | undefined;
  declare next: string | undefined;
  declare cursors: (string | undefined)[];
  declare problems: Problem[];

  constructor() {
    super();
    this.cursors = [undefined];
    this.problems = [];
  }

  override connectedCallback(): void {
    super.connectedCallback();
    setTitle('Audit log');
    this.#load();
  }

  async #load() {
    try {
      const page = await this.api.audit(this.cursors[this.cursors.length - 1]);
      this.entries = page.entries;
      this.next = page.next;
    } catch (error) {
      this.problems = [apiProblem(error)];
      setTitle('Audit log', { error: true });
    }
  }

  async #page(direction: 'older' | 'newer') {
    this.cursors = direction === 'older' ? [...this.cursors, this.next] : this.cursors.slice(0, -1);
    await this.#load();
    this.querySelector<HTMLElement>('h1')?.focus();
  }

  protected override render() {
    const { entries } = this;
    const pageNumber = this.cursors.length;
    return html`${errorSummary(this.problems)}
      <h1 class="heading-l" tabindex="-1">
        Audit log${pageNumber > 1 ? html`<span class="visually-hidden">, page ${pageNumber}</span>` : nothing}
      </h1>
      <p>Who did what, newest first.</p>
      ${entries === undefined && !this.problems.length ? html`<p>Loading…</p>` : nothing}
      ${entries && !entries.length ? html`<p>Nothing recorded yet.</p>` : nothing}
      ${
        entries?.length
          ? html`<div class="table-scroll" role="region" aria-labelledby="audit-caption" tabindex="0">
              <table class="table">
                <caption class="visually-hidden" id="audit-caption">
                  Audit log, page ${pageNumber}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">When</th>
                    <th scope="col">Who</th>
                    <th scope="col">What</th>
                    <th scope="col">Widget</th>
                  </tr>
                </thead>
                <tbody>
                  ${entries.map(
                    (entry) =>
                      html`<tr>
                        <td>${formatDateTime(entry.at)}</td>
                        <td>${entry.who}</td>
                        <td>${actionNames[entry.action] ?? entry.action}</td>
                        <td>${entry.widgetId ? html`<a href=${widgetHash(entry.widgetId)}>${entry.widgetId}</a>` : '–'}</td>
                      </tr>`,
                  )}
                </tbody>
              </table>
            </div>`
          : nothing
      }
      <nav class="pagination" aria-label="Audit log pages">
        ${pageNumber > 1 ? html`<button class="button button--secondary" type="button" @click=${() => this.#page('newer')}>Newer entries</button>` : nothing}
        ${this.next ? html`<button class="button button--secondary" type="button" @click=${() => this.#page('older')}>Older entries</button>` : nothing}
      </nav>`;
  }
}
