/**
 * The registration flow's I/O: which gateway calls each user action makes, in
 * what order, and which step results. No DOM and no Lit: a test drives it
 * directly against the reference gateway.
 */
import type { Account, ThirdPartyAccount } from '../gateway/account.js';
import { accountExists } from '../gateway/check-status.js';
import { register, registerBody, thirdPartyRegisterBody, type RegisterExtras, type RegisterOutcome } from '../gateway/register.js';
import { verifyProof, type ProofBinding } from '../gateway/provider-verify.js';
import { sendVerificationCode } from '../gateway/send-code.js';
import { GatewayError, GatewayRefusal, isAmbiguous, TransportFailure, type GatewayConfig } from '../gateway/transport.js';
import {
  ACCOUNT_EXISTS_CODES,
  DEAD_TICKET_CODES,
  DEFAULT_TIMEOUT_MS,
  TICKET_USED_CODES,
  thirdPartyLoginName,
  type ProviderProof,
  type ThirdPartyProvider,
} from '../gateway/contract.js';
import {
  canResend,
  codeResent,
  codeSent,
  initialStep,
  registeringStarted,
  registrationFailed,
  registrationSucceeded,
  registrationUnconfirmed,
  registrationUnderReview,
  type CodeStep,
  type ConfirmStep,
  type DoneStep,
  type Step,
  type UnderReviewStep,
} from './steps.js';

/** One verifyCodeSend, with a challenge's token or without; `deadline` for the call (epoch ms). */
export type SendAttempt = (challenge?: { captchaType: string; captchaToken: string }, deadline?: number) => Promise<string>;
/** Runs the sends of one press (`sendGuard`: the challenge on code send, registration/challenge-guard.ts). */
export type SendGuard = (account: Account, attempt: SendAttempt, signal?: AbortSignal) => Promise<string>;

/** The account is registered already: no code is sent, nothing can create a duplicate. */
export class AccountExistsError extends Error {
  constructor(readonly account: Account) {
    super(`${account.channel} account already registered`);
  }
}

/** The provider account is registered already (the verify call said so, or register refused a duplicate). */
export class ProviderAccountExistsError extends Error {
  constructor(
    readonly provider: ThirdPartyProvider,
    /** What the provider account is known by (its e-mail, phone or user id). */
    readonly loginName: string,
  ) {
    super(`${provider} account already registered`);
  }
}

/** An action was asked for in a step that does not offer it (a view bug, or a double click). */
export class WrongStepError extends Error {
  constructor(action: string, step: Step['name']) {
    super(`${action} is not possible in step ${step}`);
  }
}

/** The gateway calls the flow makes; tests may replace any of them. */
export interface FlowCalls {
  accountExists: typeof accountExists;
  sendVerificationCode: typeof sendVerificationCode;
  register: typeof register;
  verifyProof: typeof verifyProof;
}

export interface FlowOptions {
  /** Read at every call, so attribute changes apply to the next request. */
  config: () => GatewayConfig;
  /** The page-configured register fields (registerSource, utm, ...), read when registering. */
  extras: () => RegisterExtras | Promise<RegisterExtras>;
  /** Called after every step change. */
  onStepReached?: (step: Step) => void;
  /** Called when `recovering` changes (the step stays). */
  onProgress?: () => void;
  /** Called when the Send whose answer is outstanding changes (kept for a reload: see first-step-draft.ts). */
  onUnansweredSend?: (send: UnansweredSend | undefined) => void;
  now?: () => number;
  calls?: Partial<FlowCalls>;
  /** Runs every verifyCodeSend, adding a challenge's token when the gateway asks for one (src/challenge/). */
  sendGuard?: SendGuard;
}

/** A Send whose answer has not arrived (yet, or ever): the next Send for the same account repeats it, same trace. */
export interface UnansweredSend {
  /** The account it was for (statusKey). */
  key: string;
  trace: string;
}

/** How long a status check made while the person typed stays good for the click. */
export const STATUS_CHECK_TTL_MS = 60_000;

