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

declare module 'svelte/elements' {
  interface SvelteHTMLElements {
    'delib-poll': Tag<'delib-poll'>;
    'delib-ranking': Tag<'delib-ranking'>;
    'delib-pairwise': Tag<'delib-pairwise'>;
    'delib-budget': Tag<'delib-budget'>;
    'delib-needs-assets': Tag<'delib-needs-assets'>;
    'delib-provider': Tag<'delib-provider'>;
  }
}

export type { DelibTags };
