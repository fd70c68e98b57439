// MetaMask mobile connection (QR code) through @metamask/sdk. Only ever loaded
// with `import()` once no injected EIP-1193 wallet was found: the SDK is about
// 160 KB gzip and must stay out of the entry chunk.
//
// What the SDK does (0.34):
// - `new MetaMaskSDK()` starts `init()` at once (it cannot be turned off). With
//   the options below init opens no connection: it builds the provider, creates
//   a socket.io client with `autoConnect: false`, writes `mm-sdk-anon-id` to
//   localStorage and sets `window.mmsdk`.
// - `connect()` calls `eth_requestAccounts`, which opens the websocket to
//   MetaMask's relay and emits `display_uri` with the connection link. Being
//   headless, the SDK shows no dialog of its own: the element shows the link
//   as a QR code inside its shadow root (and as a link for phones).
// - Without a way to its relay, `connect()` never settles: socket.io retries
//   for ever. A page whose CSP blocks the relay, or a refused socket, is told
//   within a moment (watchRelay); a relay that is reached and silent, after
//   QR_TIMEOUT_MS.
import { MetaMaskSDK, type MetaMaskSDKOptions } from '@metamask/sdk';
import encodeQR from '@paulmillr/qr';

/** A connection link and its QR code (rows of modules, true = dark), without a quiet zone. */
export interface ConnectionQrCode {
  link: string;
  modules: boolean[][];
}

/** The part of EIP-1193 the element uses. */
export interface Eip1193Provider {
  request(args: { method: string; params?: unknown[] | object }): Promise<unknown>;
  on?(event: string, listener: (...args: any[]) => void): unknown;
  removeListener?(event: string, listener: (...args: any[]) => void): unknown;
}

export interface MetaMaskSdkConnection {
  provider: Eip1193Provider;
  accounts: string[];
  /** Ends the relay session (the SDK's `terminate()`). */
  disconnect(): Promise<void>;
}

export interface MetaMaskSdkConnectOptions {
  dappName: string;
  dappUrl: string;
  /** MetaMask's relay, or a stand-in for it (`providerEndpoints.metamask`); the real one by default. */
  relayUrl?: string;
}

// One SDK per page. A second `new MetaMaskSDK()` finds the first one on
// `window.mmsdk` during `init()`, never gets its own provider, and its
// `connect()` throws "SDK state invalid". After a user cancels, the same
// instance connects again with a new channel. Its relay is the one the first
// sign-in on the page asked for.
let sdk: MetaMaskSDK | undefined;
let sdkRelay = '';
/** Whether the SDK may open MetaMask's links (only once a wallet is connected: see openDeeplink). */
let sdkOpensLinks = false;

/** Opens a link the way the SDK does by default (in this tab: a universal link hands over to the app). */
function followLink(link: string) {
  const anchor = document.createElement('a');
  anchor.href = link;
  anchor.target = '_self';
  anchor.rel = 'noreferrer noopener';
  anchor.click();
}

/** The SDK options for an embedded widget. */
function metaMaskSdkOptions({ dappName, dappUrl, relayUrl }: MetaMaskSdkConnectOptions): MetaMaskSDKOptions {
  return {
    // The relay (socket.io) the QR code's session runs through: MetaMask's unless a stand-in is named.
    communicationServerUrl: relayUrl || METAMASK_RELAY,
    // Shown in MetaMask Mobile's connection request. Without `url` the SDK
    // falls back to the host page's origin. It finds `iconUrl` itself from the
    // page's favicon.
    dappMetadata: { name: dappName, url: dappUrl },
    // No analytics to mm-sdk-analytics.api.cx.metamask.io and no tracking
    // events to the relay. A few relay-side lifecycle events (terminate,
    // rejected) are still posted to the relay's /evt whatever this says.
    enableAnalytics: false,
    // Do not start the connection or show the modal while the SDK is being
    // set up. `connect()` does that when the user asks for it.
    checkInstallationImmediately: false,
    checkInstallationOnAllCalls: false,
    // Do not persist the relay session (channel id and private key) in the
    // host page's localStorage. With storage on, the next `new MetaMaskSDK()`
    // would reconnect to the relay during init, which means network traffic
    // before the user clicks anything.
    storage: { enabled: false },
    // Leave the host page's globals alone. By default the SDK sets
    // `window.ethereum` to its provider and shims `window.web3`.
    injectProvider: false,
    forceInjectProvider: false,
    shouldShimWeb3: false,
    // If a MetaMask extension does show up after all (a late injection), use
    // it directly instead of the QR code. This is the SDK's default.
    extensionOnly: true,
    // Open the install modal on its "Mobile" tab (QR code) rather than the
    // "Desktop" tab, whose button sends the user to install the extension.
    preferDesktop: false,
    // Encode https://metamask.app.link/connect?... (the universal link) in the
    // QR code and on mobile, not the metamask:// scheme: a phone camera can
    // open it, and it falls back to the app store.
    useDeeplink: false,
    // No modal of the SDK's own: its QR dialog would attach to document.body
    // (outside our shadow root) and set the code with innerHTML, which a page
    // requiring Trusted Types refuses. The element draws the code itself from
    // `display_uri` (wallet-panel-view.ts).
    headless: true,
    // On a phone the SDK opens MetaMask's link itself, by navigating this page
    // (an <a target=_self> click): while connecting that would take the person
    // off the form (to the app store without the app), so the element's
    // "Open MetaMask" is their choice instead. Once connected, the SDK brings
    // the app up for the signature as it would.
    openDeeplink: (link) => {
      if (sdkOpensLinks && link.startsWith('https://metamask.app.link/')) followLink(link);
    },
    // No `infuraAPIKey`/`readonlyRPCMap`: read-only calls go to the wallet
    // and never to a third-party RPC endpoint.
    logging: { sdk: false },
  };
}

