/**
 * The registration flow's I/O: which gateway calls each user action makes, in
 * what order, and which step results. No DOM and no Lit: a test drives it
 * directly against the reference gateway.
 */
import type { Account, ThirdPartyAccount } from '../gateway/account.js';
import { accountExists } from '../gateway/check-status.js';
import { register, registerBody, thirdPartyRegisterBody, type RegisterExtras } from '../gateway/register.js';
import { verifyProof, type ProofBinding } from '../gateway/provider-verify.js';
import { sendVerificationCode } from '../gateway/send-code.js';
import { GatewayRefusal, type GatewayConfig } from '../gateway/transport.js';
import { ACCOUNT_EXISTS_CODES, thirdPartyLoginName, type ProviderProof, type ThirdPartyProvider } from '../gateway/contract.js';
import {
  canResend,
  codeResent,
  codeSent,
  initialStep,
  registeringStarted,
  registrationFailed,
  registrationSucceeded,
  registrationUnderReview,
  type CodeStep,
  type ConfirmStep,
  type DoneStep,
  type Step,
  type UnderReviewStep,
} from './steps.js';

/** The account is registered already: no code is sent, nothing can create a duplicate. */
export class AccountExistsError extends Error {
  constructor(readonly account: Account) {
    super(`${account.channel} account already registered`);
  }
}

/** The provider account is registered already (the verify call said so, or register refused a duplicate). */
export class ProviderAccountExistsError extends Error {
  constructor(readonly provider: ThirdPartyProvider) {
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
  onStep?: (step: Step) => void;
  now?: () => number;
  calls?: Partial<FlowCalls>;
}

/** How long a status check made while the person typed stays good for the click. */
export const STATUS_CHECK_TTL_MS = 60_000;

export class RegistrationFlow {
  private current: Step = initialStep;
  /** Status checks started ahead of the click, by account. */
  private readonly statusChecks = new Map<string, { exists: Promise<boolean>; at: number }>();
  private readonly calls: FlowCalls;
  private readonly now: () => number;

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

  /** Account step: make sure the account is new (using a check made while typing, if fresh), then send it a code. */
  async requestCode(account: Account, signal?: AbortSignal): Promise<CodeStep> {
    this.expect('requestCode', 'account');
    const config = this.options.config();
    const key = statusKey(account);
    const early = this.statusChecks.get(key);
    this.statusChecks.delete(key);
    const fresh = early && this.now() - early.at < STATUS_CHECK_TTL_MS ? early.exists.catch(() => undefined) : undefined;
    const exists = (await fresh) ?? (await this.calls.accountExists(config, account, { signal }));
    if (exists) throw new AccountExistsError(account);
    const sendToken = await this.calls.sendVerificationCode(config, account, { signal });
    signal?.throwIfAborted(); // reset while the answer was on its way
    return this.go(codeSent(account, sendToken, this.now()));
  }

  /** Code step: a new code once the countdown ran out. */
  async resendCode(signal?: AbortSignal): Promise<CodeStep> {
    const step = this.expect('resendCode', 'code');
    if (!canResend(step, this.now())) throw new WrongStepError('resendCode before the countdown', step.name);
    const sendToken = await this.calls.sendVerificationCode(this.options.config(), step.account, { signal });
    signal?.throwIfAborted();
    return this.go(codeResent(this.expect('resendCode', 'code'), sendToken, this.now()));
  }

  /** Code step: register with the code the person typed. */
  async submitCode(verifyCode: string, signal?: AbortSignal): Promise<DoneStep | UnderReviewStep> {
    const registering = this.go(registeringStarted(this.expect('submitCode', 'code')));
    try {
      const body = registerBody(registering.account, registering.sendToken, verifyCode, await this.options.extras());
      const outcome = await this.calls.register(this.options.config(), body, { signal });
      signal?.throwIfAborted();
      return this.go(
        outcome.kind === 'registered'
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
   * Account step: registers the provider account a proof stands for. The
   * gateway verifies the proof first; a provider account that is registered
   * already gets no second customer. With `confirmFirst` (the site has terms
   * to accept) the verified account waits in the confirm step instead.
   */
  async registerWithProvider(
    proof: ProviderProof,
    residence: { country: string; dialCode: string },
    signal?: AbortSignal,
    confirmFirst = false,
  ): Promise<ConfirmStep | DoneStep | UnderReviewStep> {
    this.expect('registerWithProvider', 'account');
    const verified = await this.calls.verifyProof(this.options.config(), proof, { signal });
    if (verified.registered) throw new ProviderAccountExistsError(proof.provider);
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

  /** Confirm step: the terms are accepted; register the verified provider account. */
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
      if (error instanceof GatewayRefusal && ACCOUNT_EXISTS_CODES.has(error.code)) throw new ProviderAccountExistsError(account.provider);
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
    this.options.onStep?.(step);
    return step;
  }
}

/** What a status check depends on: the channel, the login name and the area sent with it. */
function statusKey(account: Account): string {
  return account.channel === 'email'
    ? `email|${account.email.toLowerCase()}|${account.dialCode}`
    : `phone|${account.phoneArea}|${account.nationalNumber}`;
}
