/**
 * The plain `<delib-*>` tags in Preact's JSX (Preact 11): `import type {} from '@delib/react/preact'` once. Preact
 * takes a custom event's listener as `on` + its name: `ondelib-submitted={…}`.
 */
import type { HTMLAttributes } from 'preact';
import type { DelibTags, OnEventAttributes, Over } from './attributes.js';

type Tag<Name extends keyof DelibTags> = Over<
  HTMLAttributes<DelibTags[Name]['element']>,
  DelibTags[Name]['attributes'] & OnEventAttributes<DelibTags[Name]['events']>
>;

declare module 'preact' {
  // eslint-disable-next-line @typescript-eslint/no-namespace -- Preact's JSX types live in this namespace
  namespace JSX {
    interface IntrinsicElements {
      'delib-poll': Tag<'delib-poll'>;
      'delib-ranking': Tag<'delib-ranking'>;
      'delib-pairwise': Tag<'delib-pairwise'>;
      'delib-budget': Tag<'delib-budget'>;
      'delib-needs-assets': Tag<'delib-needs-assets'>;
      'delib-provider': Tag<'delib-provider'>;
    }
  }
}

export type { DelibTags };
