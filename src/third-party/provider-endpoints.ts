/**
 * Where each provider's sign-in page is: the real, documented authorization
 * endpoints. A site (or a test, or the demo with its local stand-ins) replaces
 * any of them through the element's `providerEndpoints` property.
 */
import type { RedirectProvider } from '../core/providers/provider-options.js';

export const DEFAULT_AUTHORIZATION_ENDPOINTS: Readonly<Record<RedirectProvider, string>> = {
  // OpenID Connect, implicit ID token with a nonce.
  google: 'https://accounts.google.com/o/oauth2/v2/auth',
  // Sign in with Apple: code and ID token in the fragment.
  apple: 'https://appleid.apple.com/auth/authorize',
  // Facebook Login's manual flow: the OAuth dialog returning an access token.
  facebook: 'https://www.facebook.com/v19.0/dialog/oauth',
  // X (Twitter) OAuth 2.0 with PKCE.
  twitter: 'https://twitter.com/i/oauth2/authorize',
  // Telegram Login's popup page (the widget script is not used: no third-party script runs on the page).
  telegram: 'https://oauth.telegram.org/auth',
};

/**
 * Whether the element may send a person to `url`: https only, or plain http to
 * this very machine (a developer's local stand-in). Anything else (http on a
 * network, javascript:, data:) is refused, like an http `host`.
 */
export function isSafeProviderUrl(url: string): boolean {
  if (!URL.canParse(url)) return false;
  const { protocol, hostname } = new URL(url);
  return protocol === 'https:' || (protocol === 'http:' && /^(localhost|127(\.\d{1,3}){3}|\[::1\])$/.test(hostname));
}
