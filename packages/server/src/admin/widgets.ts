import { randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest, preHandlerAsyncHookHandler } from 'fastify';
import { isUuid, isWidgetId, limits, type Outcome } from '@delib/protocol';
import type { ByteBoundedCache } from '../cache.js';
import { suggestionStatuses, type Store, type SuggestionStatus } from '../store.js';
import { ClientError } from '../validate.js';
import type { Audit, Role } from './access.js';

/** Suggestions one moderation page lists. */
export const moderationPageSize = 200;
/** Characters (code points) in each language of a published outcome. */
export const outcomeLength = 5000;
/** The languages an outcome may be written in; English is required, the others fall back to it. */
export const outcomeLanguages = ['en', 'cy', 'gd'] as const;
/**
 * The prefix of an approved suggestion's item value: `s~` and 12 random base64url characters, made once
 * on approval and kept. Pages must not give their own options values that begin with `s~` (documented in
 * the README); the random part keeps values unguessable, so nobody can post votes for an item before it
 * is approved.
 */
export const suggestionValuePrefix = 's~';

export interface WidgetAdminOptions {
  store: Store;
  audit: Audit;
  requireRole: (...roles: Role[]) => preHandlerAsyncHookHandler;
  /** The clock: which UTC day is today, when a decision or an outcome was made. */
  now: () => Date;
}

const widgetIdRule = `widgetId must be 1–${limits.widgetIdLength} printable characters, and not "." or "..".`;

function widgetIdOf(request: FastifyRequest<{ Params: { widgetId: string } }>): string {
  const { widgetId } = request.params;
  if (!isWidgetId(widgetId)) throw new ClientError(400, 'invalid', widgetIdRule, 'widgetId');
  return widgetId;
}

const unknownWidget = () => new ClientError(404, 'not_found', 'This endpoint has no widget with this widgetId.', 'widgetId');

/** A string that a database keeps as it is and a person can read: no U+0000, no half surrogate pair. */
const storable = (text: string) => !text.includes('\u0000') && text.isWellFormed();
const codePoints = (text: string) => [...text].length;

/** The body as a plain object with only the `allowed` fields, or a 400 naming the first other one. */
function objectBody(body: unknown, allowed: string[]): Record<string, unknown> {
  if (!body || typeof body !== 'object' || Array.isArray(body))
    throw new ClientError(400, 'invalid', 'The body must be a JSON object.');
  for (const key of Object.keys(body)) {
    if (!allowed.includes(key)) throw new ClientError(400, 'unknown_field', `${key} is not a field of this request.`, key);
  }
  return body as Record<string, unknown>;
}

/** `{ decision, label? }` of `POST /api/admin/moderation/{id}`. */
export function decisionOf(body: unknown): { approve: boolean; label?: string } {
  const { decision, label } = objectBody(body, ['decision', 'label']);
  if (decision !== 'approve' && decision !== 'reject')
    throw new ClientError(400, 'invalid', 'decision must be "approve" or "reject".', 'decision');
  if (label === undefined) return { approve: decision === 'approve' };
  if (decision === 'reject') throw new ClientError(400, 'invalid', 'label goes only with "approve".', 'label');
  if (typeof label !== 'string' || !label.trim() || codePoints(label) > limits.textLength || !storable(label))
    throw new ClientError(400, 'invalid', `label must be text of 1–${limits.textLength} characters.`, 'label');
  return { approve: true, label: label.trim() };
}

/** `{ text: { en, cy?, gd? } }` of `PUT …/outcome`: plain text, line breaks as `\n`. */
export function outcomeTextOf(body: unknown): Outcome['text'] {
  const { text } = objectBody(body, ['text']);
  if (text === undefined) throw new ClientError(400, 'invalid', 'text is missing.', 'text');
  const languages = objectBody(text, [...outcomeLanguages]);
  const result: Record<string, string> = {};
  for (const language of outcomeLanguages) {
    const value = languages[language];
    if (value === undefined) {
      if (language === 'en') throw new ClientError(400, 'invalid', 'text.en is missing: English is required.', 'text.en');
      continue;
    }
    if (typeof value !== 'string' || !value.trim() || codePoints(value) > outcomeLength || !storable(value)) {
      throw new ClientError(
        400,
        'invalid',
        `text.${language} must be text of 1–${outcomeLength} characters.`,
        `text.${language}`,
      );
    }
    result[language] = value.replace(/\r\n?/g, '\n').trim();
  }
  return result as Outcome['text'];
}

/**
 * The console's widget API (I10-API.md "Widget admin API", CONTRACT.md section 8), inside the `/api`
 * scope. Reading is for every role; closing, moderation and the outcome for admins and moderators;
 * erasure for admins. Every change is audited.
 */