export class RegistrationFlow {
  private current: Step = initialStep;
  /** Status checks started ahead of the click, by account. */
  private readonly statusChecks = new Map<string, { exists: Promise<boolean>; at: number }>();
  private readonly calls: FlowCalls;
  private readonly now: () => number;
  /** The Send whose answer is outstanding (see UnansweredSend). */
  private unansweredSend?: UnansweredSend;
  /** The account (statusKey) a Send's answer was lost for: a code may have arrived that the next one replaces. */
  private lostSendFor?: string;
  /** A register whose answer was lost: the next try with the same ticket and code repeats it (same trace). */
  private unansweredRegister?: { sendToken: string; verifyCode: string; trace: string };
  private recoveringNow = false;

  constructor(private readonly options: FlowOptions) {
    this.calls = { accountExists, sendVerificationCode, register, verifyProof, ...options.calls };
    this.now = options.now ?? Date.now;
  }

  get step(): Step {
    return this.current;
  }

  /**
   * Starts the status check of an account while the person is still typing
   * (the element calls this debounced), so that their click waits on one round
   * trip (the code) instead of two in series. A failed check is forgotten: the
   * click then checks again and shows the failure.
   */
  prefetchStatus(account: Account): void {
    const key = statusKey(account);
    const known = this.statusChecks.get(key);
    if (known && this.now() - known.at < STATUS_CHECK_TTL_MS) return;
    const exists = this.calls.accountExists(this.options.config(), account);
    exists.catch(() => this.statusChecks.delete(key));
    this.statusChecks.set(key, { exists, at: this.now() });
  }

  /** Finding out whether a register whose answer was lost went through (shown to the person). */
  get recovering(): boolean {
    return this.recoveringNow;
  }

  /** After a reload: the Send that was under way when the page went (its answer never came). */
  restoreUnansweredSend(send: UnansweredSend): void {
    this.unansweredSend = send;
    this.lostSendFor = send.key;
  }

  /**
   * Account step: make sure the account is new (using a check made while
   * typing, if fresh), then send it a code; all by `deadline` (epoch ms;
   * default one timeout from now), however long the early check has been
   * running: one press, one timeout. A Send repeating one whose answer was
   * lost goes with the same trace (see IDEMPOTENT_CALLS).
   */
  async requestCode(account: Account, signal?: AbortSignal, deadline?: number): Promise<CodeStep> {
    this.expect('requestCode', 'account');
    const config = this.options.config();
    const until = deadline ?? Date.now() + timeoutOf(config);
    const key = statusKey(account);
    const early = this.statusChecks.get(key);
    this.statusChecks.delete(key);
    const fresh = early && this.now() - early.at < STATUS_CHECK_TTL_MS ? await answeredBy(early.exists.catch(() => undefined), until) : undefined;
    const exists = fresh ?? (await this.calls.accountExists(config, account, { signal, deadline: until }));
    if (exists) throw new AccountExistsError(account);
    const { token, codesMayDiffer } = await this.sendCode(config, account, until, signal);
    signal?.throwIfAborted(); // reset while the answer was on its way
    return this.go({ ...codeSent(account, token, this.now()), codesMayDiffer });
  }

  /** Code step: a new code once the countdown ran out. */
  async resendCode(signal?: AbortSignal): Promise<CodeStep> {
    const step = this.expect('resendCode', 'code');
    if (!canResend(step, this.now())) throw new WrongStepError('resendCode before the countdown', step.name);
    const config = this.options.config();
    const { token, codesMayDiffer } = await this.sendCode(config, step.account, Date.now() + timeoutOf(config), signal);
    signal?.throwIfAborted();
    return this.go({ ...codeResent(this.expect('resendCode', 'code'), token, this.now()), codesMayDiffer });
  }

  /**
   * One send-code call. Until it is answered it is the unanswered Send: a
   * later Send for the account repeats it with the same trace, so a gateway
   * that replays answers with the ticket of the code that did arrive. After
   * a lost answer the next code's step says that the newest code counts
   * (`codesMayDiffer`): one that does not replay may have sent two.
   */
  private async sendCode(config: GatewayConfig, account: Account, deadline: number, signal?: AbortSignal) {
    const key = statusKey(account);
    const repeat = this.unansweredSend?.key === key ? this.unansweredSend.trace : undefined;
    this.setUnansweredSend({ key, trace: repeat ?? crypto.randomUUID() });
    let attempts = 0;
    // A send repeated with a challenge's token is a new request (the refused one's trace would get its refusal again).
    const attempt: SendAttempt = (challenge, until = deadline) => {
      if (attempts++) this.setUnansweredSend({ key, trace: crypto.randomUUID() });
      return this.calls.sendVerificationCode(config, account, { signal, trace: this.unansweredSend!.trace, deadline: until }, challenge);
    };
    try {
      const token = await (this.options.sendGuard ? this.options.sendGuard(account, attempt, signal) : attempt());
      this.setUnansweredSend(undefined);
      const codesMayDiffer = this.lostSendFor === key;
      this.lostSendFor = undefined;
      return { token, codesMayDiffer };
    } catch (error) {
      // Refused: the gateway said what it did. Otherwise (lost, cancelled) it may have sent a code.
      if (error instanceof GatewayError && !isAmbiguous(error)) this.setUnansweredSend(undefined);
      else this.lostSendFor = key;
      throw error;
    }
  }

