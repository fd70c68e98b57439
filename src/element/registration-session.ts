/**
 * The one seam between the element (the entry: it draws the first step the
 * moment it is defined and keeps what is typed) and the lazy registration
 * chunk (everything from the first check of what was typed on). Types only:
 * nothing here reaches the entry's bytes.
 *
 * The element implements `RegistrationElement`; the chunk's
 * `startRegistration(element)` returns a `RegistrationSession`, the only thing
 * the element calls on the chunk.
 */
import type { CSSResult, ReactiveControllerHost, TemplateResult } from 'lit';
import type { AccountChannel } from '../core/gateway/contract.js';
import type { GatewayConfig } from '../core/gateway/transport.js';
import type { AccountType } from '../core/gateway/contract.js';
import type { EmbeddingAttributes } from '../core/embedding/page-embedding.js';
import type { SignInLinkAttributes } from '../core/embedding/sign-in-link.js';
import type { ProviderOptions } from '../core/providers/provider-options.js';
import type { LocalizeController } from '../core/i18n/localize.js';
import type { Step } from '../core/flow/steps.js';

export type Field = 'email' | 'country' | 'phone' | 'password';

/** What the person has entered on the first step; kept across steps, method switches and failures. */
export interface FirstStepForm {
  /** The registration method on screen. */
  method: AccountChannel;
  email: string;
  /** The gateway code of the country the person chose (empty: the most likely one is preselected). */
  selectedCountry: string;
  /** Kept only in memory, cleared once registered; only its MD5 digest is sent. */
  password: string;
  passwordVisible: boolean;
  accountType?: AccountType;
  /** Inline messages under the fields, shown after a submit attempt. */
  errors: Partial<Record<Field, string>>;
}

/** The element as the registration chunk sees it: its attributes, its form, and the few services it lends. */
export interface RegistrationElement extends ReactiveControllerHost, HTMLElement, EmbeddingAttributes, SignInLinkAttributes, ProviderOptions {
  companyId: string;
  /** The `host` attribute as set (the gateway's origin, or empty). */
  host: string;
  country: string;
  attribution: 'on' | 'off';
  readonly renderRoot: HTMLElement | DocumentFragment;
  readonly i18n: LocalizeController;
  readonly form: FirstStepForm;
  readonly offline: boolean;
  /** The gateway's origin (`host`, else the page's). */
  readonly gatewayHost: string;
  /** Which input keeps the element from working (`company-id` or `host`), or undefined. */
  readonly configProblem: 'company-id' | 'host' | undefined;
  /** The methods offered, in the site's order. */
  readonly offeredMethods: AccountChannel[];
  gatewayConfig(): GatewayConfig;
  /** Changes what the form holds (and re-renders). */
  setForm(change: Partial<FirstStepForm>): void;
  selectMethod(method: AccountChannel, focusTab?: boolean): void;
  /** Focuses an element of the shadow root by id once the pending render is done. */
  focusById(id: string): void;
  /** Adds a lazy chunk's styles to the shadow root. */
  adopt(styles: CSSResult): void;
  /** A console warning that says what to fix, once per message. */
  warn(message: string): void;
}

/** The steps after the first, as the element's render switch hands them over. */
export type LaterStep = Exclude<Step, { name: 'account' }>;

/** What the element asks of the registration chunk. */
export interface RegistrationSession {
  /** The step on screen. */
  readonly step: Step;
  /** The first step's Send is under way (checking, waiting for the country list, or sending). */
  readonly sending: boolean;
  /** Checks the first step and sends the code; resolves once that is done or refused. */
  submit(): Promise<void>;
  /** The person changed a field: its message goes, and the account's status is checked ahead of Send. */
  fieldEdited(field: Field): void;
  /** The person switched method: the previous method's failure goes. */
  dismissError(): void;
  /** The first step's parts that need the gateway or the page's settings. */
  renderCountry(): TemplateResult;
  renderPhone(): TemplateResult;
  renderExtras(): unknown;
  renderProviders(): unknown;
  /** The later steps, one view each. */
  renderCode(step: Extract<Step, { name: 'code' | 'registering' }>): TemplateResult;
  renderConfirm(step: Extract<Step, { name: 'confirm' }>): TemplateResult;
  renderOutcome(step: Extract<Step, { name: 'done' | 'under-review' }>): TemplateResult;
  /** Another step is on screen. */
  stepShown(step: Step): void;
  /** Back online: tries again what failed for lack of a network. */
  retryFailed(): void;
  /** Back to the first step; typed values (but the code) are kept. */
  reset(): void;
}
