/**
 * The one seam between the element (the entry: it draws the first step the
 * moment it is defined and keeps what is typed) and the lazy registration
 * chunk (everything from the first check of what was typed on). Types only:
 * nothing here reaches the entry's bytes.
 *
 * The element hands the chunk a `RegistrationDoor` (its options, read-only,
 * and its first-step form); the chunk's `startRegistration(door)` returns a
 * `RegistrationSession`, the only thing the element calls on the chunk.
 */
import type { ReactiveControllerHost, TemplateResult } from 'lit';
import type { AccountChannel } from '../core/gateway/contract.js';
import type { EmbeddingAttributes } from '../core/embedding/page-embedding.js';
import type { SignInLinkAttributes } from '../core/embedding/sign-in-link.js';
import type { CountryNamesOption } from '../core/embedding/country-names.js';
import type { ProviderOptions } from '../core/providers/provider-options.js';
import type { LocalizeController } from '../core/i18n/localize.js';
import type { Step } from '../core/flow/steps.js';

/** A first-step control that can carry a message (`terms`: the site's terms checkbox, drawn by the registration chunk). */
export type Field = 'email' | 'country' | 'phone' | 'password' | 'terms';

/** What the element keeps of the first step: what its own view draws (the rest is the registration chunk's). */
export interface FirstStepForm {
  /** The registration method on screen. */
  method: AccountChannel;
  email: string;
  /** Inline messages under the fields, shown after a submit attempt. */
  errors: Partial<Record<Field, string>>;
}

/** The element's public options, as the registration chunk reads them (it never writes them). */
export type ElementOptions = Readonly<
  EmbeddingAttributes &
    SignInLinkAttributes &
    ProviderOptions & {
      companyId: string;
      /** The `host` attribute as set (the gateway's origin, or empty). */
      host: string;
      country: string;
      countryNames?: CountryNamesOption;
      attribution: 'on' | 'off';
      requestTimeout: number;
      continueUrl?: string;
      registerAnother?: boolean;
    }
>;

/**
 * The small door the element hands the registration chunk: the element as a
 * controller host and the target of its events, with its options read-only,
 * and the few things only the element holds. Built by the element in a
 * closure, so that nothing the chunk needs is public on the element.
 */
export interface RegistrationDoor {
  readonly element: ReactiveControllerHost & HTMLElement & ElementOptions & { readonly renderRoot: HTMLElement | DocumentFragment };
  /** The element's strings, language and direction. */
  readonly i18n: LocalizeController;
  /** What the element keeps of the first step. */
  form(): FirstStepForm;
  /** Changes it (and re-renders). */
  setForm(change: Partial<FirstStepForm>): void;
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
  /** Under the e-mail input: "Did you mean …?" (id `email-suggestion`, which the input names in aria-describedby). */
  renderEmailHint(): TemplateResult;
  renderPhone(): TemplateResult;
  renderPageOptions(): unknown;
  renderProviders(): unknown;
  /** The later steps, one view each. */
  renderCode(step: Extract<Step, { name: 'code' | 'registering' }>): TemplateResult;
  renderConfirm(step: Extract<Step, { name: 'confirm' }>): TemplateResult;
  renderOutcome(step: Extract<Step, { name: 'done' | 'under-review' }>): TemplateResult;
  /** Back online: tries again what failed for lack of a network. */
  retryFailed(): void;
  /** Back to the first step; typed values (but the code) are kept. */
  reset(): void;
}
