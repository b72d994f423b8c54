/**
 * The console's client for the reference endpoint's admin API (CONTRACT.md §8, I10-API.md). Same
 * origin only: the session cookie goes with every request, and the browser adds the `Origin` header
 * that the server checks on every state-changing request.
 */
import type { WidgetKind } from '@delib/protocol';

export type Role = 'admin' | 'moderator' | 'viewer';
export const roles: readonly Role[] = ['admin', 'moderator', 'viewer'];

export interface Session {
  email: string;
  role: Role;
}

export interface WidgetEntry {
  widgetId: string;
  widget: WidgetKind;
  total: number;
  firstAt: string | null;
  lastAt: string | null;
  closed: boolean;
  /** Responses per UTC day for the last 14 days, oldest first; the last is today. */
  daily?: number[];
}

export type Language = 'en' | 'cy' | 'gd';
export const languages: readonly Language[] = ['en', 'cy', 'gd'];

export interface Outcome {
  text: Partial<Record<Language, string>>;
  publishedAt: string;
}

export interface WidgetDetail extends WidgetEntry {
  days: { date: string; count: number }[];
  outcome?: Outcome;
  pendingSuggestions?: number;
}

export interface TextEntry {
  id: string;
  submittedAt: string;
  field: string;
  text: string;
}

export type ModerationStatus = 'pending' | 'approved' | 'rejected';
export const moderationStatuses: readonly ModerationStatus[] = ['pending', 'approved', 'rejected'];

export interface Suggestion {
  id: string;
  widgetId: string;
  text: string;
  submittedAt: string;
  status: ModerationStatus;
  label?: string;
}

export interface Account {
  email: string;
  role: Role;
  createdAt?: string;
}

export interface AuditEntry {
  at: string;
  who: string;
  action: string;
  widgetId?: string;
}

export interface Page<T> {
  entries: T[];
  next?: string;
}

/** An answer other than 2xx, with the contract's error body when the server sent one. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field?: string,
    /** Seconds, from `Retry-After` (429). */
    readonly retryAfter?: number,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** What the console does when the server says the session is gone (401). */
export type Unauthenticated = () => void;

const segment = encodeURIComponent;

export class Api {
  /** Called on any 401 except from signing in, where 401 means a wrong password. */
  onUnauthenticated?: Unauthenticated;

  constructor(readonly base = '/api') {}

  async request<T>(method: string, path: string, body?: unknown, { signIn = false } = {}): Promise<T> {
    let response: Response;
    try {
      response = await fetch(`${this.base}${path}`, {
        method,
        credentials: 'same-origin',
        headers:
          body === undefined
            ? { Accept: 'application/json' }
            : { Accept: 'application/json', 'Content-Type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
        cache: 'no-store',
      });
    } catch {
      throw new ApiError(0, 'network', 'The server could not be reached. Check your connection and try again.');
    }
    if (response.status === 204) return undefined as T;
    const text = await response.text();
    let data: unknown;
    try {
      data = text ? JSON.parse(text) : undefined;
    } catch {
      data = undefined;
    }
    if (response.ok) return data as T;
    const error = (data as { error?: { code?: unknown; message?: unknown; field?: unknown } } | undefined)?.error;
    const retryAfter = Number(response.headers.get('Retry-After'));
    const failure = new ApiError(
      response.status,
      typeof error?.code === 'string' ? error.code : 'http_' + response.status,
      typeof error?.message === 'string' ? error.message : fallbackMessage(response.status),
      typeof error?.field === 'string' ? error.field : undefined,
      Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : undefined,
    );
    if (response.status === 401 && !signIn) this.onUnauthenticated?.();
    throw failure;
  }

  session = () => this.request<Session>('GET', '/admin/session');
  signIn = (email: string, password: string) =>
    this.request<Session>('POST', '/admin/session', { email, password }, { signIn: true });
  signOut = () => this.request<void>('DELETE', '/admin/session');

  widgets = () => this.request<{ widgets: WidgetEntry[] }>('GET', '/admin/widgets');
  widget = (id: string) => this.request<WidgetDetail>('GET', `/admin/widgets/${segment(id)}`);
  freeText = (id: string, before?: string) =>
    this.request<Page<TextEntry>>('GET', `/admin/widgets/${segment(id)}/text${before ? `?before=${segment(before)}` : ''}`);
  close = (id: string) => this.request<WidgetEntry>('POST', `/admin/widgets/${segment(id)}/close`, {});
  reopen = (id: string) => this.request<WidgetEntry>('POST', `/admin/widgets/${segment(id)}/reopen`, {});
  erase = (id: string) => this.request<{ erased: number }>('DELETE', `/admin/widgets/${segment(id)}/responses`);
  publishOutcome = (id: string, text: Partial<Record<Language, string>>) =>
    this.request<unknown>('PUT', `/admin/widgets/${segment(id)}/outcome`, { text });
  withdrawOutcome = (id: string) => this.request<unknown>('DELETE', `/admin/widgets/${segment(id)}/outcome`);

  moderation = (status: ModerationStatus) => this.request<{ items: Suggestion[] }>('GET', `/admin/moderation?status=${status}`);
  decide = (id: string, decision: 'approve' | 'reject', label?: string) =>
    this.request<unknown>('POST', `/admin/moderation/${segment(id)}`, label ? { decision, label } : { decision });

  accounts = () => this.request<{ accounts: Account[] }>('GET', '/admin/accounts');
  addAccount = (account: { email: string; password: string; role: Role }) =>
    this.request<Account>('POST', '/admin/accounts', account);
  removeAccount = (email: string) => this.request<void>('DELETE', `/admin/accounts/${segment(email)}`);

  audit = (before?: string) => this.request<Page<AuditEntry>>('GET', `/admin/audit${before ? `?before=${segment(before)}` : ''}`);

  /** Where the browser downloads a widget's responses (a plain link: the session cookie goes with it). */
  exportUrl = (id: string, format: 'csv' | 'json') => `${this.base}/export/${segment(id)}?format=${format}`;
}

function fallbackMessage(status: number): string {
  if (status === 403) return 'You do not have permission to do that.';
  if (status === 404) return 'Not found.';
  if (status >= 500) return 'Something went wrong on the server. Try again later.';
  return 'The request could not be completed.';
}
