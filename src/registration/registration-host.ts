/**
 * The element as the registration chunk works with it: the door the element
 * handed over (its options, strings and first-step form), and what the chunk
 * derives from them or does to the shadow root itself. Every controller of the
 * chunk reaches the element through this one object.
 */
import type { CSSResult } from 'lit';
import type { RegistrationDoor } from '../element/registration-seam.js';
import { focusById } from '../element/templates.js';
import type { AccountChannel } from '../core/gateway/contract.js';
import type { GatewayConfig } from '../core/gateway/transport.js';
import { configProblemOf, gatewayConfigOf, gatewayHostOf, offeredMethodsOf } from '../core/gateway/gateway-options.js';

export interface RegistrationHost extends RegistrationDoor {
  /** The gateway's origin (`host`, else the page's). */
  gatewayHost(): string;
  /** Which option keeps the element from working (`company-id` or `host`), or undefined. */
  configProblem(): 'company-id' | 'host' | undefined;
  /** The gateway every call goes to. */
  gatewayConfig(): GatewayConfig;
  /** The browser says it has no network (as the element shows it: it reads the same). */
  offline(): boolean;
  /** The methods offered, in the site's order. */
  offeredMethods(): AccountChannel[];
  /** Focuses an element of the shadow root by id once the pending render is done. */
  focus(id: string): void;
  /** Adds a lazy chunk's styles to the shadow root. */
  adopt(styles: CSSResult): void;
  /** A console warning that says what to fix, once per message (per element). */
  warn(message: string): void;
  /** The site filled the `terms` slot: its checkbox must be ticked before an account is created. */
  hasTerms(): boolean;
}

export function registrationHost(door: RegistrationDoor): RegistrationHost {
  const { element } = door;
  const warned = new Set<string>();
  return {
    ...door,
    gatewayHost: () => gatewayHostOf(element),
    configProblem: () => configProblemOf(element),
    gatewayConfig: () => gatewayConfigOf(element, door.i18n.requestedTag),
    offeredMethods: () => offeredMethodsOf(element.methods),
    offline: () => !navigator.onLine,
    focus: (id) => focusById(element, id),
    adopt({ styleSheet }) {
      const root = element.renderRoot as ShadowRoot;
      if (styleSheet && !root.adoptedStyleSheets.includes(styleSheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, styleSheet];
    },
    warn(message) {
      if (warned.has(message)) return;
      warned.add(message);
      console.warn(`<customer-register>: ${message}.`);
    },
    hasTerms: () => !!element.querySelector(':scope > [slot="terms"]'),
  };
}
