/**
 * The element's third-party options, as a site sets them: which providers, the
 * client ids that override the gateway's, and where sign-in pages are. Types
 * and one table only; the sign-in itself is the third-party chunk's.
 */
import type { ThirdPartyProvider } from '../gateway/contract.js';

/** The providers that sign in through a page of their own (all but MetaMask, which signs in the wallet). */
export type RedirectProvider = Exclude<ThirdPartyProvider, 'metamask'>;

/** The `providers` property: a list (`"google apple"`), or per provider `true` or its settings. */
export type ProviderChoices = Partial<Record<ThirdPartyProvider, boolean | { clientId?: string; requestAccess?: 'write' }>>;

/** Where each provider's sign-in is reached when not at the real one: authorization endpoints, and for MetaMask its SDK's relay. */
export type ProviderEndpoints = Partial<Record<ThirdPartyProvider, string>>;

/** The property by which a site overrides a provider's client id from the gateway. */
export const CLIENT_ID_PROPERTIES = {
  google: 'googleClientId',
  facebook: 'facebookAppId',
  twitter: 'twitterClientId',
  telegram: 'telegramBotId',
  apple: 'appleClientId',
} as const satisfies Readonly<Record<RedirectProvider, string>>;

/** What the third-party sign-in reads of the element: its properties (set as attributes or by script). */
export interface ProviderOptions extends Partial<Record<(typeof CLIENT_ID_PROPERTIES)[RedirectProvider], string>> {
  providers: string | ProviderChoices;
  providerEndpoints?: ProviderEndpoints;
  providerLayout?: string;
  redirectUri?: string;
}
