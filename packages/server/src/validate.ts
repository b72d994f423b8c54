import { Ajv, type ErrorObject } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { answerProblem, envelopeSchema, type Envelope, type ErrorBody } from '@delib/protocol';

// ajv-formats is CommonJS: its default export arrives wrapped under some loaders.
const addFormats = ((addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ??
  addFormatsModule) as typeof addFormatsModule;

/** Thrown for anything a client sent wrong: becomes a 4xx with the contract's error body. */
export class ClientError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }

  get body(): ErrorBody {
    return { error: { code: this.code, message: this.message, ...(this.field ? { field: this.field } : {}) } };
  }
}

const ajv = addFormats(new Ajv({ allErrors: false, strict: true, strictRequired: false, strictTypes: false }));
const check = ajv.compile<Envelope>(envelopeSchema);

/** `/answer/choices/0` → `answer.choices.0`; a missing or unknown property is named in full. */
function fieldOf(error: ErrorObject): string {
  const path = error.instancePath.split('/').filter(Boolean);
  if (error.keyword === 'required') path.push(String(error.params.missingProperty));
  if (error.keyword === 'additionalProperties') path.push(String(error.params.additionalProperty));
  return path.map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~')).join('.');
}

function describe(error: ErrorObject, field: string): string {
  const where = field || 'the body';
  switch (error.keyword) {
    case 'required':
      return `${where} is missing.`;
    case 'additionalProperties':
      return `${where} is not a field of protocol version 1.`;
    case 'type':
      return `${where} must be ${error.params.type === 'integer' ? 'a whole number' : `of type ${error.params.type}`}.`;
    case 'format':
      return `${where} must be a ${error.params.format}.`;
    case 'pattern':
      return field === 'id' ? 'id must be a UUID.' : `${where} has characters or a form that is not allowed.`;
    default:
      return `${where} ${error.message ?? 'is not valid'}.`;
  }
}

/**
 * The most useful single problem among Ajv's: for a union (a pairwise answer is one of two shapes),
 * Ajv reports the union's failure last; the first error points at the field to fix.
 */
function firstProblem(errors: ErrorObject[]): ErrorObject {
  return errors.find((error) => !['oneOf', 'anyOf', 'if'].includes(error.keyword)) ?? errors[0];
}

/**
 * The first string in `value` that no database can keep as it is: one holding U+0000 (PostgreSQL
 * refuses it) or half of a surrogate pair (not text at all). Returns its field path.
 */
function unstorableString(value: unknown, path: string[] = []): string | undefined {
  if (typeof value === 'string') return value.includes('\u0000') || !value.isWellFormed() ? path.join('.') : undefined;
  if (value && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) {
      const found = unstorableString(key, [...path, key]) ?? unstorableString(inner, [...path, key]);
      if (found !== undefined) return found;
    }
  }
  return undefined;
}

/** The envelope, checked against protocol version 1; throws a `ClientError` naming the field. */
export function validateEnvelope(body: unknown): Envelope {
  if (!check(body)) {
    const error = firstProblem(check.errors ?? []);
    const field = fieldOf(error);
    throw new ClientError(
      400,
      error.keyword === 'additionalProperties' ? 'unknown_field' : 'invalid',
      describe(error, field),
      field || undefined,
    );
  }
  const unstorable = unstorableString(body);
  if (unstorable !== undefined) {
    throw new ClientError(
      400,
      'invalid',
      `${unstorable || 'the body'} holds a character that is not text (U+0000 or half a surrogate pair).`,
      unstorable || undefined,
    );
  }
  const problem = answerProblem(body);
  if (problem) throw new ClientError(400, 'invalid', problem.message, problem.field);
  // Ids are compared case-insensitively; lower case is canonical (CONTRACT.md section 4).
  body.id = body.id.toLowerCase();
  return body;
}
