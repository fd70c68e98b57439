/**
 * "Did you mean ann@gmail.com?" under the e-mail field: the address the person
 * probably meant when the domain they typed is a near miss of a large mail
 * provider's or ends in a mistyped .com (suggestEmail, core/flow/email-typo.ts).
 * Offered once the person leaves the field, or presses Send; one press takes it.
 * Never a verdict and never in Send's way: Send sends what was typed, suggestion
 * or not (a person may mean exactly that). Part of the lazy registration chunk;
 * the element's e-mail field draws it (RegistrationSession.renderEmailHint).
 */
import { html, nothing, type ReactiveController } from 'lit';
import type { Translation } from '../core/i18n/localize.js';
import type { RegistrationHost } from './registration-host.js';
import { suggestEmail } from '../core/flow/email-typo.js';
import { renderWithAddress } from './address-sentence.js';

export class EmailSuggestion implements ReactiveController {
  /** The address offered, and the one typed it was offered for (another address typed or set hides it). */
  private offer?: { typed: string; meant: string };
  /** A mouse button or finger is down: what it presses must not move before its click lands. */
  private pressing = false;
  /** The person left the field during a press: offered once the press is over. */
  private offerAfterPress = false;

  constructor(
    private readonly host: RegistrationHost,
    /** The address was accepted (and is in the form): what typing it would have done. */
    private readonly onAccepted: () => void,
  ) {
    host.element.addController(this);
  }

  hostConnected(): void {
    this.host.element.renderRoot.addEventListener('focusout', this.onFocusOut);
    addEventListener('pointerdown', this.onPointerDown, true);
    addEventListener('pointerup', this.onPointerUp, true);
    addEventListener('pointercancel', this.onPointerUp, true);
  }

  hostDisconnected(): void {
    this.host.element.renderRoot.removeEventListener('focusout', this.onFocusOut);
    removeEventListener('pointerdown', this.onPointerDown, true);
    removeEventListener('pointerup', this.onPointerUp, true);
    removeEventListener('pointercancel', this.onPointerUp, true);
  }

  private readonly onPointerDown = () => {
    this.pressing = true;
  };

  private readonly onPointerUp = () => {
    this.pressing = false;
    if (!this.offerAfterPress) return;
    this.offerAfterPress = false;
    // After the click this press makes: the suggestion moves what is below the field, so not before it lands.
    setTimeout(() => this.show());
  };

  /**
   * The person left the e-mail field. Shown in a later task, never during the press
   * or tap that moved focus away (a Send, the country list, a page link below): the
   * suggestion pushes them down, and the click would land beside what was pressed.
   */
  private readonly onFocusOut = (event: Event) => {
    if ((event.target as Element | null)?.id !== 'email') return;
    if (this.pressing) this.offerAfterPress = true;
    else setTimeout(() => this.show());
  };

  /** Offers the likely address for what is typed now (Send pressed, or the field left), or hides it when there is none. */
  show(): void {
    const { method, email } = this.host.form();
    const meant = method === 'email' ? suggestEmail(email) : undefined;
    const offer = meant && meant !== email ? { typed: email, meant } : undefined;
    if (offer?.meant === this.offer?.meant && offer?.typed === this.offer?.typed) return;
    this.offer = offer;
    this.host.element.requestUpdate();
  }

  /** The person is typing again: the suggestion goes until they leave the field (or press Send). */
  hide(): void {
    this.offerAfterPress = false;
    if (!this.offer) return;
    this.offer = undefined;
    this.host.element.requestUpdate();
  }

  /** The address offered takes the typed one's place; the field keeps the focus the suggestion had. */
  private accept(meant: string) {
    this.offer = undefined;
    this.host.setForm({ email: meant });
    this.host.focus('email');
    this.onAccepted();
  }

  /**
   * Under the e-mail input, always there (a live region is announced only if it
   * was there before its words), and taking no room while empty (later-styles.ts).
   * The input names it in aria-describedby.
   */
  render() {
    const { t } = this.host.i18n;
    const offer = this.offer?.typed === this.host.form().email ? this.offer : undefined;
    return html`<p class="hint" id="email-suggestion" role="status">${offer
      ? html`<button type="button" class="link" part="link" @click=${() => this.accept(offer.meant)}>${renderQuestion(t, offer.meant)}</button>`
      : nothing}</p>`;
  }
}

/** "Did you mean ann@gmail.com?", the address in bold and left to right in any language (an isolate of its own). */
function renderQuestion(t: Translation, meant: string) {
  return renderWithAddress((address) => t.emailSuggestion(address), meant, (address) => html`<strong dir="ltr">${address}</strong>`);
}