  private setUnansweredSend(send: UnansweredSend | undefined) {
    this.unansweredSend = send;
    this.options.onUnansweredSend?.(send);
  }

  /**
   * Code step: register with the code the person typed. When the answer is
   * lost (isAmbiguous), or a repeat after a lost answer is refused because the
   * ticket is spent or the account exists, the flow finds out (recoverRegister)
   * before it says anything: registered (with the customer when the repeat is
   * answered, else unconfirmed), or the failure, with the code kept.
   */
  async submitCode(verifyCode: string, signal?: AbortSignal): Promise<DoneStep | UnderReviewStep> {
    const registering = this.go(registeringStarted(this.expect('submitCode', 'code')));
    const config = this.options.config();
    const lost = this.unansweredRegister?.sendToken === registering.sendToken ? this.unansweredRegister : undefined;
    const trace = lost?.verifyCode === verifyCode ? lost.trace : crypto.randomUUID();
    try {
      const body = registerBody(registering.account, registering.sendToken, verifyCode, await this.options.extras());
      let outcome: RegisterOutcome | 'unconfirmed';
      try {
        outcome = await this.calls.register(config, body, { signal, trace });
      } catch (error) {
        if (signal?.aborted) throw error;
        const ambiguous = isAmbiguous(error);
        if (ambiguous) this.unansweredRegister = { sendToken: registering.sendToken, verifyCode, trace };
        const code = error instanceof GatewayRefusal ? error.code : '';
        const spentByUs = TICKET_USED_CODES.has(code) || (!!lost && (DEAD_TICKET_CODES.has(code) || ACCOUNT_EXISTS_CODES.has(code)));
        if (!ambiguous && !spentByUs) throw error;
        const found = await this.recoverRegister(config, registering, body, ambiguous ? trace : undefined, signal);
        if (!found) throw error;
        outcome = found;
      }
      signal?.throwIfAborted();
      this.unansweredRegister = undefined;
      return this.go(
        outcome === 'unconfirmed'
          ? registrationUnconfirmed(registering)
          : outcome.kind === 'registered'
            ? registrationSucceeded(registering, outcome.customer)
            : registrationUnderReview(registering, outcome.message),
      );
    } catch (error) {
      // Cancelled (reset): the step was already set by whoever cancelled.
      if (signal?.aborted) throw error;
      const code = error instanceof GatewayRefusal ? error.code : undefined;
      this.go(registrationFailed(registering, code));
      // Registered meanwhile (another tab, another device): say so, as on the first step.
      if (code && ACCOUNT_EXISTS_CODES.has(code)) throw new AccountExistsError(registering.account);
      throw error;
    }
  }

  /**
   * Did a register whose answer was lost go through? Within one timeout, shown
   * (`recovering`): checkStatus for the account; if it exists and the lost
   * request can be repeated (`trace`), the repeat, whose answer a replaying
   * gateway gives; else (or if the repeat is refused) registered, unconfirmed.
   * Undefined: not registered, or it could not be found out.
   */
  private async recoverRegister(
    config: GatewayConfig,
    registering: { account: Account },
    body: Record<string, unknown>,
    trace: string | undefined,
    signal?: AbortSignal,
  ): Promise<RegisterOutcome | 'unconfirmed' | undefined> {
    const deadline = Date.now() + timeoutOf(config);
    this.setRecovering(true);
    try {
      if (!(await this.calls.accountExists(config, registering.account, { signal, deadline }))) return undefined;
      if (!trace) return 'unconfirmed';
      return await this.calls.register(config, body, { signal, trace, deadline }).catch((error) => {
        if (signal?.aborted) throw error;
        return 'unconfirmed' as const;
      });
    } catch (error) {
      if (signal?.aborted) throw error;
      return undefined;
    } finally {
      this.setRecovering(false);
    }
  }

