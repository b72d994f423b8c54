/**
 * The plain `<delib-*>` tags in Vue 3's templates and TSX: `import type {} from '@delib/react/vue'` once
 * (and tell Vue they are custom elements: `compilerOptions.isCustomElement: (tag) => tag.startsWith('delib-')`).
 * Listen with `@delib-submitted="…"`, typed with its event class.
 */
import type { DefineComponent } from 'vue';
import type { DelibTags, WidgetEvents } from './attributes.js';

/** `@delib-submitted` is the prop `onDelibSubmitted` to Vue's type checker. */
type VueListeners<Events> = {
  [Name in keyof Events & string as `on${Capitalize<CamelCase<Name>>}`]?: (event: Events[Name]) => void;
};
type CamelCase<Name extends string> = Name extends `${infer Head}-${infer Tail}` ? `${Head}${Capitalize<CamelCase<Tail>>}` : Name;

type Tag<Name extends keyof DelibTags> = DefineComponent<DelibTags[Name]['attributes'] & VueListeners<DelibTags[Name]['events']>>;

/** Every tag, as this framework types it. */
type Elements = { [Name in keyof DelibTags]: Tag<Name> };

declare module 'vue' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- every tag, from DelibTags
  interface GlobalComponents extends Elements {}
}

export type { DelibTags, WidgetEvents };
