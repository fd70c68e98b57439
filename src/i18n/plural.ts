/**
 * Counted strings (`counted`, with its types), as the translations import them.
 * Defined in localize.ts, so that they ride in the entry rather than in a chunk
 * of their own that each translation would wait for (see there).
 */
export { counted, type Counted, type PluralForms } from './localize.js';
