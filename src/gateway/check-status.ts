/** The check-status call: does a customer with this login name exist already? */
import { phoneAreaOf, REGISTER_TYPE, STATUS_NO_SUCH_CUSTOMER } from './contract.js';
import { callGateway, type CallOptions, type GatewayConfig } from './transport.js';
import type { Account } from './account.js';

/** Resolves true when the account is already registered. */
export async function accountExists(config: GatewayConfig, account: Account, options?: CallOptions): Promise<boolean> {
  // (observed) the area field differs by channel: phoneArea for phone, emailArea
  // (the chosen country's dial code, written like phoneArea) for e-mail.
  const body =
    account.channel === 'email'
      ? { type: REGISTER_TYPE.email, loginName: account.email, emailArea: phoneAreaOf(account.dialCode) }
      : { type: REGISTER_TYPE.phone, loginName: account.nationalNumber, phoneArea: account.phoneArea };
  const data = await callGateway<{ status?: unknown }>(config, 'checkStatus', body, options);
  return data?.status !== STATUS_NO_SUCH_CUSTOMER;
}
