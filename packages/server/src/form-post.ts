import { createHash, randomUUID } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import {
  FormProblem,
  formFields,
  isWidgetId,
  limits,
  readForm,
  refusedId,
  thanksId,
  withRefusal,
  withoutRefusal,
} from '@delib/protocol';
import { ClientError } from './validate.js';

/**
 * A widget's plain form, posted by a browser that never ran the script (CONTRACT.md section 10): the
 * fields become the envelope a widget would have sent, with an id made here (the browser made none), and
 * the answer is `303 See Other` back to the page, or a small page of its own when no return address can
 * be trusted. A refused answer goes back to the page too when the form asks for that (`sendRefused`), and
 * is otherwise a page in the GOV.UK error pattern, with a link back. Only a new response can be made this way; the rate limit applies.
 */

/**
 * The page to come back to: the form's `return` field, else the Referer, when it is a page of a site that
 * may post (DELIB_CORS_ORIGINS; without that list, the site the form was posted from). A form posted from
 * a site not on the list, or naming a return address it may not, is refused: nothing is stored.
 */
export function returnAddress(request: FastifyRequest, fields: URLSearchParams, origins: string[] | undefined): URL | undefined {
  const referer = parseUrl(request.headers.referer);
  // The origin the browser says the form was posted from: a page cannot forge it.
  const origin = request.headers.origin;
  const from = origin && origin !== 'null' ? origin : referer?.origin;
  // With a list, a form must say where it comes from (an `Origin: null`, from a page that hides its
  // address, could be any site's).
  if (origins && (!from || !origins.includes(from))) {
    throw new ClientError(
      403,
      'forbidden',
      `Answers are taken only from the sites in DELIB_CORS_ORIGINS, and ${from ?? 'a page that does not say which site it is on'} is not one of them.`,
    );
  }
  const trusted = (url: URL) => (origins ? origins.includes(url.origin) : url.origin === from);
  const asked = fields.get(formFields.return)?.trim();
  if (asked) {
    const url = parseUrl(asked);
    if (!url || !trusted(url))
      throw new ClientError(400, 'invalid', 'The return address is not a page of the site the form was sent from.', 'return');
    return url;
  }
  // A Referer of a site's bare origin is what browsers send to another site, whatever the page was:
  // that is no page to come back to (the thank-you page says where to go instead).
  return referer && trusted(referer) && (referer.pathname !== '/' || referer.search) ? referer : undefined;
}

function parseUrl(value: string | undefined): URL | undefined {
  if (!value || value.length > limits.pageLength) return undefined;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url : undefined;
  } catch {
    return undefined;
  }
}

/** The envelope a posted form stands for; a form no widget could have posted is a 400. */
export function formEnvelope(fields: URLSearchParams, back: URL | undefined, request: FastifyRequest, now: Date) {
  let read;
  try {
    read = readForm(fields);
  } catch (error) {
    if (error instanceof FormProblem) throw new ClientError(400, 'invalid', error.message, error.field);
    throw error;
  }
  const origin = request.headers.origin;
  return {
    id: randomUUID(),
    widget: read.widget,
    widgetId: read.widgetId,
    submittedAt: now.toISOString(),
    locale: read.locale,
    page: back ? `${back.origin}${back.pathname}` : origin && origin !== 'null' ? `${origin}/` : '',
    answer: read.answer,
  };
}

/** Back to the page, at the widget's thank-you line (`thanksId`), which the themes show as `:target`. */
export function sendBack(reply: FastifyReply, back: URL, widgetId: string) {
  const to = new URL(back);
  // An earlier refusal's parameters (the person tried again from that address) go: this one was taken.
  to.search = withoutRefusal(back.search);
  to.hash = thanksId(widgetId);
  return reply.code(303).header('Location', to.href).header('Cache-Control', 'no-store').send();
}

/**
 * A refused answer, back to the page that asked for it (`errors` = `page`), with the reason in the query
 * for the widget once its script runs, and the page's "not sent" line as the fragment for when it does
 * not; undefined when the form did not ask, or names no widget to show it (the error page answers then).
 */
