/** The send-code call: a verification code to the account, answered with the seed's `sendToken`. */
import { SEND_CODE_BIZ_TYPE, smsRecipient } from './contract.js';
import { callGateway, TransportFailure, type CallOptions, type GatewayConfig } from './transport.js';
import type { Account } from './account.js';

export async function sendVerificationCode(
  config: GatewayConfig,
  account: Account,
  options: CallOptions = {},
  /** A challenge's token (`captchaFields`), when the gateway asked for one. */
  challenge?: { captchaType: string; captchaToken: string },
): Promise<string> {
  // An SMS goes to the number's dial code; `country` is the residence, as register sends it (the reference gateway binds its ticket to both).
  const toUser = account.channel === 'email' ? account.email : smsRecipient(account.dialCode, account.nationalNumber);
  const body = { bizType: SEND_CODE_BIZ_TYPE[account.channel], toUser, country: account.country, ...challenge };
  const trace = options.trace ?? crypto.randomUUID();
  const data = await callGateway<{ token?: unknown }>(config, 'sendCode', body, { ...options, trace });
  // (observed) data.token is the sendToken; without it the answer is unusable.
  if (typeof data?.token !== 'string' || !data.token) throw new TransportFailure('sendCode', trace, 'bad-response');
  return data.token;
}
