/**
 * `launch()` starts the browser engine of this test process (`DELIB_ENGINE`: Chromium by default,
 * Firefox or WebKit), as a puppeteer Browser; see `engines.mjs`.
 */
export { chromiumArgs, engine, launch, unsupported } from './engines.mjs';
