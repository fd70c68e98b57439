/**
 * The source language's strings (en-US): the first step's ship in the entry,
 * the rest come with the first lazy chunk. Apart from localize.ts so that the
 * locale catalog can fall back to them without importing the controller.
 */
import type { Translation } from './en-US.js';
import { enUSFirstStep } from './en-US-first-step.js';
import { loadOnce } from '../load-once.js';

export const SOURCE_LOCALE = 'en-US';

/**
 * The en-US strings: the first step's until `loadSourceStrings()` has added the
 * rest. Only lazy chunks show the rest, and the element loads the registration
 * chunk together with these (see the element's loadSession).
 */
let source = enUSFirstStep as Translation;

/** The en-US strings loaded so far. */
export const sourceStrings = (): Translation => source;

/** Completes the en-US strings (once; again after a failed load). */
export const loadSourceStrings: () => Promise<Translation> = loadOnce(() =>
  import('./en-US-later.js').then(({ enUSLater }) => (source = { ...enUSFirstStep, ...enUSLater })),
);