function getSdk(options: MetaMaskSdkConnectOptions): MetaMaskSDK {
  if (!sdk) {
    sdk = new MetaMaskSDK(metaMaskSdkOptions(options));
    sdkRelay = options.relayUrl || METAMASK_RELAY;
  }
  return sdk;
}

/** An `Error` with the EIP-1193 code 4001 (user rejected the request). */
function userRejected(cause: unknown): Error & { code: 4001 } {
  return Object.assign(new Error('User rejected the request.', { cause }), { code: 4001 as const });
}

function codeOf(error: unknown): unknown {
  return typeof error === 'object' && error !== null && 'code' in error ? error.code : undefined;
}

/**
 * The SDK's ways of saying "the user said no":
 * - QR modal closed (its close button or the backdrop): the plain object
 *   `{ code: 4001, message: 'User rejected the request.' }`, not an Error.
 * - Connection refused in MetaMask Mobile: `Error('User rejected connection')`
 *   with `code: 4001`.
 * - Account request refused in the app: an EthereumProviderError with code 4001.
 * - Session ended (the pending modal's Disconnect, or `terminate()`) after the
 *   phone had joined but before it authorized: `Error('Connection Terminated')`.
 */
function isUserRejection(error: unknown): boolean {
  return codeOf(error) === 4001 || (error instanceof Error && error.message === 'Connection Terminated');
}

/** MetaMask's relay as the SDK reaches it (its default `communicationServerUrl`): https for events, wss for the socket. */
export const METAMASK_RELAY = 'https://metamask-sdk.api.cx.metamask.io/';

/**
 * Why the relay gave no QR code: the page's Content-Security-Policy blocks it
 * (`connect-src`), its socket was refused (no network, a firewall), or it was
 * reached but said nothing in time.
 */
export type RelayFailure = 'blocked' | 'refused' | 'silent';

/** Thrown when MetaMask's relay gave no QR code: nothing to scan, so say so (its message is for the console). */
export class RelayUnreachableError extends Error {
  constructor(
    readonly failure: RelayFailure,
    message: string,
  ) {
    super(message);
  }
}

/**
 * The backstop for a relay that was reached but never answers. A blocked or
 * refused relay is known far sooner (watchRelay).
 */
const QR_TIMEOUT_MS = 10_000;

/**
 * A refused socket and a CSP block can both surface as a socket error; the
 * violation event, queued when the socket was refused by the policy, gets this
 * long to arrive so the console names the right cause.
 */
const VIOLATION_GRACE_MS = 250;

/** The relay's origins a page's `connect-src` must allow, as written there. */
function relaySources(relay: URL): string {
  const socket = `${relay.protocol === 'http:' ? 'ws:' : 'wss:'}//${relay.host}`;
  return `${relay.protocol}//${relay.host} ${socket}`;
}

/** The SDK's socket.io socket to its relay (internal to the SDK: absent in another version, then only the CSP watch and the timeout apply). */
interface RelaySocket {
  io?: { on(event: 'error', listener: (error: unknown) => void): unknown; off(event: 'error', listener: (error: unknown) => void): unknown };
}

