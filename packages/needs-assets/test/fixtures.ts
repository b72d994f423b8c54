/**
 * What the needs-and-assets tests share: making the element (optionally inside a language or a form),
 * an endpoint that answers as a needs-assets endpoint would, and moving through the steps the way a
 * person with a mouse would. The keyboard tests press real keys instead.
 */
import { expect, fixture } from '@open-wc/testing';
import type { NeedsAssetsAnswer } from '@delib/protocol';
import type { DelibNeedsAssets } from '../src/needs-assets.js';
import '../src/define.js';
import { byLabel, json, shadow, shadowAll, type Call } from '../../../test/helpers.js';

export type { DelibNeedsAssets };
export type Envelope = {
  id: string;
  widget: string;
  widgetId: string;
  submittedAt: string;
  locale: string;
  page: string;
  answer: NeedsAssetsAnswer;
};

export const apiBase = 'https://api.test/api';
export const newId = () => `na-${Math.random().toString(36).slice(2)}`;

type Reply = Response | Promise<Response> | 'network-error' | 'hang';

/**
 * Answers a needs-assets endpoint's two routes: POSTs (acknowledged unless `post` says otherwise)
 * and results, for whatever widget id is asked.
 */
export const needsEndpoint =
  (
    options: {
      needs?: Record<string, number>;
      assets?: Record<string, number>;
      total?: number;
      post?: (call: Call) => Reply;
      results?: (call: Call) => Reply | undefined;
    } = {},
  ) =>
  (call: Call): Reply | undefined => {
    if (call.method === 'POST') {
      return options.post ? options.post(call) : json(201, { id: (call.body as Envelope).id, accepted: true });
    }
    const widgetId = decodeURIComponent(call.url.split('/results/')[1]?.split('?')[0] ?? '');
    if (!widgetId) return undefined;
    if (options.results) return options.results(call);
    const { needs = {}, assets = {}, total = 0 } = options;
    return json(200, { widget: 'needs-assets', widgetId, total, needs, assets });
  };

/**
 * A `<delib-needs-assets>` on the page, with a privacy link. `inner` is its light DOM (the page's
 * `<optgroup>`s); `lang` is put on a wrapping element, as a council's Welsh page would.
 */
export async function make(
  options: { attributes?: string; inner?: string; lang?: string; widgetId?: string; privacy?: boolean } = {},
): Promise<DelibNeedsAssets> {
  const { attributes = '', inner = '', lang, widgetId = newId(), privacy = true } = options;
  const wrapper = document.createElement('div');
  if (lang) wrapper.lang = lang;
  wrapper.innerHTML = `<delib-needs-assets widget-id="${widgetId}" endpoint="${apiBase}" ${
    privacy ? 'privacy-url="/privacy"' : ''
  } ${attributes}>${inner}</delib-needs-assets>`;
  const parent = await fixture<HTMLDivElement>(wrapper);
  const element = parent.querySelector('delib-needs-assets')!;
  await element.updateComplete;
  return element;
}

/** Text with white space folded, as a screen reader would read it out. */
export const text = (element: Element | null | undefined) => (element?.textContent ?? '').replace(/\s+/g, ' ').trim();

/**
 * An element in a few words, for failure messages. Assertions here never carry an element itself:
 * the runner hangs serialising a failed assertion whose actual or expected value is a DOM node.
 */
export const describeNode = (node: Element | null | undefined) =>
  node ? `<${node.localName}${node.id ? `#${node.id}` : ''}> "${text(node).slice(0, 60)}"` : 'nothing';

/** Focus (inside the widget's shadow root) is on `target`. */
export function expectFocus(element: DelibNeedsAssets, target: Element | null | undefined, message = 'focus') {
  const actual = focused(element);
  expect(!!target && actual === target, `${message}: on ${describeNode(actual)}, expected ${describeNode(target)}`).to.be.true;
}

/** There is no such element. */
export function expectNone(node: Element | null | undefined, message = 'no such element') {
  expect(node == null, `${message}: found ${describeNode(node)}`).to.be.true;
}

