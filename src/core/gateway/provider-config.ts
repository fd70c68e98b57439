/**
 * The third-party `config` call: a provider's public client id, from the
 * gateway, so a site need not configure one. Asked once per gateway, company
 * and provider, and shared by every element on the page.
 */
import type { ThirdPartyProvider } from './contract.js';
import { loadOncePerKey } from '../load-once.js';
import { callGateway, GatewayRefusal, type CallOptions, type GatewayConfig } from './transport.js';

/** (observed) config's `data`. */
export interface ProviderSettings {
  thirdSource: string;
  /** The provider's public client id (Telegram: the bot id). */
  clientId: string;
  /** (observed) present in the answer; its meaning is not documented, so it is only passed on. */
  developerAccount?: string;
}

const settingsLoads = loadOncePerKey<ProviderSettings | undefined>();

/**
 * The provider's settings, or undefined when the gateway has none for it (it
 * refused: the provider is not set up for this company). A transport failure
 * rejects and is forgotten, so the next ask tries again.
 */
export function providerSettings(
  config: GatewayConfig,
  provider: ThirdPartyProvider,
  options?: CallOptions,
): Promise<ProviderSettings | undefined> {
  const key = `${config.host}|${config.prefix ?? ''}|${config.companyId}|${provider}`;
  return settingsLoads(key, () =>
    callGateway<ProviderSettings | null>(config, 'config', { thirdSource: provider }, options).then(
      (data) => (data && typeof data.clientId === 'string' ? data : undefined),
      (error) => {
        // A refusal is an answer (kept); a transport failure rejects and is tried again next time.
        if (error instanceof GatewayRefusal) return undefined;
        throw error;
      },
    ),
  );
}