function relaySocket(instance: MetaMaskSDK): RelaySocket | undefined {
  try {
    return instance.remoteConnection?.getConnector().state.communicationLayer?.state.socket as RelaySocket | undefined;
  } catch {
    return undefined;
  }
}

/**
 * Calls `fail` as soon as the relay is known to be unreachable: a CSP
 * violation naming the relay's host (the browser tells at once), or an error
 * of the SDK's socket to it (refused, no route, no name). Returns the way to
 * stop watching.
 */
function watchRelay(instance: MetaMaskSDK, relay: URL, fail: (error: RelayUnreachableError) => void): () => void {
  const timers: ReturnType<typeof setTimeout>[] = [];
  const onViolation = (event: SecurityPolicyViolationEvent) => {
    if (event.disposition !== 'enforce' || !URL.canParse(event.blockedURI) || new URL(event.blockedURI).host !== relay.host) return;
    fail(
      new RelayUnreachableError(
        'blocked',
        `this page's Content-Security-Policy (${event.effectiveDirective}) blocks MetaMask's relay ${event.blockedURI}; ` +
          `add ${relaySources(relay)} to connect-src`,
      ),
    );
  };
  document.addEventListener('securitypolicyviolation', onViolation);
  const onSocketError = () => {
    timers.push(
      setTimeout(
        () => fail(new RelayUnreachableError('refused', `MetaMask's relay ${relay.origin} could not be reached (the connection was refused or failed)`)),
        VIOLATION_GRACE_MS,
      ),
    );
  };
  // The SDK makes its socket when it starts connecting (and again after a
  // terminated session): watched whichever one is current.
  let watched: RelaySocket | undefined;
  const attach = () => {
    const socket = relaySocket(instance);
    if (!socket?.io || socket === watched) return;
    watched?.io?.off('error', onSocketError);
    watched = socket;
    socket.io.on('error', onSocketError);
  };
  attach();
  const poll = setInterval(attach, 50);
  return () => {
    document.removeEventListener('securitypolicyviolation', onViolation);
    clearInterval(poll);
    for (const timer of timers) clearTimeout(timer);
    watched?.io?.off('error', onSocketError);
  };
}

export async function connectWithMetaMaskSdk(
  options: MetaMaskSdkConnectOptions & {
    signal?: AbortSignal;
    /** The connection link for MetaMask Mobile, to show as a QR code (and as a link on a phone). */
    onConnectionLink: (code: ConnectionQrCode) => void;
  },
): Promise<MetaMaskSdkConnection> {
  const { signal } = options;
  signal?.throwIfAborted();
  const instance = getSdk(options);
  const relay = new URL(sdkRelay);
  let qrShown = false;
  let unwatch: (() => void) | undefined;
  const onQr = (link: unknown) => {
    if (typeof link !== 'string' || !link) return;
    qrShown = true;
    // The relay answered: from now on it is the phone that is awaited.
    unwatch?.();
    options.onConnectionLink({ link, modules: encodeQR(link, 'raw', { ecc: 'medium', border: 0 }) });
  };
  instance.on('display_uri', onQr);
  let timer: ReturnType<typeof setTimeout> | undefined;
  let onAbort: (() => void) | undefined;
  const givenUp = new Promise<never>((_, reject) => {
    const fail = (error: RelayUnreachableError) => {
      if (!qrShown) reject(error);
    };
    unwatch = watchRelay(instance, relay, fail);
    timer = setTimeout(() => fail(new RelayUnreachableError('silent', `MetaMask's relay ${relay.origin} gave no QR code within ${QR_TIMEOUT_MS / 1000} s`)), QR_TIMEOUT_MS);
    onAbort = () => reject(signal!.reason);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
  let accounts: string[];
  sdkOpensLinks = false;
  try {
    accounts = await Promise.race([instance.connect(), givenUp]);
    sdkOpensLinks = true;
  } catch (error) {
    // Given up or cancelled: end the session so its socket (and its retries) go away.
    if (error instanceof RelayUnreachableError || signal?.aborted) {
      void instance.terminate().catch(() => {});
      throw error;
    }
    if (isUserRejection(error)) throw userRejected(error);
    throw error instanceof Error ? error : new Error(String((error as { message?: unknown })?.message ?? error), { cause: error });
  } finally {
    clearTimeout(timer);
    unwatch?.();
    if (onAbort) signal?.removeEventListener('abort', onAbort);
    instance.off('display_uri', onQr);
  }
  const provider = instance.getProvider();
  if (!provider) throw new Error('MetaMask SDK connected without a provider');
  return {
    provider,
    accounts,
    disconnect: () => instance.terminate(),
  };
}
