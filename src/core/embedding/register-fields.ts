/**
 * Turns what a partner page configures (attributes, URL parameters, the first
 * touch) into the optional register fields of the seed. Pure functions over
 * plain values, tested without a DOM; the element only gathers the inputs.
 */
import { OPEN_ACCOUNT_TYPE, parseRegisterSource, REGISTER_SOURCE, THIRD_SERVER_SOURCE_AGENT, type AccountType } from '../gateway/contract.js';
import type { RegisterExtras } from '../gateway/register.js';
import { clean, resolveUtm, type Utm } from './attribution.js';



const INT64_MAX = 9223372036854775807n;

/** Everything the page says about a registration, as strings straight from attributes and the URL. */
export interface EmbeddingInputs {
  utmAttributes: Utm;
  /** The first touch, or the current URL's utm when remembering is off. */
  touch: Utm;
  registerSource?: string;
  detectedRegisterSource: number;
  registerDevice?: string;
  customerGroupId?: string;
  agentSource?: string;
  agentCode?: string;
  /** Name of the URL parameter carrying the agent's code, and the page's query string. */
  agentParam?: string;
  search: string;
  accountType?: AccountType;
  tradeTypeCurrencyList?: RegisterExtras['tradeTypeCurrencyList'];
  lang: string;
}

/** What was wrong with an input, for a console warning that says what to fix. */
export type EmbeddingWarning = string;

/** A customer group id as the decimal string of an int64, or undefined (with a warning) when it is not one. */
export function parseCustomerGroupId(value: string | undefined, warn: (w: EmbeddingWarning) => void): string | undefined {
  const trimmed = value?.trim();
  if (!trimmed) return undefined;
  if (!/^\d{1,19}$/.test(trimmed) || BigInt(trimmed) > INT64_MAX) {
    warn(`customer-group-id="${value}" is not a non-negative 64-bit integer; it is left out`);
    return undefined;
  }
  return trimmed.replace(/^0+(?=\d)/, '');
}

/** The agent referral, from the attributes, else from the URL parameter `agent-param` names. */
export function agentReferral(inputs: Pick<EmbeddingInputs, 'agentSource' | 'agentCode' | 'agentParam' | 'search'>) {
  const fromUrl = inputs.agentParam ? new URLSearchParams(inputs.search).get(inputs.agentParam) : null;
  // Cleaned like the utm values: a referral link is anyone's to craft.
  const code = clean(inputs.agentCode) || clean(fromUrl);
  if (!code) return {};
  return { thirdServerSource: inputs.agentSource?.trim() || THIRD_SERVER_SOURCE_AGENT, thirdServerCode: code };
}

export function registerExtras(inputs: EmbeddingInputs, warn: (w: EmbeddingWarning) => void): RegisterExtras {
  let registerSource = inputs.detectedRegisterSource;
  if (inputs.registerSource?.trim()) {
    const parsed = parseRegisterSource(inputs.registerSource);
    if (parsed === undefined) {
      warn(`register-source="${inputs.registerSource}" is not one of 1-9 or ${Object.keys(REGISTER_SOURCE).join(', ')}; detected ${registerSource} is used`);
    } else {
      registerSource = parsed;
    }
  }
  return {
    registerSource,
    lang: inputs.lang,
    registerDevice: inputs.registerDevice,
    ...resolveUtm(inputs.utmAttributes, inputs.touch),
    customerGroupId: parseCustomerGroupId(inputs.customerGroupId, warn),
    ...agentReferral(inputs),
    openAccountType: inputs.accountType ? OPEN_ACCOUNT_TYPE[inputs.accountType] : undefined,
    tradeTypeCurrencyList: inputs.tradeTypeCurrencyList,
  };
}
