/**
 * What a full-page redirect to a provider left in sessionStorage (the request
 * with its PKCE verifier, the provider's answer with its code or token), taken
 * out as soon as the entry runs on a page, whether or not an element there has
 * providers (their chunk finds both here), so neither stays in storage on a
 * page that never uses it. Where storage cannot be read (a cross-site frame
 * that blocks it) no redirect can have left anything. [request, answer] as text.
 */
import { PENDING_SIGN_IN_KEY, SIGN_IN_RESULT_KEY } from './redirect-keys.js';

export const redirectRecords: (string | null)[] = [PENDING_SIGN_IN_KEY, SIGN_IN_RESULT_KEY].map((key) => {
  try {
    const text = sessionStorage.getItem(key);
    sessionStorage.removeItem(key);
    return text;
  } catch {
    return null;
  }
});