export function sendRefused(reply: FastifyReply, back: URL, fields: URLSearchParams, problem: ClientError) {
  const widgetId = fields.get(formFields.widgetId);
  if (fields.get(formFields.errors) !== 'page' || !widgetId || !isWidgetId(widgetId)) return undefined;
  const to = new URL(back);
  // Added to the page's query as written (a page may route by it), any earlier refusal's taken out.
  to.search = withRefusal(back.search, widgetId, problem.code);
  to.hash = refusedId(widgetId);
  return reply.code(303).header('Location', to.href).header('Cache-Control', 'no-store').send();
}

/** The pages' language: Welsh or Gaelic when the form says so, else English. */
const pageLanguage = (locale: string) => (['cy', 'gd'] as const).find((code) => locale.toLowerCase().startsWith(code)) ?? 'en';

/**
 * After a post with no page to go back to: the thank-you page, by GET (relative to `/responses`), with a
 * link to the site the form came from when DELIB_CORS_ORIGINS lists it (the page checks it again: a
 * link anyone could make it show would be a link anywhere).
 */
export function sendThanks(reply: FastifyReply, locale: string, request: FastifyRequest, origins: string[] | undefined) {
  const query = new URLSearchParams({ lang: pageLanguage(locale) });
  const site = listedSite(request.headers.origin, origins);
  if (site) query.set('site', site);
  return reply.code(303).header('Location', `thanks?${query}`).header('Cache-Control', 'no-store').send();
}

/** The origin, when it is one of DELIB_CORS_ORIGINS (only a list says which sites are the council's). */
export const listedSite = (origin: string | undefined, origins: string[] | undefined) =>
  origin && origins?.includes(origin) ? origin : undefined;

const words = {
  en: {
    thanksTitle: 'Thank you',
    thanks: 'Your answer has been received.',
    problemTitle: 'There is a problem',
    problem: 'Your answer could not be taken:',
    back: 'Go back to the page',
    site: 'Go back to {site}',
  },
  cy: {
    thanksTitle: 'Diolch',
    thanks: 'Mae eich ateb wedi dod i law.',
    problemTitle: 'Mae problem wedi codi',
    problem: 'Nid oedd modd derbyn eich ateb:',
    back: "Yn ôl i'r dudalen",
    site: 'Yn ôl i {site}',
  },
  gd: {
    thanksTitle: 'Tapadh leibh',
    thanks: 'Fhuair sinn ur freagairt.',
    problemTitle: 'Tha duilgheadas ann',
    problem: 'Cha b’ urrainn dhuinn ur freagairt a ghabhail:',
    back: 'Till dhan duilleag',
    site: 'Till gu {site}',
  },
} as const;

const style =
  'body{margin:0;font:1.1875rem/1.3158 arial,sans-serif;color:#0b0c0c}main{max-width:40rem;margin:0 auto;padding:1.25rem}' +
  '.summary{border:5px solid #ca3535;padding:1.25rem}.summary h1{margin-top:0}a{color:#1a65a6}a:focus{outline:3px solid #fd0;background:#fd0;color:#0b0c0c}';

/** The page's policy: nothing but its own inline style, known by its hash. */
export const formPagePolicy = `default-src 'none'; style-src 'sha256-${createHash('sha256').update(style).digest('base64')}'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`;

const escape = (text: string) => text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);

/**
 * The thank-you page, or (with `problem`) the error page, in the form's language; the problem itself is
 * the validator's English, marked so that a screen reader says it as English.
 */
export function formPage(
  reply: FastifyReply,
  { locale, back, site, problem }: { locale: string; back?: URL; site?: string; problem?: ClientError },
) {
  const lang = pageLanguage(locale);
  const text = words[lang];
  const title = problem ? text.problemTitle : text.thanksTitle;
  const body = problem
    ? `<div class="summary" role="alert"><h1>${escape(title)}</h1><p>${escape(text.problem)}</p><p${lang === 'en' ? '' : ' lang="en"'}>${escape(problem.message)}</p></div>`
    : `<h1>${escape(title)}</h1><p>${escape(text.thanks)}</p>`;
  const link = back
    ? `<p><a href="${escape(back.href)}">${escape(text.back)}</a></p>`
    : site
      ? `<p><a href="${escape(site)}/">${escape(text.site.replace('{site}', new URL(site).host))}</a></p>`
      : '';
  return reply
    .code(problem ? problem.status : 200)
    .type('text/html; charset=utf-8')
    .header('Cache-Control', 'no-store')
    .send(
      `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escape(title)}</title><style>${style}</style></head><body><main>${body}${link}</main></body></html>`,
    );
}
