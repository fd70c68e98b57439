/** How each provider is named on its button and in messages: its own brand name, untranslated. */
import type { ThirdPartyProvider } from '../gateway/contract.js';

export const PROVIDER_NAMES: Readonly<Record<ThirdPartyProvider, string>> = {
  google: 'Google',
  facebook: 'Facebook',
  twitter: 'X',
  telegram: 'Telegram',
  apple: 'Apple',
  metamask: 'MetaMask',
};
