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

/** Every tag, as this framework types it. */
type Elements = { [Name in keyof DelibTags]: Tag<Name> };

declare module 'preact' {
  // eslint-disable-next-line @typescript-eslint/no-namespace -- Preact's JSX types live in this namespace
  namespace JSX {
    // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- every tag, from DelibTags
    interface IntrinsicElements extends Elements {}
  }
}

export type { DelibTags };
