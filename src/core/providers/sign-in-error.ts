/** Why a sign-in with a provider ended before the gateway was asked anything. */
import type { ThirdPartyProvider } from '../gateway/contract.js';

export type SignInFailure =
  /** The person closed the window or said no at the provider: back to the start, quietly. */
  | 'cancelled'
  /** The answer's `state` was not the one this request sent (a forged or stale answer). */
  | 'state'
  /** A sign-in answer arrived from another origin than the callback page's. */
  | 'foreign-origin'
  /** The provider's answer did not hold what this request asked for (missing token, wrong nonce). */
  | 'proof'
  /** The provider reported an error of its own. */
  | 'failed'
  /** No popup could be opened, and the page cannot go to the provider instead (it is in a frame). */
  | 'popup-blocked'
  /** The wallet: the person rejected the request (EIP-1193 code 4001). */
  | 'wallet-rejected'
  /** The wallet is locked or shares no account. */
  | 'wallet-locked'
  /** No wallet could be reached (no extension, and the MetaMask SDK could not be loaded). */
  | 'wallet-unavailable';

export class SignInError extends Error {
  constructor(
    readonly provider: ThirdPartyProvider,
    readonly failure: SignInFailure,
    /** For developers (the console, `register-error`'s `reason`): never shown to the person. */
    readonly detail = '',
  ) {
    super(`${provider} sign-in: ${failure}${detail ? ` (${detail})` : ''}`);
  }
}
