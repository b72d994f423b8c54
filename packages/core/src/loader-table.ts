/**
 * What the loader (`loader.ts`) loads, written by the build (rollup.config.js replaces this module with
 * the table of the files it made): every file's path relative to the loader, and for each tag the files
 * that define it, under `''`, and its language packs, under the language.
 */
export const files: string[] = [];
export const tags: Record<string, Record<string, number[]>> = {};
/** The files that deliver what an earlier page left in the outbox, on a page with no widget. */
export const deliver: number[] = [];
