/**
 * What the registration chunk uses of the chunks it loads itself: the phone
 * field, the third-party buttons and the challenge on code send. Declared here, a floor below them,
 * and implemented there, so that types point down a floor as code does
 * (test/node/import-layers.test.mjs); the classes themselves come with `import()`.
 */
import type { PhoneNumber } from '../core/gateway/account.js';

/** The country of residence a third-party registration sends: the first step's field (on either tab). */
export interface Residence {
  country: string;
  dialCode: string;
}

/** The phone field's controller (phone/phone-controller.ts). */
export interface PhonePart {
  /** The field, once loaded. */
  readonly field?: { readonly element: HTMLElement; readonly input: HTMLInputElement; readonly rawValue: string; readonly selectedIso2: string };
  /** The number (all of a phone account but the residence), or what is wrong with it; undefined before the field is there. */
  account(): { account: PhoneNumber } | { problem: string } | undefined;
  readonly failed: boolean;
  retry(): void;
}

/** The third-party buttons' controller (third-party/third-party-controller.ts). */
export interface ThirdPartyPart {
  render(): unknown;
  /** Loads again every provider setting that failed (after the gateway is reachable again). */
  retryFailed(): void;
}

/** The challenge on code send, while it runs (challenge/challenge-runner.ts). */
export interface ChallengePart {
  /** The provider's token, once the person (or the invisible check) passed; a ChallengeStopped otherwise. */
  run(): Promise<{ captchaType: string; captchaToken: string }>;
  dispose(): void;
  render(): unknown;
}