  private setRecovering(recovering: boolean) {
    this.recoveringNow = recovering;
    this.options.onProgress?.();
  }

  /**
   * Account step: registers the provider account a proof stands for. The
   * gateway verifies the proof first; a provider account that is registered
   * already gets no second customer. With `confirmFirst` (the page is framed by
   * another origin: a second action) the verified account waits in the confirm step instead.
   */
  async registerWithProvider(
    proof: ProviderProof,
    residence: { country: string; dialCode: string },
    signal?: AbortSignal,
    confirmFirst = false,
  ): Promise<ConfirmStep | DoneStep | UnderReviewStep> {
    this.expect('registerWithProvider', 'account');
    const verified = await this.calls.verifyProof(this.options.config(), proof, { signal });
    if (verified.registered) throw new ProviderAccountExistsError(proof.provider, thirdPartyLoginName(verified));
    signal?.throwIfAborted();
    const account: ThirdPartyAccount = {
      channel: 'third-party',
      provider: proof.provider,
      userId: verified.userId,
      loginName: thirdPartyLoginName(verified),
      ...residence,
    };
    const { binding } = verified;
    if (confirmFirst) return this.go({ name: 'confirm', account, binding });
    return this.registerVerified(account, binding, 'registerWithProvider', 'account', signal);
  }

  /** Confirm step: the second action came; register the verified provider account. */
  confirmProvider(signal?: AbortSignal): Promise<DoneStep | UnderReviewStep> {
    const { account, binding } = this.expect('confirmProvider', 'confirm');
    return this.registerVerified(account, binding, 'confirmProvider', 'confirm', signal);
  }

  private async registerVerified(
    account: ThirdPartyAccount,
    binding: ProofBinding,
    action: string,
    from: 'account' | 'confirm',
    signal?: AbortSignal,
  ): Promise<DoneStep | UnderReviewStep> {
    const config = this.options.config();
    const body = thirdPartyRegisterBody(account, binding, await this.options.extras());
    let outcome;
    try {
      outcome = await this.calls.register(config, body, { signal });
    } catch (error) {
      if (error instanceof GatewayRefusal && ACCOUNT_EXISTS_CODES.has(error.code)) throw new ProviderAccountExistsError(account.provider, account.loginName);
      throw error;
    }
    signal?.throwIfAborted();
    this.expect(action, from);
    return this.go(
      outcome.kind === 'registered'
        ? { name: 'done', account, customer: outcome.customer }
        : { name: 'under-review', account, message: outcome.message },
    );
  }

  /** Account step: back to a code step kept from before a reload (see session-resume.ts). */
  resume(step: CodeStep): void {
    this.expect('resume', 'account');
    this.go(step);
  }

  /** Code or confirm step: back to the account step (to correct the address, or choose another way). */
  changeAccount(): void {
    if (this.current.name !== 'confirm') this.expect('changeAccount', 'code');
    this.go(initialStep);
  }

  /** Any step: start over. */
  reset(): void {
    this.go(initialStep);
  }

  private expect<N extends Step['name']>(action: string, name: N): Extract<Step, { name: N }> {
    if (this.current.name !== name) throw new WrongStepError(action, this.current.name);
    return this.current as Extract<Step, { name: N }>;
  }

  private go<S extends Step>(step: S): S {
    this.current = step;
    this.options.onStepReached?.(step);
    return step;
  }
}

function timeoutOf(config: GatewayConfig): number {
  return config.timeoutMs ?? DEFAULT_TIMEOUT_MS;
}

/**
 * A status check started earlier, if it answers by `deadline` (epoch ms);
 * past it, the press has waited its one timeout: a timeout failure.
 */
function answeredBy<T>(answer: Promise<T>, deadline: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new TransportFailure('checkStatus', '', 'timeout')), Math.max(0, deadline - Date.now()));
  });
  return Promise.race([answer, late]).finally(() => clearTimeout(timer));
}

/** What a status check depends on: the channel, the login name and the area sent with it. */
function statusKey(account: Account): string {
  return account.channel === 'email'
    ? `email|${account.email.toLowerCase()}|${account.dialCode}`
    : `phone|${account.phoneArea}|${account.nationalNumber}`;
}
