/**
 * Everything the element needs from the moment the person submits the first
 * step, as one lazy chunk: the flow and its gateway calls, the register fields
 * a page configures, and the views of the later steps. The element starts
 * loading it right after its first render, so it is there before anyone can
 * finish typing, and the first step stays small.
 */
export { RegistrationController } from './flow/registration-controller.js';
export { errorCode, errorMessage } from './views/error-message.js';
export { firstTouch, utmFromUrl } from './embedding/attribution.js';
export {
  checkAttributes,
  collectRegisterExtras,
  effectiveAccountType,
  offeredAccountTypes,
  passwordMode,
  passwordProblem,
} from './embedding/page-embedding.js';
export { LaterStepsController } from './views/later-steps-controller.js';
export { renderSendError } from './views/send-error-view.js';
export { accountExistsDetail, signInUrlFor } from './embedding/sign-in-link.js';
export { AccountExistsError } from './flow/registration-flow.js';
export { renderAccountTypes, renderPasswordField } from './views/account-extras-view.js';
export { laterStyles } from './views/later-styles.js';
export { loadCodeStep, rememberStep, resumeKey } from './flow/session-resume.js';
