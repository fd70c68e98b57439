/**
 * `waitUntil` with a longer default timeout (5 s instead of 1 s): test files
 * run side by side on two cores, and a busy machine must not fail a test that
 * is only slow.
 */
import { waitUntil as waitUntilOpenWc } from '@open-wc/testing';

export function waitUntil(
  predicate: () => unknown | Promise<unknown>,
  message?: string,
  options: { interval?: number; timeout?: number } = {},
): Promise<void> {
  return waitUntilOpenWc(predicate, message, { timeout: 5000, ...options });
}
