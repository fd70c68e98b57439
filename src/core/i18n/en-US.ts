/**
 * The source strings, whole: the first step's (shipped in the entry) and the
 * later steps' (shipped with the lazy chunks). Every other locale file has
 * exactly these keys (the `Translation` type enforces it); parameters are passed
 * to functions so each language can place them where its grammar wants them.
 */
import { enUSFirstStep } from './en-US-first-step.js';
import { enUSLater } from './en-US-later.js';
import type { Counted } from './plural.js';

export const enUS = { ...enUSFirstStep, ...enUSLater };

/** The shape every locale file fills in. */
export type Translation = {
  [K in keyof typeof enUS]: (typeof enUS)[K] extends Counted
    ? Counted
    : (typeof enUS)[K] extends (...args: infer A) => string
      ? (...args: A) => string
      : string;
};

export default enUS satisfies Translation;
