/**
 * Binds one element to its own registration flow: runs the flow's actions as a
 * @lit/task (so the view can show progress and errors next to the action that
 * caused them) and ticks the resend countdown while it matters. It fires no
 * event: the element fires all of them, from the steps and failures reported
 * here. One controller per element: elements on a page never share flow state.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { Task, TaskStatus } from '@lit/task';
import { RegistrationFlow, type FlowOptions } from '../core/flow/registration-flow.js';
import { canResend, type Step } from '../core/flow/steps.js';
import type { Account } from '../core/gateway/account.js';

/** The user actions that call the gateway; each shows its own progress. */
export type ActionName = 'send' | 'resend' | 'register' | 'provider';

type ActionArgs = [name: ActionName, run: (signal: AbortSignal) => Promise<unknown>];

export class RegistrationController implements ReactiveController {
  readonly flow: RegistrationFlow;
  private readonly action: Task<ActionArgs, unknown>;
  private dismissedError: unknown;
  /** The action the task last ran (the Task keeps its args private). */
  private lastAction?: ActionName;
  private ticker?: ReturnType<typeof setInterval>;
  private statusTimer?: ReturnType<typeof setTimeout>;

  constructor(
    private readonly element: ReactiveControllerHost & HTMLElement,
    private readonly options: Omit<FlowOptions, 'onStepReached'> & {
      /** Called when an action fails with a failure the person is shown. */
      onError?: (error: unknown) => void;
      /** Called when the flow reaches another step (before it is drawn). */
      onStepReached?: (step: Step) => void;
    },
  ) {
    element.addController(this);
    this.flow = new RegistrationFlow({ ...options, onStepReached: (step) => this.stepReached(step), onProgress: () => element.requestUpdate() });
    this.action = new Task<ActionArgs, unknown>(element, {
      task: async ([, run], { signal }) => {
        try {
          return await run(signal);
        } catch (error) {
          if (!signal.aborted) this.options.onError?.(error);
          throw error;
        }
      },
      autoRun: false,
    });
  }

  get step(): Step {
    return this.flow.step;
  }

  /** The action whose gateway call is under way, if any. */
  get busy(): ActionName | undefined {
    return this.action.status === TaskStatus.PENDING ? this.lastAction : undefined;
  }

  /** The last action's failure, until the person moves on. */
  get error(): unknown {
    const { status, error } = this.action;
    // A cancelled action (reset) failed for nobody: nothing to show.
    const cancelled = error instanceof DOMException && error.name === 'AbortError';
    return status === TaskStatus.ERROR && error !== this.dismissedError && !cancelled ? error : undefined;
  }

  /** The action that failed last (with `error`). */
  get failedAction(): ActionName | undefined {
    return this.error === undefined ? undefined : this.lastAction;
  }

  /**
   * Runs an action unless one is under way: a double click or a mashed Enter
   * sends exactly one request. Resolves false when it did not run.
   */
  async run(name: ActionName, run: (signal: AbortSignal) => Promise<unknown>): Promise<boolean> {
    if (this.busy) return false;
    clearTimeout(this.statusTimer); // the action checks for itself
    this.lastAction = name;
    await this.action.run([name, run]);
    return this.action.status === TaskStatus.COMPLETE;
  }

  /**
   * Checks the status of the account `read` returns, once the person has
   * paused typing for 300 ms (and no action is under way), so their click
   * waits on one round trip (the code), not two.
   */
  checkStatusSoon(read: () => Account | undefined): void {
    clearTimeout(this.statusTimer);
    this.statusTimer = setTimeout(() => {
      const account = this.busy ? undefined : read();
      if (account) this.flow.prefetchStatus(account);
    }, 300);
  }

  /** Cancels the action under way (its request is aborted; its answer changes nothing). */
  cancel(): void {
    this.action.abort();
  }

  /** Hides the current error (the person edited the field it was about). */
  dismissError(): void {
    if (this.action.error !== undefined && this.dismissedError !== this.action.error) {
      this.dismissedError = this.action.error;
      this.element.requestUpdate();
    }
  }

  hostUpdated(): void {
    const step = this.flow.step;
    const counting = step.name === 'code' && !canResend(step, Date.now());
    if (counting && !this.ticker) {
      this.ticker = setInterval(() => this.element.requestUpdate(), 1000);
    } else if (!counting && this.ticker) {
      this.stopTicker();
    }
  }

  hostDisconnected(): void {
    this.stopTicker();
    clearTimeout(this.statusTimer);
  }

  private stopTicker() {
    clearInterval(this.ticker);
    this.ticker = undefined;
  }

  private stepReached(step: Step) {
    this.dismissError();
    this.element.requestUpdate();
    this.options.onStepReached?.(step);
  }
}
