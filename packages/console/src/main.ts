/** The console's entry point (`console.min.js`): registers its elements once, however often it loads. */
import { ConsoleAccounts, ConsoleAudit } from './accounts.js';
import { DelibConsole } from './console.js';
import { ConsoleModeration } from './moderation.js';
import { ConsoleSignIn } from './sign-in.js';
import { ConsoleSnippetBuilder } from './snippet-builder.js';
import { ConsoleErase, ConsoleWidget } from './widget.js';
import { ConsoleWidgets } from './widgets.js';

const elements: [string, CustomElementConstructor][] = [
  ['delib-console', DelibConsole],
  ['console-sign-in', ConsoleSignIn],
  ['console-widgets', ConsoleWidgets],
  ['console-widget', ConsoleWidget],
  ['console-erase', ConsoleErase],
  ['console-moderation', ConsoleModeration],
  ['console-snippet-builder', ConsoleSnippetBuilder],
  ['console-accounts', ConsoleAccounts],
  ['console-audit', ConsoleAudit],
];
for (const [name, constructor] of elements) if (!customElements.get(name)) customElements.define(name, constructor);

declare global {
  interface HTMLElementTagNameMap {
    'delib-console': DelibConsole;
    'console-sign-in': ConsoleSignIn;
    'console-widgets': ConsoleWidgets;
    'console-widget': ConsoleWidget;
    'console-erase': ConsoleErase;
    'console-moderation': ConsoleModeration;
    'console-snippet-builder': ConsoleSnippetBuilder;
    'console-accounts': ConsoleAccounts;
    'console-audit': ConsoleAudit;
  }
}
