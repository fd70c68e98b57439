// The stand-ins' signing keys. Google's and Apple's stand-ins sign ID tokens
// with them and serve their JWKS; the gateway checks ID tokens against those
// same JWKS documents.
import { createLocalJWKSet, exportJWK, generateKeyPair } from 'jose';
import { hex } from './helpers.mjs';

/**
 * One RS256 key per OIDC provider, made when first needed (generation is
 * async), plus a rogue key that `tamper: 'signature'` signs with under the
 * real key's kid. The JWKS documents are what /__idp/{google,apple} serve.
 * Each gateway has keys of its own.
 * @returns {() => Promise<Record<'google' | 'apple' | 'rogue', { kid: string, privateKey: CryptoKey, jwks: object, keySet: Function }>>}
 */
export function createSigningKeys() {
  let keysPromise;
  function keys() {
    keysPromise ??= (async () => {
      const make = async (kid) => {
        const { publicKey, privateKey } = await generateKeyPair('RS256', { extractable: true });
        const jwks = { keys: [{ ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' }] };
        return { kid, privateKey, jwks, keySet: createLocalJWKSet(jwks) };
      };
      const [google, apple, rogue] = await Promise.all([make(`google-${hex(8)}`), make(`apple-${hex(5)}`), make('rogue')]);
      return { google, apple, rogue };
    })();
    return keysPromise;
  }

  return keys;
}
