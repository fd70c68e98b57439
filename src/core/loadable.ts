/**
 * Something an element loads and then draws: a lazy chunk, the country list,
 * a provider's settings. One shape for all of them: where the load stands (one
 * status union), its value once ready, its error once failed, one way to try
 * again. Every change of status asks the host to re-render. (The gateway actions a person starts, Send and register, run as
 * a @lit/task in RegistrationController: they are not loads.)
 */

/** Where a load stands. */
export type LoadStatus = 'idle' | 'loading' | 'ready' | 'failed';

export class Loadable<T> {
  status: LoadStatus = 'idle';
  value?: T;
  error?: unknown;
  private pending?: Promise<T>;

  constructor(
    private readonly host: { requestUpdate(): void },
    private readonly load: () => Promise<T>,
  ) {}

  /** The load, started once and shared by every caller; after a failure the next call starts it again. */
  get(): Promise<T> {
    if (this.status === 'idle' || this.status === 'failed') {
      this.changeTo('loading');
      this.pending = this.load().then(
        (value) => {
          this.value = value;
          this.changeTo('ready');
          return value;
        },
        (error: unknown) => {
          this.error = error;
          this.changeTo('failed');
          throw error;
        },
      );
    }
    return this.pending!;
  }

  /** Starts the load (or again, after a failure) without waiting for it; its failure is drawn, not thrown. */
  start(): void {
    this.get().catch(() => {});
  }

  private changeTo(status: LoadStatus) {
    this.status = status;
    this.host.requestUpdate();
  }
}
