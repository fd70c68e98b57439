/** What the person registers with: an e-mail address or a phone number, and the country of residence. */
import type { AccountChannel, ThirdPartyProvider } from './contract.js';

interface AccountBase {
  channel: AccountChannel;
  /** The gateway's `ISO_3166_<numeric>` code of the country of residence (sent as `country`). */
  country: string;
  /**
   * Dial code without `+`: of the residence for an e-mail (sent as `emailArea`),
   * of the number for a phone (sent as `phoneArea` and in the SMS's `toUser`).
   */
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
  /**
   * The gateway code of the number's own country, as its flag in the picker
   * (`+1` alone does not say the United States or Canada). Residence
   * (`country`) may be another one: an expatriate keeps a number from home.
   * Used to show the number again after a reload; never sent.
   */
  numberCountry?: string;
  /** The number as people read it, in international format (`+44 7400 123456`): shown, never sent. */
  international?: string;
}

export type Account = EmailAccount | PhoneAccount;

/** A phone number as its field reads it: a phone account but for the residence, which is a field of its own. */
export type PhoneNumber = Omit<PhoneAccount, 'country'>;

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
