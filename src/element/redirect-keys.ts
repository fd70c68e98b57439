/** sessionStorage: the sign-in a full-page redirect is waiting for (state, nonce, verifier, where to return). */
export const PENDING_SIGN_IN_KEY = 'customer-register:pending-sign-in';

/** sessionStorage: the answer the callback page received after a full-page redirect. */
export const SIGN_IN_RESULT_KEY = 'customer-register:sign-in-result';
