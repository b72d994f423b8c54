/**
 * The plain `<delib-*>` tags in React 19's JSX: `import type {} from '@delib/react/jsx'` once (or list
 * it in tsconfig's `types`). React 19 sets a prop the element has as a property and any other as an
 * attribute, and takes a custom event's listener as `on` + its name: `ondelib-submitted={…}`.
 */
import type * as React from 'react';
import type { DelibTags, OnEventAttributes, Over } from './attributes.js';

type Tag<Name extends keyof DelibTags> = Over<
  React.DetailedHTMLProps<React.HTMLAttributes<DelibTags[Name]['element']>, DelibTags[Name]['element']>,
  DelibTags[Name]['attributes'] & OnEventAttributes<DelibTags[Name]['events']>
>;

/** Every tag, as this framework types it. */
type Elements = { [Name in keyof DelibTags]: Tag<Name> };

declare module 'react' {
  // eslint-disable-next-line @typescript-eslint/no-namespace -- React's JSX types live in this namespace
  namespace JSX {
    // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- every tag, from DelibTags
    interface IntrinsicElements extends Elements {}
  }
}

export type { DelibTags };
