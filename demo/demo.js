/**
 * Demo controls, for the demo pages only: a switch for the demo endpoint's simulated outage
 * (to show the widgets' offline queue) and a log of the events the widgets fire. A real page needs
 * none of this; it lives in a file rather than inline so the pages work under a strict CSP.
 */

const endpoint = (
  document.querySelector('meta[name="delib-endpoint"]')?.content ??
  document.querySelector('delib-provider[endpoint]')?.getAttribute('endpoint') ??
  '/api'
).replace(/\/+$/, '');

const button = document.querySelector('[data-demo-outage]');
const status = document.querySelector('[data-demo-outage-status]');
const log = document.querySelector('[data-demo-log]');

const messages = {
  up: 'The endpoint is answering normally.',
  down: 'Outage on: the endpoint answers 503 to every vote. Votes are kept in this browser and sent once the outage ends.',
  unavailable: 'The demo controls work only with the endpoint that npm start runs.',
};

/** `announce`: the live region speaks only when the person changed something, not on page load. */
function show(down, announce) {
  button.setAttribute('aria-pressed', String(down));
  button.textContent = down ? 'End the simulated outage' : 'Simulate an endpoint outage';
  if (announce) status.textContent = down ? messages.down : messages.up;
}

async function outage(down) {
  const response = await fetch(`${endpoint}/_outage`, {
    method: down === undefined ? 'GET' : 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: down === undefined ? undefined : JSON.stringify({ down }),
  });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return (await response.json()).down;
}

if (button && status) {
  outage()
    .then((down) => {
      show(down, false);
      button.disabled = false;
    })
    .catch(() => {
      status.textContent = messages.unavailable;
    });
  button.addEventListener('click', async () => {
    button.disabled = true;
    try {
      show(await outage(button.getAttribute('aria-pressed') !== 'true'), true);
    } catch {
      status.textContent = messages.unavailable;
    } finally {
      button.disabled = false;
      button.focus();
    }
  });
}

const described = {
  'delib-submit': 'sending',
  'delib-submitted': 'acknowledged by the endpoint',
  'delib-queued': 'kept in the outbox, will be retried',
  'delib-error': 'refused by the endpoint',
};

if (log) {
  for (const [type, meaning] of Object.entries(described)) {
    document.addEventListener(type, (event) => {
      const item = document.createElement('li');
      const time = new Date().toLocaleTimeString('en-GB');
      const widget = event.detail?.envelope?.widgetId ?? event.target.getAttribute('widget-id');
      // Only what the demo needs to explain the flow: never the answer itself.
      item.textContent = `${time} ${type} (${widget}): ${meaning}`;
      log.append(item);
    });
  }
}
