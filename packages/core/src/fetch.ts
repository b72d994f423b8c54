/** Bounds on what a widget reads from an endpoint: a results or items body is never this large. */
export const readLimits = {
  /** Largest body read, in bytes: beyond it the read fails rather than filling the page's memory. */
  maxBytes: 512 * 1024,
  /** A read still unanswered after this fails (the widget offers to try again). */
  timeoutMs: 15_000,
};

/**
 * GETs `url` and parses its JSON body, reading at most `maxBytes` (however the body is sent, with or
 * without a Content-Length), within `timeoutMs`. Resolves `undefined` for a 404 (nothing there) and
 * rejects for any other failure: another status, a network error, a body too large or not JSON.
 */
export async function readJson(
  url: string,
  credentials: RequestCredentials = 'omit',
  maxBytes = readLimits.maxBytes,
): Promise<unknown> {
  const response = await fetch(url, {
    credentials,
    headers: { Accept: 'application/json' },
    // Older Safari has no AbortSignal.timeout: better no time limit than no request.
    signal: AbortSignal.timeout?.(readLimits.timeoutMs),
  });
  // Counted as it arrives, with or without a Content-Length: a body beyond the bound is never held whole.
  // Read to its end whatever the status: a body cancelled midway shows as a failed request in the browser.
  const reader = response.body?.getReader();
  const decoder = new TextDecoder();
  let text = '';
  let size = 0;
  for (let chunk; reader && !(chunk = await reader.read()).done;) {
    if ((size += chunk.value.length) > maxBytes) {
      await reader.cancel();
      throw new Error('too large');
    }
    text += decoder.decode(chunk.value, { stream: true });
  }
  if (response.status === 404) return undefined;
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return JSON.parse(text + decoder.decode());
}

export const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
