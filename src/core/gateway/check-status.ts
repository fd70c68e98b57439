/** The check-status call: does a customer with this login name exist already? */
import { areaFieldOf, REGISTER_TYPE, STATUS_NO_SUCH_CUSTOMER } from './contract.js';
import { callGateway, type CallOptions, type GatewayConfig } from './transport.js';
import { loginNameOf, type Account } from './account.js';

/** Resolves true when the account is already registered. */
export async function accountExists(config: GatewayConfig, account: Account, options?: CallOptions): Promise<boolean> {
  const body = {
    type: REGISTER_TYPE[account.channel],
    loginName: loginNameOf(account),
    ...areaFieldOf(account),
  };
  const data = await callGateway<{ status?: unknown }>(config, 'checkStatus', body, options);
  return data?.status !== STATUS_NO_SUCH_CUSTOMER;
}
