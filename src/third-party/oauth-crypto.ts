/** The random values and hashes of an OAuth request, from Web Crypto. */

function base64url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** A random, URL-safe value of `bytes` bytes of entropy (state, nonce, PKCE verifier). */
export function randomToken(bytes = 32): string {
  return base64url(crypto.getRandomValues(new Uint8Array(bytes)));
}

/** PKCE's S256 challenge: BASE64URL(SHA-256(verifier)) (RFC 7636). */
export async function pkceChallenge(verifier: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier));
  return base64url(new Uint8Array(digest));
}

/** The JSON object in a base64url (or base64) UTF-8 text, or undefined when it holds none. */
export function base64urlJson(encoded: string): Record<string, unknown> | undefined {
  try {
    const binary = atob(encoded.replace(/-/g, '+').replace(/_/g, '/'));
    const value = JSON.parse(new TextDecoder().decode(Uint8Array.from(binary, (c) => c.charCodeAt(0))));
    return value && typeof value === 'object' ? value : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The claims of a JWT, unverified: enough to see that an ID token carries this
 * request's nonce before sending it on. The gateway verifies the signature.
 */
export function unverifiedClaims(jwt: string): Record<string, unknown> | undefined {
  const payload = jwt.split('.')[1];
  return payload ? base64urlJson(payload) : undefined;
}
