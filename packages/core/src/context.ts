import { createContext } from '@lit/context';

/** What a `<delib-provider>` shares with the widgets inside it. */
export interface DelibConfig {
  endpoint?: string;
  headers?: Record<string, string>;
  credentials?: RequestCredentials;
  remember?: string;
}

/**
 * `Symbol.for` so that two copies of the bundle on one page (say `delib-poll.min.js` and
 * `delib.min.js`) still find each other's providers.
 */
export const delibConfigContext = createContext<DelibConfig>(Symbol.for('delib.config.v1'));
