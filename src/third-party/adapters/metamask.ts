/** MetaMask: placeholder until the wallet adapter lands (issue #9). */
import type { ProviderProof } from '../../gateway/contract.js';
import { SignInError } from '../sign-in-error.js';

export async function signInWithWallet(_options: { statement: string; signal: AbortSignal }): Promise<ProviderProof> {
  throw new SignInError('metamask', 'wallet-unavailable');
}
