/**
 * The registration flow's I/O: which gateway calls each user action makes, in
 * what order, and which step results. No DOM and no Lit: a test drives it
 * directly against the reference gateway.
 */
import type { Account } from '../gateway/account.js';
import { accountExists } from '../gateway/check-status.js';
import { register, registerBody, type RegisterExtras } from '../gateway/register.js';
import { sendVerificationCode } from '../gateway/send-code.js';
import { GatewayRefusal, type GatewayConfig } from '../gateway/transport.js';
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

export class RegistrationFlow {
  private current: Step = initialStep;
  private readonly calls: FlowCalls;
  private readonly now: () => number;

  constructor(private readonly options: FlowOptions) {
    this.calls = { accountExists, sendVerificationCode, register, ...options.calls };
    this.now = options.now ?? Date.now;
  }

  get step(): Step {
    return this.current;
  }

  /** Account step: make sure the account is new, then send it a code. */
  async requestCode(account: Account, signal?: AbortSignal): Promise<CodeStep> {
    this.expect('requestCode', 'account');
    const config = this.options.config();
    if (await this.calls.accountExists(config, account, { signal })) throw new AccountExistsError(account);
    const sendToken = await this.calls.sendVerificationCode(config, account, { signal });
    return this.go(codeSent(account, sendToken, this.now()));
  }

  /** Code step: a new code once the countdown ran out (or at once when the old ticket is spent). */
  async resendCode(signal?: AbortSignal): Promise<CodeStep> {
    const step = this.expect('resendCode', 'code');
    if (!canResend(step, this.now())) throw new WrongStepError('resendCode before the countdown', step.name);
    const sendToken = await this.calls.sendVerificationCode(this.options.config(), step.account, { signal });
    return this.go(codeResent(this.expect('resendCode', 'code'), sendToken, this.now()));
  }

  /** Code step: register with the code the person typed. */
  async submitCode(verifyCode: string, signal?: AbortSignal): Promise<DoneStep | UnderReviewStep> {
    const registering = this.go(registeringStarted(this.expect('submitCode', 'code')));
    try {
      const body = registerBody(registering.account, registering.sendToken, verifyCode, await this.options.extras());
      const outcome = await this.calls.register(this.options.config(), body, { signal });
      return this.go(
        outcome.kind === 'registered'
          ? registrationSucceeded(registering, outcome.customer)
          : registrationUnderReview(registering, outcome.message),
      );
    } catch (error) {
      this.go(registrationFailed(registering, error instanceof GatewayRefusal ? error.code : undefined));
      throw error;
    }
  }

  /** Code step: back to the account step to correct the address. */
  changeAccount(): void {
    this.expect('changeAccount', 'code');
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
