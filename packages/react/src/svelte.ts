/**
 * The plain `<delib-*>` tags in Svelte 5's markup: `import type {} from '@delib/react/svelte'` once (in a
 * `.d.ts` of the app, say). Svelte 5 takes a custom event's listener as `on` + its name:
 * `ondelib-submitted={…}`.
 */
import type { HTMLAttributes } from 'svelte/elements';
import type { DelibTags, OnEventAttributes, Over } from './attributes.js';

type Tag<Name extends keyof DelibTags> = Over<
  HTMLAttributes<DelibTags[Name]['element']>,
  DelibTags[Name]['attributes'] & OnEventAttributes<DelibTags[Name]['events']>
>;

/** Every tag, as this framework types it. */
type Elements = { [Name in keyof DelibTags]: Tag<Name> };

declare module 'svelte/elements' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- every tag, from DelibTags
  interface SvelteHTMLElements extends Elements {}
}

export type { DelibTags };
