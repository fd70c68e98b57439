/** What the person registers with: an e-mail address or a phone number, and the country of residence. */
import type { AccountChannel, ThirdPartyProvider } from './contract.js';

interface AccountBase {
  channel: AccountChannel;
  /** The gateway's `ISO_3166_<numeric>` code of the country of residence. */
  country: string;
  /** Dial code of that country without `+` (sent as `emailArea` / `phoneArea`). */
  dialCode: string;
}

export interface EmailAccount extends AccountBase {
  channel: 'email';
  email: string;
}

export interface PhoneAccount extends AccountBase {
  channel: 'phone';
  /** National significant number, digits only. */
  nationalNumber: string;
  /** `+86` style. */
  phoneArea: string;
  /** The number as people read it, in international format (`+44 7400 123456`): shown, never sent. */
  international?: string;
}

export type Account = EmailAccount | PhoneAccount;

/** The login name the gateway knows the account by. */
export function loginNameOf(account: Account): string {
  return account.channel === 'email' ? account.email : account.nationalNumber;
}

/** A provider account the gateway verified, with the country of residence chosen on the form. */
export interface ThirdPartyAccount {
  channel: 'third-party';
  provider: ThirdPartyProvider;
  /** The provider's user id (`thirdServerCode`). */
  userId: string;
  loginName: string;
  country: string;
  dialCode: string;
}

/** Whoever a registration was for. */
export type RegisteredAccount = Account | ThirdPartyAccount;
