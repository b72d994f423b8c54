import type { StorybookConfig } from '@storybook/web-components-vite';
import { defaultClientConditions, mergeConfig } from 'vite';

// Storybook must never phone home, even when someone runs it without the environment variable.
process.env.STORYBOOK_DISABLE_TELEMETRY = '1';

const config: StorybookConfig = {
  // The introduction (an MDX page) first, so that Storybook opens on it; then each widget's stories.
  stories: ['../stories/**/*.mdx', '../stories/**/*.stories.ts'],
  framework: { name: '@storybook/web-components-vite', options: {} },
  // Docs pages from custom-elements.json: attributes, events, parts and tokens beside the stories.
  addons: ['@storybook/addon-docs'],
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  async viteFinal(viteConfig) {
    return mergeConfig(viteConfig, {
      resolve: {
        // The workspace packages export their TypeScript under `source`: stories need no prebuild.
        conditions: ['source', ...defaultClientConditions],
      },
      optimizeDeps: {
        // Without it Vite pre-bundles a second copy of this Lit module ("Multiple versions of Lit loaded").
        include: ['lit/directive-helpers.js'],
      },
    });
  },
};

export default config;
