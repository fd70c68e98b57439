// Third-party registration for the reference gateway (../shared/contract.md,
// "Third-party registration"). Two parties live in this folder, as they would
// on two sides of the internet:
//
//  - the identity providers' stand-ins (Google, Apple, Facebook, X/Twitter,
//    Telegram): consent pages and endpoints under /__idp/{provider}/ with the
//    real endpoint's path after that prefix, issuing real proofs (RS256 ID
//    tokens checked against a JWKS, single-use codes with PKCE, access tokens,
//    HMAC-signed Telegram data). Real providers cannot be reached from the
//    tests or the demo, so these play them on the gateway's own origin;
//  - the gateway's CustomerThirdLoginService: `config` and `{provider}Verify`,
//    which check those proofs the way a backend checks the real ones, and the
//    register (type 3) side (`redeemProof`), which accepts a proof only once.
//
// They share one thing: the app registry, i.e. the client ids and secrets a
// broker gets by registering its apps with each provider, one app per company
// id and provider, created on first use. Secrets never leave the server.
// MetaMask has no provider to play: its proof is a signed message (../siwe.mjs).
//
// The files, by party (this one only wires them together):
//
//   provider-behaviour.mjs    the stand-ins: behaviour per company (/__dev/idp) and their users
//   provider-issuing.mjs      the stand-ins: the proofs they hand the browser after consent
//   provider-authorize.mjs    the stand-ins: authorize URLs, consent page and its answer
//   provider-endpoints.mjs    the stand-ins: server-side endpoints, and the /__idp/ router
//   gateway-verify.mjs        the gateway: config, {provider}Verify, redeemProof (register type 3)
//   gateway-proof-checks.mjs  the gateway: one check per provider's proof
//   apps.mjs                  shared: the app registry
//   keys.mjs                  shared: the signing keys (the stand-ins sign, the gateway checks)
//   common.mjs, helpers.mjs   shared: provider names, limits, small helpers
//   dev-endpoints.mjs         /__dev/idp…: set behaviour, mint proofs, list accepted proofs
//
// Each part is made by a `create…` function that names what it uses: the small
// context (the shared state below, the clock, the log) and the functions of the
// parts made before it, wired below in the order they depend on each other.
import { createApps } from './apps.mjs';
import { createIdpDevEndpoints } from './dev-endpoints.mjs';
import { createProofChecks } from './gateway-proof-checks.mjs';
import { createThirdLoginService } from './gateway-verify.mjs';
import { createSigningKeys } from './keys.mjs';
import { createAuthorize } from './provider-authorize.mjs';
import { createBehaviour } from './provider-behaviour.mjs';
import { createProviderEndpoints } from './provider-endpoints.mjs';
import { createIssuing } from './provider-issuing.mjs';

export { PROOF_MAX_LENGTH, THIRD_PARTY_ROUTES, THIRD_SOURCES } from './common.mjs';

/**
 * @param {object} options
 * @param {string[]} options.allowedOrigins the gateway's CORS origins: the only places a provider may redirect to ('*' allows any)
 * @param {() => number} options.now
 * @param {(line: string) => void} options.log
 * @param {() => string} options.selfOrigin the gateway's own origin, for calls to its own stand-ins over HTTP
 * @param {(companyId: string, provider: string, userId: string) => boolean} options.isRegistered
 */
export function createIdentityProviders({ allowedOrigins, now, log, selfOrigin, isRegistered }) {
  const state = {
    /** `${companyId}|${provider}` -> app; the same apps by `${provider}|${clientId}`. */
    apps: new Map(),
    appsByClientId: new Map(),
    /** companyId -> the stand-ins' behaviour set by /__dev/idp. */
    behaviours: new Map(),
    /** `${provider}|${email or name}` -> user: the same person approving twice gets the same id. */
    users: new Map(),
    /** Consent pages waiting for an answer, by request id. */
    consents: new Map(),
    /** What the providers issued and must recognise later. */
    appleCodes: new Map(),
    facebookTokens: new Map(),
    twitterCodes: new Map(),
    twitterTokens: new Map(),
    /** Gateway side: SIWE nonces issued by metamaskNonce, nonce -> { companyId, issuedAt }. */
    siweNonces: new Map(),
    /** Gateway side: nonces and proofs accepted once (by any company), `${provider}|nonce|…` / `${provider}|proof|…`. */
    seen: new Set(),
    /** Gateway side: accepted proofs waiting for register, by `${companyId}|${provider}|${verifyTicket}`. */
    proofs: new Map(),
  };

  function reset() {
    for (const store of Object.values(state)) store.clear();
  }

  const nowS = () => Math.floor(now() / 1000);

  // The small context every part gets; each also gets, by name, what it uses of the parts made before it.
  const context = { state, now, nowS, log };
  const keys = createSigningKeys();
  const { appOf, newApp, clientApp } = createApps(context);
  const { behaviourOf, setBehaviour, randomPerson, resolveUser } = createBehaviour(context);

  // The stand-ins.
  const { grant, denied } = createIssuing({ ...context, keys, behaviourOf, newApp });
  const { AUTHORIZE, authorize, consent } = createAuthorize({ ...context, allowedOrigins, clientApp, behaviourOf, resolveUser, randomPerson, grant, denied });
  const { handleIdp, debugToken, graphMe } = createProviderEndpoints({ ...context, keys, AUTHORIZE, authorize, consent });

  // The gateway. Facebook's check asks the stand-in's Graph API in-process (debugToken, graphMe).
  const checks = createProofChecks({ ...context, keys, selfOrigin, debugToken, graphMe });
  const { handlers, redeemProof } = createThirdLoginService({ ...context, isRegistered, appOf, behaviourOf, checks });

  const { handleDev } = createIdpDevEndpoints({ ...context, setBehaviour, behaviourOf, resolveUser, appOf, grant });

  return { handlers, redeemProof, handleIdp, handleDev, reset, state };
}
