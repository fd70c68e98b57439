// The reference gateway's stand-ins for the identity providers: the same paths
// as the real authorization endpoints, below `/__idp/{provider}`, and MetaMask's
// relay (the gateway itself, at /socket.io/: see gateway/metamask-relay.mjs).
// The demo and the tests hand this to the element's `providerEndpoints` (a
// real site never sets it: the element defaults to the real endpoints).

/** @param {string} gateway the reference gateway's origin */
export function localProviderEndpoints(gateway) {
  return {
    google: `${gateway}/__idp/google/o/oauth2/v2/auth`,
    apple: `${gateway}/__idp/apple/auth/authorize`,
    facebook: `${gateway}/__idp/facebook/v19.0/dialog/oauth`,
    twitter: `${gateway}/__idp/twitter/i/oauth2/authorize`,
    telegram: `${gateway}/__idp/telegram/auth`,
    metamask: gateway,
  };
}
