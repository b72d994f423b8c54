/**
 * The plain `<delib-*>` tags in Solid's JSX: `import type {} from '@delib/react/solid'` once. Listen
 * with Solid's native listeners, `on:delib-submitted={…}`, each typed with its event class.
 */
import type { JSX } from 'solid-js';
import type { DelibTags, Over, WidgetEvents } from './attributes.js';

type Tag<Name extends keyof DelibTags> = Over<JSX.HTMLAttributes<DelibTags[Name]['element']>, DelibTags[Name]['attributes']>;

declare module 'solid-js' {
  // eslint-disable-next-line @typescript-eslint/no-namespace -- Solid's JSX types live in this namespace
  namespace JSX {
    interface IntrinsicElements {
      'delib-poll': Tag<'delib-poll'>;
      'delib-ranking': Tag<'delib-ranking'>;
      'delib-pairwise': Tag<'delib-pairwise'>;
      'delib-budget': Tag<'delib-budget'>;
      'delib-needs-assets': Tag<'delib-needs-assets'>;
      'delib-provider': Tag<'delib-provider'>;
    }
    // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- Solid reads `on:` names from this interface
    interface CustomEvents extends WidgetEvents {}
  }
}

export type { DelibTags };
