import { isRecord } from './fetch.js';
import { storage } from './outbox.js';

/**
 * What a widget keeps for this tab only (sessionStorage, as JSON under a key of its own): the
 * needs-and-assets draft, a pairwise run's progress. Storage blocked, full or damaged is never an error:
 * the person keeps what is on the page, and a reload starts afresh, which is all it costs.
 */
export const tabMemory = {
  /** What was kept under `key`, or `{}`. Anything may be there (another version, another script): check each field. */
  read<T extends object>(key: string): Partial<T> {
    try {
      const value: unknown = JSON.parse(storage('sessionStorage')?.getItem(key) ?? '{}');
      return isRecord(value) ? (value as Partial<T>) : {};
    } catch {
      return {};
    }
  },
  keep(key: string, value: unknown): void {
    try {
      storage('sessionStorage')?.setItem(key, JSON.stringify(value));
    } catch {
      // Full or blocked: only a reload would lose it.
    }
  },
  forget(key: string): void {
    try {
      storage('sessionStorage')?.removeItem(key);
    } catch {
      // Blocked: there is nothing to forget.
    }
  },
};
