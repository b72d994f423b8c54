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
  if (response.status === 404 || !response.ok) {
    await response.body?.cancel();
    if (response.status === 404) return undefined;
    throw new Error(`HTTP ${response.status}`);
  }
  if (Number(response.headers.get('Content-Length')) > maxBytes) {
    await response.body?.cancel();
    throw new Error('too large');
  }
  const reader = response.body?.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const chunk = await reader?.read();
    if (!chunk || chunk.done) break;
    size += chunk.value.length;
    if (size > maxBytes) {
      await reader!.cancel();
      throw new Error('too large');
    }
    chunks.push(chunk.value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) bytes.set(chunk, (offset += chunk.length) - chunk.length);
  return JSON.parse(new TextDecoder().decode(bytes));
}

export const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
