/**
 * MetaMask (and any injected EIP-1193 wallet): connect, then sign an EIP-4361
 * sign-in message. An injected wallet (announced by EIP-6963, else
 * `window.ethereum`) is used as it is; only without one is @metamask/sdk
 * loaded, as its own lazy chunk, to offer MetaMask's mobile connection.
 */
import type { ProviderProof } from '../../core/gateway/contract.js';
import { SignInError } from '../../core/providers/sign-in-error.js';
import type { ConnectionQrCode, Eip1193Provider } from '../metamask-sdk.js';
import { checksumAddress, siweMessage, SIWE_VALIDITY_MS, utf8Hex } from '../siwe-message.js';
import { GatewayError } from '../../core/gateway/transport.js';


interface Eip6963Announcement {
  info?: { rdns?: string; name?: string };
  provider?: Eip1193Provider;
}

/** MetaMask's reverse-DNS name in EIP-6963 announcements. */
const METAMASK_RDNS = 'io.metamask';

/** How long wallets get to announce themselves (they answer the request synchronously, but some defer a task). */
const ANNOUNCE_WAIT_MS = 100;

/** The injected wallets, MetaMask first: EIP-6963 announcements, else the legacy `window.ethereum`. */
async function injectedWallet(): Promise<Eip1193Provider | undefined> {
  const announced: Eip6963Announcement[] = [];
  const onAnnounce = (event: Event) => {
    const detail = (event as CustomEvent<Eip6963Announcement>).detail;
    if (detail?.provider && typeof detail.provider.request === 'function') announced.push(detail);
  };
  addEventListener('eip6963:announceProvider', onAnnounce);
  dispatchEvent(new Event('eip6963:requestProvider'));
  await new Promise((resolve) => setTimeout(resolve, ANNOUNCE_WAIT_MS));
  removeEventListener('eip6963:announceProvider', onAnnounce);
  const preferred = announced.find((a) => a.info?.rdns === METAMASK_RDNS) ?? announced[0];
  const legacy = (globalThis as { ethereum?: Eip1193Provider }).ethereum;
  return preferred?.provider ?? (legacy && typeof legacy.request === 'function' ? legacy : undefined);
}

/** A wallet's EIP-1193 error code, if it gave one. */
function codeOf(error: unknown): unknown {
  return typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
}

/**
 * Wallet errors as the element tells them: the person said no (4001), the
 * wallet is locked (-32002: a request already waits in it), or any other
 * EIP-1193 error (disconnected, unsupported, internal) as a failed sign-in.
 */
function walletError(error: unknown): unknown {
  // The gateway's own failures (asking for the nonce) are said as such.
  if (error instanceof SignInError || error instanceof GatewayError || (error instanceof DOMException && error.name === 'AbortError')) return error;
  const code = codeOf(error);
  if (code === 4001) return new SignInError('metamask', 'wallet-rejected');
  if (code === -32002) return new SignInError('metamask', 'wallet-locked', 'a request is already pending in the wallet');
  return new SignInError('metamask', 'failed', String(code ?? (error as Error)?.message ?? error));
}

/**
 * A wallet request that gives way to a cancel (reset): wallets cannot be told
 * to drop a request, but the element need not wait for it.
 */
function request(wallet: Eip1193Provider, signal: AbortSignal, args: { method: string; params?: unknown[] }): Promise<unknown> {
  signal.throwIfAborted();
  return new Promise((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    wallet.request(args).then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

/** The wallet: injected, else MetaMask's SDK (QR code for the mobile app), with the account it shares. */
async function connect(
  signal: AbortSignal,
  onQrCode: WalletSignInOptions['onQrCode'],
  relayUrl: string | undefined,
): Promise<{ wallet: Eip1193Provider; accounts: unknown; disconnect?: () => Promise<void> }> {
  const injected = await injectedWallet();
  if (injected) return { wallet: injected, accounts: await request(injected, signal, { method: 'eth_requestAccounts' }) };
  signal.throwIfAborted();
  let sdk: typeof import('../metamask-sdk.js');
  try {
    sdk = await import('../metamask-sdk.js');
  } catch {
    throw new SignInError('metamask', 'wallet-unavailable');
  }
  signal.throwIfAborted(); // cancelled while the SDK was on its way
  let connection;
  try {
    connection = await sdk.connectWithMetaMaskSdk({
      dappName: document.title || location.host,
      dappUrl: location.origin,
      relayUrl,
      signal,
      onConnectionLink: onQrCode,
    });
  } catch (error) {
    if (error instanceof sdk.RelayUnreachableError) throw new SignInError('metamask', 'wallet-unavailable', error.message);
    throw error;
  }
  // Connected: the code has been scanned; the rest happens in the app.
  onQrCode(undefined);
  return { wallet: connection.provider, accounts: connection.accounts, disconnect: connection.disconnect };
}

export interface WalletSignInOptions {
  /** The sign-in message's statement (one line, in the element's language). */
  statement: string;
  signal: AbortSignal;
  /** Without an injected wallet: MetaMask Mobile's connection link and its QR code to show (undefined once scanned). */
  onQrCode: (code: ConnectionQrCode | undefined) => void;
  /** The message's nonce, issued by the gateway; asked for once the wallet is connected, right before signing. */
  nonce: () => Promise<string>;
  /** A stand-in for MetaMask's relay (`providerEndpoints.metamask`), else MetaMask's own. */
  relayUrl?: string;
}

export async function signInWithWallet({ statement, signal, onQrCode, nonce: issueNonce, relayUrl }: WalletSignInOptions): Promise<ProviderProof> {
  let disconnect: (() => Promise<void>) | undefined;
  try {
    const connected = await connect(signal, onQrCode, relayUrl);
    const { wallet, accounts } = connected;
    disconnect = connected.disconnect;
    signal.throwIfAborted();
    const first = Array.isArray(accounts) && typeof accounts[0] === 'string' ? accounts[0] : '';
    const address = checksumAddress(first);
    // A locked wallet shares no account.
    if (!address) throw new SignInError('metamask', 'wallet-locked');
    const chainId = Number.parseInt(String(await request(wallet, signal, { method: 'eth_chainId' })), 16) || 1;
    const nonce = await issueNonce();
    signal.throwIfAborted();
    const issuedAt = new Date();
    const message = siweMessage({
      domain: location.host,
      address,
      statement,
      uri: location.origin,
      chainId,
      nonce,
      issuedAt,
      expirationTime: new Date(issuedAt.getTime() + SIWE_VALIDITY_MS),
    });
    const signature = await request(wallet, signal, { method: 'personal_sign', params: [utf8Hex(message), address] });
    signal.throwIfAborted();
    if (typeof signature !== 'string' || !/^0x[0-9a-fA-F]+$/.test(signature)) throw new SignInError('metamask', 'proof', 'no signature');
    return { provider: 'metamask', address, message, signature, nonce };
  } catch (error) {
    throw walletError(error);
  } finally {
    // An SDK session is for this one signature: ended whatever happened, so the
    // next attempt starts afresh with a new code instead of a session left open.
    void disconnect?.().catch(() => {});
  }
}
