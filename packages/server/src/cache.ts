/**
 * A least-recently-used map bounded by the bytes it holds rather than by entries, so that what clients
 * choose to put in it (widget ids, long values) cannot make it outgrow its share of memory. Sizes are
 * counted as UTF-16 (two bytes a character) plus a fixed overhead per entry.
 */
export class ByteBoundedCache {
  #entries = new Map<string, { value: string; tag: string; bytes: number }>();
  #bytes = 0;

  constructor(readonly maxBytes: number) {}

  get bytes(): number {
    return this.#bytes;
  }

  /** The value kept under `key` with this `tag` (a version), or undefined. */
  get(key: string, tag: string): string | undefined {
    const entry = this.#entries.get(key);
    if (!entry || entry.tag !== tag) return undefined;
    // Most recently used last, so the oldest is the first to go.
    this.#entries.delete(key);
    this.#entries.set(key, entry);
    return entry.value;
  }

  set(key: string, tag: string, value: string): void {
    this.delete(key);
    const bytes = 2 * (key.length + tag.length + value.length) + 128;
    if (bytes > this.maxBytes) return;
    this.#entries.set(key, { value, tag, bytes });
    this.#bytes += bytes;
    for (const [oldest, entry] of this.#entries) {
      if (this.#bytes <= this.maxBytes) break;
      this.#entries.delete(oldest);
      this.#bytes -= entry.bytes;
    }
  }

  delete(key: string): void {
    const entry = this.#entries.get(key);
    if (!entry) return;
    this.#entries.delete(key);
    this.#bytes -= entry.bytes;
  }
}
