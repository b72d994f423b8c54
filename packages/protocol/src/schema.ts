import { limits, uuidPattern, widgetIdPattern } from './limits.js';

/**
 * JSON Schema (draft-07, as Ajv and Fastify use by default) for the envelope of `POST /responses`.
 *
 * It checks shape, types and bounds. Rules that JSON Schema cannot say (a pairwise winner must be one
 * of the pair) are checked by `answerProblem` in `validate.ts`, which endpoints run after the schema.
 */

const value = { type: 'string', minLength: 1, maxLength: limits.valueLength } as const;
const text = { type: 'string', minLength: 1, maxLength: limits.textLength } as const;
const values = { type: 'array', items: value, minItems: 1, maxItems: limits.items, uniqueItems: true } as const;

const entries = {
  type: 'array',
  maxItems: limits.items,
  items: {
    type: 'object',
    additionalProperties: false,
    required: ['category'],
    properties: { category: value, detail: text },
  },
} as const;

export const answerSchemas = {
  poll: {
    type: 'object',
    additionalProperties: false,
    required: ['choices'],
    properties: { choices: values, other: text },
  },
  ranking: {
    type: 'object',
    additionalProperties: false,
    required: ['order'],
    properties: { order: values },
  },
  pairwise: {
    oneOf: [
      {
        type: 'object',
        additionalProperties: false,
        required: ['pair', 'winner'],
        properties: {
          pair: { type: 'array', items: value, minItems: 2, maxItems: 2, uniqueItems: true },
          winner: { anyOf: [value, { type: 'null' }] },
        },
      },
      {
        type: 'object',
        additionalProperties: false,
        required: ['suggestion'],
        properties: { suggestion: text },
      },
    ],
  },
  budget: {
    type: 'object',
    additionalProperties: false,
    required: ['allocation'],
    properties: {
      allocation: {
        type: 'object',
        minProperties: 1,
        maxProperties: limits.items,
        propertyNames: { minLength: 1, maxLength: limits.valueLength },
        additionalProperties: { type: 'integer', minimum: 0, maximum: 1_000_000_000 },
      },
    },
  },
  'needs-assets': {
    type: 'object',
    additionalProperties: false,
    required: ['needs', 'assets'],
    properties: {
      needs: entries,
      assets: entries,
      area: text,
      contact: {
        type: 'object',
        additionalProperties: false,
        required: ['name'],
        anyOf: [{ required: ['email'] }, { required: ['phone'] }],
        properties: {
          name: { type: 'string', minLength: 1, maxLength: limits.nameLength },
          email: { type: 'string', minLength: 3, maxLength: limits.emailLength, pattern: '^[^\\s@]+@[^\\s@]+\\.[^\\s@]+$' },
          phone: { type: 'string', minLength: 5, maxLength: limits.phoneLength, pattern: '^\\+?[0-9 ()-]+$' },
        },
      },
    },
  },
} as const;

const widgets = Object.keys(answerSchemas) as (keyof typeof answerSchemas)[];

export const envelopeSchema = {
  $id: 'https://delib.dev/schema/v1/envelope.json',
  $schema: 'http://json-schema.org/draft-07/schema#',
  title: 'delib response envelope, protocol version 1',
  type: 'object',
  additionalProperties: false,
  required: ['id', 'widget', 'widgetId', 'submittedAt', 'locale', 'page', 'answer'],
  properties: {
    id: { type: 'string', pattern: uuidPattern },
    widget: { enum: widgets },
    widgetId: { type: 'string', minLength: 1, maxLength: limits.widgetIdLength, pattern: widgetIdPattern },
    submittedAt: { type: 'string', format: 'date-time', maxLength: 40 },
    locale: { type: 'string', minLength: 2, maxLength: limits.localeLength, pattern: '^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$' },
    page: { type: 'string', maxLength: limits.pageLength },
    answer: { type: 'object' },
  },
  allOf: widgets.map((widget) => ({
    if: { properties: { widget: { const: widget } }, required: ['widget'] },
    then: { properties: { answer: answerSchemas[widget] } },
  })),
} as const;
