/** Small template pieces every step uses, and focusing one of them once it is drawn. */
import { html, nothing } from 'lit';

/**
 * A step's submit button; while its call runs it shows a spinner and says so, but keeps focus.
 * `unavailable` (offline, say): shown disabled, still focusable; the step's submit handler says why.
 */
export function renderPrimary(busy: boolean, label: string, unavailable = busy) {
  return html`
    <button class="primary" part="button" type="submit" aria-disabled=${unavailable ? 'true' : 'false'} aria-busy=${busy ? 'true' : 'false'}>
      ${busy ? html`<span class="spinner" aria-hidden="true"></span>` : nothing}<span>${label}</span>
    </button>
  `;
}

/**
 * A labelled field: the label names the control by `id`, and the error line
 * below it is `${id}-error`, which the control lists in its aria-describedby.
 */
export function renderField(id: string, label: unknown, control: unknown, error: string | undefined) {
  return html`
    <div class="field" part="field">
      <label for=${id}>${label}</label>
      ${control}
      <p id="${id}-error" class="field-error" part="field-error">${error ?? ''}</p>
    </div>
  `;
}

/** A load that failed: what went wrong, and the way on. */
export function renderRetry(message: string, retryLabel: string, onRetry: () => void) {
  return html`${renderFormError(message)}<button type="button" class="link" part="link" @click=${onRetry}>${retryLabel}</button>`;
}

/**
 * A failure shown to the person, announced by screen readers. Gateway text
 * stays text, never markup. `id` lets a field name it in aria-describedby.
 */
export function renderFormError(message: string | undefined, id?: string) {
  return message ? html`<p class="form-error" part="error" role="alert" id=${id ?? nothing}>${message}</p>` : nothing;
}

/** Focuses an element of the shadow root by id once the pending render is done. */
export function focusById(element: { updateComplete: Promise<unknown>; renderRoot: ParentNode }, id: string): void {
  void element.updateComplete.then(() => element.renderRoot.querySelector<HTMLElement>(`#${id}`)?.focus());
}
