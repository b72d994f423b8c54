/**
 * The delib blocks in WordPress's editor: a form in the block's settings sidebar (and, until the block
 * has what it needs, in the block itself) for its question, options and settings, and the widget itself
 * in the post as a live preview. The blocks are dynamic: a post saves only their attributes, which the
 * plugin's PHP turns into the element on each page view, so nothing an author types is saved as HTML.
 */
import { optionsText, parseOptions, plain, type Option } from './options.js';

const { createElement: el, Fragment, useState } = wp.element;
const { InspectorControls, useBlockProps } = wp.blockEditor;
const { PanelBody, TextControl, TextareaControl, ToggleControl, SelectControl, Placeholder } = wp.components;
const { __ } = wp.i18n;

type Attributes = Record<string, unknown> & { widgetId?: string; question?: string; options?: Option[] };
interface EditProps {
  attributes: Attributes;
  setAttributes(update: Attributes): void;
}

/** A setting of a block: its attribute, label, kind of control and, for a choice, its values. */
interface Setting {
  key: string;
  label: string;
  help?: string;
  kind: 'text' | 'number' | 'toggle' | 'select' | 'url';
  choices?: [string, string][];
  /** Shown only when this returns true (e.g. "most choices" only with "several answers"). */
  when?: (attributes: Attributes) => boolean;
}

const results: [string, string][] = [
  ['after-submit', __('After they answer', 'delib')],
  ['always', __('Always', 'delib')],
  ['after-close', __('Once it closes', 'delib')],
  ['never', __('Never (only the council sees them)', 'delib')],
];
const remember: [string, string][] = [
  ['', __('The site’s setting (this browser)', 'delib')],
  ['device', __('In this browser', 'delib')],
  ['session', __('Until the tab is closed', 'delib')],
  ['none', __('Not at all', 'delib')],
];
const shuffle: Setting = {
  key: 'shuffle',
  label: __('Show the options in a random order for each person', 'delib'),
  help: __('People pick the first options of a list more often; each person keeps their own order.', 'delib'),
  kind: 'toggle',
};

/** Each widget: its block name's end, whether it has options, and its own settings. */
const widgets: { kind: string; options: boolean; settings: Setting[] }[] = [
  {
    kind: 'poll',
    options: true,
    settings: [
      { key: 'multiple', label: __('Let people choose several answers', 'delib'), kind: 'toggle' },
      { key: 'maxChoices', label: __('Most answers one person may choose', 'delib'), kind: 'number', when: (a) => !!a.multiple },
      { key: 'allowOther', label: __('Add “Other”, with a box for their own answer', 'delib'), kind: 'toggle' },
      shuffle,
    ],
  },
  {
    kind: 'ranking',
    options: true,
    settings: [{ key: 'top', label: __('Rank only this many (leave empty to rank them all)', 'delib'), kind: 'number' }, shuffle],
  },
  {
    kind: 'pairwise',
    options: true,
    settings: [
      { key: 'votes', label: __('Pairs each person is asked (leave empty for the default)', 'delib'), kind: 'number' },
      { key: 'allowSuggestions', label: __('Let people suggest an idea of their own', 'delib'), kind: 'toggle' },
    ],
  },
  {
    kind: 'budget',
    options: true,
    settings: [
      { key: 'total', label: __('Budget to share out', 'delib'), kind: 'number' },
      {
        key: 'unit',
        label: __('Unit', 'delib'),
        help: __('“points”, a currency code such as GBP, or another word.', 'delib'),
        kind: 'text',
      },
      { key: 'step', label: __('Step of the − and + buttons', 'delib'), kind: 'number' },
      {
        key: 'mode',
        label: __('Show the budget as', 'delib'),
        kind: 'select',
        choices: [
          ['inputs', __('Amounts', 'delib')],
          ['dots', __('Dots', 'delib')],
        ],
      },
      { key: 'requireAll', label: __('Insist that the whole budget is shared out', 'delib'), kind: 'toggle' },
      shuffle,
    ],
  },
  {
    kind: 'needs-assets',
    options: false,
    settings: [
      {
        key: 'privacyUrl',
        label: __('Privacy notice (address)', 'delib'),
        help: __('Linked next to the question asking for contact details.', 'delib'),
        kind: 'url',
      },
    ],
  },
];

const common: Setting[] = [
  { key: 'results', label: __('Show the results', 'delib'), kind: 'select', choices: results },
  {
    key: 'closes',
    label: __('Closes at', 'delib'),
    help: __('Date and time, such as 2027-01-31T23:59:00Z; after it the question says it is closed.', 'delib'),
    kind: 'text',
  },
  {
    key: 'endpoint',
    label: __('Endpoint', 'delib'),
    help: __('Leave empty to use the one in Settings → delib.', 'delib'),
    kind: 'url',
  },
  { key: 'remember', label: __('Remember each person’s answer', 'delib'), kind: 'select', choices: remember },
];