export const headingText = (element: DelibNeedsAssets) => text(shadow(element, '#heading'));
export const focused = (element: DelibNeedsAssets) => element.shadowRoot!.activeElement;
export const summary = (element: DelibNeedsAssets) => shadow(element, '[part="error-summary"]');
export const summaryLinks = (element: DelibNeedsAssets) => shadowAll<HTMLAnchorElement>(element, '[part="error-summary"] a');
export const checkboxLabels = (element: DelibNeedsAssets) => shadowAll(element, 'label.choice').map((label) => text(label));

/** Continue, in whatever language. */
export async function next(element: DelibNeedsAssets): Promise<void> {
  shadow<HTMLButtonElement>(element, '[part="continue"]')!.click();
  await element.updateComplete;
}

export async function back(element: DelibNeedsAssets): Promise<void> {
  shadow<HTMLButtonElement>(element, '[part="back"]')!.click();
  await element.updateComplete;
}

export async function tick(element: DelibNeedsAssets, label: string): Promise<void> {
  byLabel(element, label).click();
  await element.updateComplete;
}

/** Types into a field as a paste would: one input event for the whole text. */
export async function fill(field: HTMLInputElement | HTMLTextAreaElement, value: string, element: DelibNeedsAssets) {
  field.value = value;
  field.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  await element.updateComplete;
}

export async function type(element: DelibNeedsAssets, label: string, value: string): Promise<void> {
  await fill(byLabel<HTMLInputElement>(element, label), value, element);
}

/** The option block (checkbox, hint, revealed box) of the category labelled `label`. */
export const option = (element: DelibNeedsAssets, label: string) => {
  const found = shadowAll(element, '[part="option"]').find((block) => text(block.querySelector('label.choice')) === label);
  if (!found) throw new Error(`no option "${label}"`);
  return found;
};

/** The "tell us more" box revealed under the ticked category labelled `label`. */
export const detailBox = (element: DelibNeedsAssets, label: string) =>
  option(element, label).querySelector<HTMLTextAreaElement>('textarea');

export async function explain(element: DelibNeedsAssets, label: string, value: string): Promise<void> {
  const box = detailBox(element, label);
  if (!box) throw new Error(`no box under "${label}": is it ticked?`);
  await fill(box, value, element);
}

export interface Plan {
  /** Category labels to tick, or 'none' for "Nothing at the moment". */
  needs?: string[] | 'none';
  assets?: string[] | 'none';
  /** What to write under a ticked category, by its label. */
  details?: Record<string, string>;
  area?: string;
  contact?: { name?: string; email?: string; phone?: string };
}

/**
 * Ticks and types steps `from` to `to` (1 to 4: needs, assets, area, contact), pressing Continue
 * after each. Unless told otherwise it ticks Food and Time, and gives no area and no contact.
 */
export async function fillIn(element: DelibNeedsAssets, plan: Plan, to = 4, from = 1): Promise<void> {
  for (let step = from; step <= to; step++) {
    if (step <= 2) {
      const labels = (step === 1 ? plan.needs : plan.assets) ?? [step === 1 ? 'Food' : 'Time'];
      if (labels === 'none') await tick(element, 'Nothing at the moment');
      else {
        for (const label of labels) {
          await tick(element, label);
          const detail = plan.details?.[label];
          if (detail !== undefined) await explain(element, label, detail);
        }
      }
    } else if (step === 3) {
      if (plan.area !== undefined) await type(element, 'Neighbourhood, street or postcode (optional)', plan.area);
    } else if (plan.contact) {
      await tick(element, 'Yes, you can contact me about this');
      if (plan.contact.name !== undefined) await type(element, 'Your name', plan.contact.name);
      if (plan.contact.email !== undefined) await type(element, 'Email address', plan.contact.email);
      if (plan.contact.phone !== undefined) await type(element, 'Phone number', plan.contact.phone);
    }
    await next(element);
  }
}

export async function send(element: DelibNeedsAssets): Promise<void> {
  shadow<HTMLButtonElement>(element, '[part="submit"]')!.click();
  await element.updateComplete;
}

/** The draft this tab keeps for the element, parsed, or null. */
export const draftOf = (element: DelibNeedsAssets) => {
  const stored = sessionStorage.getItem(`delib:draft:v1:delib-needs-assets:${element.widgetId}`);
  return stored === null ? null : JSON.parse(stored);
};

export const wait = (milliseconds: number) => new Promise((resolve) => setTimeout(resolve, milliseconds));
