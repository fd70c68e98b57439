/**
 * The package entry: defines `<customer-register>` (once, even if the script is
 * loaded twice) and declares its tag and events for TypeScript users.
 */
import { CustomerRegister } from './element/customer-register.component.js';
// Takes a provider redirect's records out of sessionStorage on every page that loads the element.
import './element/redirect-records.js';

export { CustomerRegister };
export type { RegisteredDetail, StepChangeDetail, RegisterErrorDetail, AccountExistsDetail, CustomerRegisterEventMap } from './core/embedding/events.js';

if (!customElements.get('customer-register')) customElements.define('customer-register', CustomerRegister);

declare global {
  interface HTMLElementTagNameMap {
    'customer-register': CustomerRegister;
  }
}