export function widgetAdminRoutes(api: FastifyInstance, { store, audit, requireRole, now }: WidgetAdminOptions): void {
  const everyone = { preHandler: requireRole('admin', 'moderator', 'viewer') };
  const moderators = { preHandler: requireRole('admin', 'moderator') };
  const admins = { preHandler: requireRole('admin') };

  api.get('/admin/widgets', everyone, async () => ({ widgets: await store.widgets(now()) }));

  api.get<{ Params: { widgetId: string } }>('/admin/widgets/:widgetId', everyone, async (request) => {
    const found = await store.widget(widgetIdOf(request), now());
    if (!found) throw unknownWidget();
    return found;
  });

  api.get<{ Params: { widgetId: string }; Querystring: { before?: string } }>(
    '/admin/widgets/:widgetId/text',
    everyone,
    async (request) => {
      const widgetId = widgetIdOf(request);
      const { before } = request.query;
      if (before !== undefined && (typeof before !== 'string' || !/^[1-9][0-9]{0,14}$/.test(before)))
        throw new ClientError(400, 'invalid', 'before must be the next cursor of an earlier page.', 'before');
      // Known to the store (its version is undefined only for a widget it has never seen).
      if ((await store.version(widgetId)) === undefined) throw unknownWidget();
      const page = await store.freeText(widgetId, before === undefined ? undefined : Number(before));
      return { entries: page.entries, ...(page.next !== undefined ? { next: String(page.next) } : {}) };
    },
  );

  for (const [action, closed] of [
    ['close', true],
    ['reopen', false],
  ] as const) {
    api.post<{ Params: { widgetId: string } }>(`/admin/widgets/:widgetId/${action}`, moderators, async (request) => {
      const widgetId = widgetIdOf(request);
      if (!(await store.setClosed(widgetId, closed))) throw unknownWidget();
      await audit(request, action, widgetId);
      return (await store.widget(widgetId, now()))!;
    });
  }

  api.delete<{ Params: { widgetId: string } }>('/admin/widgets/:widgetId/responses', admins, async (request) => {
    const widgetId = widgetIdOf(request);
    const erased = await store.erase(widgetId);
    if (erased === undefined) throw unknownWidget();
    await audit(request, 'erase', widgetId);
    return { erased };
  });

  api.get<{ Querystring: { status?: string } }>('/admin/moderation', moderators, async (request) => {
    const status = (request.query.status ?? 'pending') as SuggestionStatus;
    if (!suggestionStatuses.includes(status))
      throw new ClientError(400, 'invalid', `status must be ${suggestionStatuses.join(', ')}.`, 'status');
    return { items: await store.suggestions(status, moderationPageSize) };
  });

  api.post<{ Params: { id: string } }>('/admin/moderation/:id', moderators, async (request) => {
    const { id } = request.params;
    if (!isUuid(id)) throw new ClientError(400, 'invalid', 'The id must be a suggestion id (a UUID).', 'id');
    const { approve, label } = decisionOf(request.body);
    const value = `${suggestionValuePrefix}${randomBytes(9).toString('base64url')}`;
    const decided = await store.decide(id.toLowerCase(), approve ? { approve, value, label } : { approve: false }, now());
    if (decided === 'not_found') throw new ClientError(404, 'not_found', 'No suggestion has this id.', 'id');
    if (decided === 'decided') throw new ClientError(409, 'already_decided', 'This suggestion was decided before.', 'id');
    await audit(request, approve ? 'approve' : 'reject', decided.widgetId);
    return decided;
  });

  api.put<{ Params: { widgetId: string } }>('/admin/widgets/:widgetId/outcome', moderators, async (request) => {
    const widgetId = widgetIdOf(request);
    const outcome: Outcome = { text: outcomeTextOf(request.body), publishedAt: now().toISOString() };
    if (!(await store.setOutcome(widgetId, outcome))) throw unknownWidget();
    await audit(request, 'outcome-published', widgetId);
    return { outcome };
  });

  api.delete<{ Params: { widgetId: string } }>('/admin/widgets/:widgetId/outcome', moderators, async (request, reply) => {
    const widgetId = widgetIdOf(request);
    if (!(await store.setOutcome(widgetId, null))) throw unknownWidget();
    await audit(request, 'outcome-withdrawn', widgetId);
    return reply.code(204).send();
  });
}

/**
 * `GET /api/items/{widgetId}` (CONTRACT.md section 4): the items moderators approved, `{ items: [{ value,
 * label }] }` (empty when none), public, cached like results until the widget's version changes.
 */
export function itemsRoute(api: FastifyInstance, { store, cache }: { store: Store; cache: ByteBoundedCache }): void {
  api.get<{ Params: { widgetId: string } }>('/items/:widgetId', async (request, reply: FastifyReply) => {
    const widgetId = widgetIdOf(request);
    const version = await store.version(widgetId);
    if (version === undefined) return { items: [] };
    const key = JSON.stringify(['items', widgetId]);
    let body = cache.get(key, version);
    if (body === undefined) {
      body = JSON.stringify({ items: await store.items(widgetId) });
      cache.set(key, version, body);
    }
    return reply.type('application/json; charset=utf-8').send(body);
  });
}