function control(setting: Setting, attributes: Attributes, setAttributes: (update: Attributes) => void): unknown {
  const value = attributes[setting.key];
  const set = (next: unknown) => setAttributes({ [setting.key]: next });
  const base = { key: setting.key, label: setting.label, help: setting.help };
  switch (setting.kind) {
    case 'toggle':
      return el(ToggleControl, { ...base, checked: !!value, onChange: set });
    case 'select':
      return el(SelectControl, {
        ...base,
        value: (value as string) ?? '',
        options: setting.choices!.map(([choice, label]) => ({ value: choice, label })),
        onChange: set,
      });
    case 'number':
      return el(TextControl, {
        ...base,
        type: 'number',
        min: 0,
        value: value ?? '',
        onChange: (text: string) => set(text === '' ? undefined : Number(text)),
      });
    default:
      return el(TextControl, { ...base, type: setting.kind === 'url' ? 'url' : 'text', value: value ?? '', onChange: set });
  }
}

/** The fields a block cannot do without: the widget id, the question and the options. */
function essentials(
  kind: string,
  hasOptions: boolean,
  props: EditProps,
  text: string,
  setText: (text: string) => void,
): unknown[] {
  const { attributes, setAttributes } = props;
  const fields = [
    el(TextControl, {
      key: 'widgetId',
      label: __('Question id', 'delib'),
      help: __('Names this question at your endpoint, such as parks-2026. Do not change it once people have answered.', 'delib'),
      value: attributes.widgetId ?? '',
      onChange: (widgetId: string) => setAttributes({ widgetId: widgetId.trim().slice(0, 200) }),
    }),
  ];
  if (kind !== 'needs-assets') {
    fields.push(
      el(TextControl, {
        key: 'question',
        label: __('Question', 'delib'),
        value: plain(attributes.question ?? ''),
        onChange: (question: string) => setAttributes({ question }),
      }),
    );
  }
  if (hasOptions) {
    fields.push(
      el(TextareaControl, {
        key: 'options',
        label: __('Options, one a line', 'delib'),
        help: __(
          'Write each as people will read it. To choose the value sent, write it first: lighting | Better lighting.',
          'delib',
        ),
        value: text,
        onChange: (next: string) => {
          setText(next);
          setAttributes({ options: parseOptions(next) });
        },
      }),
    );
  }
  return fields;
}

/** The widget itself, as the page will show it; inert, so that nothing is sent from the editor. */
function preview(kind: string, attributes: Attributes, settings: Setting[]): unknown {
  const props: Record<string, unknown> = { key: attributes.widgetId, 'widget-id': attributes.widgetId };
  const named: Record<string, string> = {
    maxChoices: 'max-choices',
    allowOther: 'allow-other',
    allowSuggestions: 'allow-suggestions',
    requireAll: 'require-all',
    privacyUrl: 'privacy-url',
  };
  for (const setting of [...settings, ...common]) {
    const value = attributes[setting.key];
    const name = named[setting.key] ?? setting.key;
    if (setting.kind === 'toggle') props[name] = value ? '' : undefined;
    else if (value !== undefined && value !== '') props[name] = String(value);
  }
  if (attributes.question) props.question = plain(attributes.question).trim();
  props.endpoint = attributes.endpoint || window.delibEditor?.endpoint || undefined;
  const options = (attributes.options ?? []).map((option) =>
    el('option', { key: option.value, value: option.value }, plain(option.label)),
  );
  return el('div', { className: 'delib-block-preview', inert: '' }, el(`delib-${kind}`, props, ...options));
}

for (const { kind, options: hasOptions, settings } of widgets) {
  wp.blocks.registerBlockType(`delib/${kind}`, {
    edit(props: EditProps) {
      const { attributes, setAttributes } = props;
      const [text, setText] = useState(
        optionsText((attributes.options ?? []).map((option) => ({ ...option, label: plain(option.label) }))),
      );
      const ready = !!attributes.widgetId && (!hasOptions || (attributes.options ?? []).length > 0);
      const blockProps = useBlockProps();
      return el(
        Fragment,
        null,
        el(
          InspectorControls,
          null,
          el(
            PanelBody,
            { title: __('Question', 'delib'), initialOpen: true },
            ...essentials(kind, hasOptions, props, text, setText),
          ),
          el(
            PanelBody,
            { title: __('Settings', 'delib'), initialOpen: false },
            ...[...settings, ...common]
              .filter((setting) => !setting.when || setting.when(attributes))
              .map((setting) => control(setting, attributes, setAttributes)),
          ),
        ),
        el(
          'div',
          blockProps,
          ready
            ? preview(kind, attributes, settings)
            : el(
                Placeholder,
                {
                  label: __('delib', 'delib'),
                  instructions: __('Give the question an id and its options; the rest is in the block’s settings.', 'delib'),
                },
                ...essentials(kind, hasOptions, props, text, setText),
              ),
        ),
      );
    },
    // Dynamic: the page's markup is made on the server from the attributes.
    save: () => null,
  });
}
