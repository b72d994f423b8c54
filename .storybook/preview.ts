import type { Decorator, Preview, WebComponentsRenderer } from '@storybook/web-components-vite';
import type { ArgTypesEnhancer } from 'storybook/internal/types';
import { setCustomElementsManifest } from '@storybook/web-components-vite';
import defaultTheme from '../packages/core/themes/default.css?raw';
import govukTheme from '../packages/core/themes/govuk.css?raw';
import darkTheme from '../packages/core/themes/dark.css?raw';
import highContrastTheme from '../packages/core/themes/high-contrast.css?raw';
// The build appends these shared rules to every theme file; so does this preview.
import upgradeRules from '../packages/core/themes/partials/upgrade.css?raw';
import { installMockEndpoint, resetMockResponses } from './mock-endpoint.js';

// custom-elements.json is written by `npm run build`. Without it Storybook still runs, with no
// API tables: hence a glob, which finds nothing rather than failing.
const manifests = import.meta.glob('../custom-elements.json', { eager: true, import: 'default' });
const manifest = Object.values(manifests)[0] as Manifest | undefined;
if (manifest) setCustomElementsManifest(publicApi(manifest));

interface Member {
  name: string;
  kind?: string;
  privacy?: string;
  static?: boolean;
}
interface Manifest {
  modules: {
    declarations?: { members?: Member[]; attributes?: { name: string; fieldName?: string }[]; cssParts?: { name: string }[] }[];
  }[];
}

/**
 * Storybook's API table lists every member the analyser found; readers want the public API only:
 * no `#private`, protected or static members, and no attributes that reflect one of those. Parts are
 * listed as `::part(name)`: the table is keyed by name, and a part called `question` or `results`
 * would otherwise hide the attribute of the same name.
 */
function publicApi(manifest: Manifest): Manifest {
  const isPublic = (member: Member) =>
    !member.static && !member.name.startsWith('#') && (member.privacy ?? 'public') === 'public';
  return {
    ...manifest,
    modules: manifest.modules.map((module) => ({
      ...module,
      declarations: module.declarations?.map((declaration) => ({
        ...declaration,
        members: declaration.members?.filter(isPublic),
        attributes: declaration.attributes?.filter((attribute) => {
          const member = declaration.members?.find((candidate) => candidate.name === attribute.fieldName);
          return !member || isPublic(member);
        }),
        cssParts: declaration.cssParts?.map((part) => ({ ...part, name: `::part(${part.name})` })),
      })),
    })),
  };
}

installMockEndpoint();

/** The theme files exactly as pages include them: one `<style>` in the head, tokens on `:root`. */
const themes: Record<string, string> = {
  none: '',
  default: `${defaultTheme}\n${upgradeRules}`,
  govuk: `${govukTheme}\n${upgradeRules}`,
  dark: `${darkTheme}\n${upgradeRules}`,
  'high-contrast': `${highContrastTheme}\n${upgradeRules}`,
};

const withTheme: Decorator = (story, context) => {
  const name = String(context.globals.theme ?? 'none');
  let style = document.head.querySelector<HTMLStyleElement>('style[data-delib-theme]');
  if (!style) {
    style = document.createElement('style');
    style.dataset.delibTheme = '';
    document.head.append(style);
  }
  if (style.dataset.delibTheme !== name) {
    style.dataset.delibTheme = name;
    style.textContent = themes[name] ?? '';
  }
  // The page around the widget takes the theme's colours too, as a page using that theme would.
  document.body.style.background = name === 'none' ? '' : 'var(--delib-color-background)';
  document.body.style.color = name === 'none' ? '' : 'var(--delib-color-text)';
  return story();
};

/** delib's keys in localStorage: the outbox and the remembered answers. */
const delibKeys = /^delib:(outbox|answer):v1:/;

/**
 * Each story starts as a first visit: no remembered answers, nothing waiting in the outbox, no
 * responses sent to the mock endpoint. Stories that need a returning voter seed storage in their own
 * `beforeEach`, which runs after this one.
 */
function freshVisit(): void {
  for (const key of Object.keys(localStorage)) if (delibKeys.test(key)) localStorage.removeItem(key);
  resetMockResponses();
}

/**
 * Controls where they make sense: every `--delib-*` token gets one (a colour picker for colours),
 * set on the story's wrapper; events, parts and slots are documentation only.
 */
const controlsFromManifest: ArgTypesEnhancer<WebComponentsRenderer> = ({ argTypes }) =>
  Object.fromEntries(
    Object.entries(argTypes).map(([name, argType]) => {
      const category = argType.table?.category;
      if (category === 'events' || category === 'css shadow parts' || category === 'slots')
        return [name, { ...argType, control: false }];
      if (name.startsWith('--delib-') && !argType.control) {
        return [name, { ...argType, control: { type: /color/.test(name) ? 'color' : 'text' } }];
      }
      return [name, argType];
    }),
  );

const preview: Preview = {
  globalTypes: {
    theme: {
      description: 'delib theme file included on the page',
      toolbar: {
        title: 'Theme',
        icon: 'paintbrush',
        items: [
          { value: 'none', title: 'No theme (built-in defaults)' },
          { value: 'default', title: 'default.css' },
          { value: 'govuk', title: 'govuk.css' },
          { value: 'dark', title: 'dark.css' },
          { value: 'high-contrast', title: 'high-contrast.css' },
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { theme: 'none' },
  decorators: [withTheme],
  argTypesEnhancers: [controlsFromManifest],
  beforeEach: freshVisit,
  parameters: {
    layout: 'padded',
    controls: { expanded: true, sort: 'none' },
  },
};

export default preview;
