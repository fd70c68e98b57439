/**
 * A challenge that ended without a token: its script could not be loaded
 * (`blocked`), the person did not pass it (`failed`), it timed out
 * (`expired`), or they closed it or went back (`closed`). It ends the Send
 * like a refusal of verifyCodeSend (nothing was sent, so the next press starts
 * afresh, and what was typed stays), and carries the person's words for it,
 * in their language: the send failure shows it as it shows a gateway's
 * message. `register-error` gets `CAPTCHA_BLOCKED`, `CAPTCHA_FAILED`, ...
 */
import { GatewayRefusal } from '../core/gateway/transport.js';

export type ChallengeFailure = 'blocked' | 'failed' | 'expired' | 'closed';

export class ChallengeStopped extends GatewayRefusal {
  constructor(
    readonly failure: ChallengeFailure,
    /** What the person reads (translated). */
    message: string,
    /** For the console: what exactly happened (a provider's error code, the script's URL). */
    readonly detail = '',
  ) {
    super('sendCode', '', message, `CAPTCHA_${failure.toUpperCase()}`, '', null, null);
  }
}
