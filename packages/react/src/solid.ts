/**
 * The plain `<delib-*>` tags in Solid's JSX: `import type {} from '@delib/react/solid'` once. Listen
 * with Solid's native listeners, `on:delib-submitted={…}`, each typed with its event class.
 */
import type { JSX } from 'solid-js';
import type { DelibTags, Over, WidgetEvents } from './attributes.js';

type Tag<Name extends keyof DelibTags> = Over<JSX.HTMLAttributes<DelibTags[Name]['element']>, DelibTags[Name]['attributes']>;

/** Every tag, as this framework types it. */
type Elements = { [Name in keyof DelibTags]: Tag<Name> };

declare module 'solid-js' {
  // eslint-disable-next-line @typescript-eslint/no-namespace -- Solid's JSX types live in this namespace
  namespace JSX {
    // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- every tag, from DelibTags
    interface IntrinsicElements extends Elements {}
    // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- Solid reads `on:` names from this interface
    interface CustomEvents extends WidgetEvents {}
  }
}

export type { DelibTags };
