/**
 * Everything the element needs from the moment the person submits the first
 * step, as one lazy chunk: the flow and its gateway calls, the register fields
 * a page configures, and the views of the later steps. The element starts
 * loading it right after its first render, so it is there before anyone can
 * finish typing, and the first step stays small.
 */
export { RegistrationController } from './flow/registration-controller.js';
export { errorCode, errorMessage } from './flow/error-message.js';
export { canResend } from './flow/steps.js';
export { listenForSmsCode } from './flow/web-otp.js';
export { registerExtras } from './embedding/register-fields.js';
export { firstTouch, utmFromUrl } from './embedding/attribution.js';
export { describeDevice } from './embedding/device.js';
export { meetsPasswordRules, passwordDigest } from './embedding/password.js';
export { renderCodeStep, renderOutcome } from './views/verification-view.js';
export { renderAccountTypes, renderPasswordField } from './views/account-extras-view.js';
export { laterStyles } from './views/later-styles.js';
