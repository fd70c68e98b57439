// Names and limits both parties use: which providers there are, what the
// contract calls them, how long a proof may be, and who issues ID tokens.

/** (observed) the `thirdSource` values of the platform's CustomerThirdLoginService. */
export const THIRD_SOURCES = ['google', 'facebook', 'twitter', 'telegram', 'apple', 'metamask'];

/** Contract paths (after the prefix) -> call name, for the gateway's ROUTES (../server/contract-calls.mjs). */
export const THIRD_PARTY_ROUTES = {
  '/global/customer.app.CustomerThirdLoginService.config': 'config',
  ...Object.fromEntries(THIRD_SOURCES.map((p) => [`/global/customer.app.CustomerThirdLoginService.${p}Verify`, `${p}Verify`])),
  // (assumed) a single-use nonce for the Sign-In with Ethereum message, issued by the gateway.
  '/global/customer.app.CustomerThirdLoginService.metamaskNonce': 'metamaskNonce',
};

/** ID tokens, SIWE messages and signatures are longer than the 256 characters every other field gets. */
export const PROOF_MAX_LENGTH = 8192;
/** Access tokens, codes and redirect URIs: longer than a name, shorter than an ID token. */
export const TOKEN_MAX_LENGTH = 2048;

/** The providers that have a stand-in here (MetaMask has none: its proof is a signed message). */
export const STAND_INS = ['google', 'apple', 'facebook', 'twitter', 'telegram'];
export const TITLES = { google: 'Google', apple: 'Apple', facebook: 'Facebook', twitter: 'X (Twitter)', telegram: 'Telegram', metamask: 'MetaMask' };
/** Providers that tell the app the user's e-mail address (X and Telegram do not). */
export const SHARES_EMAIL = new Set(['google', 'apple', 'facebook']);

export const GOOGLE_ISSUERS = ['https://accounts.google.com', 'accounts.google.com'];
export const APPLE_ISSUER = 'https://appleid.apple.com';
/** How long an authorization code lives (Apple's and X's). */
export const CODE_TTL_MS = 10 * 60_000;

/** An authorization request the stand-in will not answer with a redirect: shown as an error page. */
export class IdpError extends Error {
  constructor(message, status = 400) {
    super(message);
    this.status = status;
  }
}
