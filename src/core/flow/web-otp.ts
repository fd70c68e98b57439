/**
 * WebOTP: where the browser supports it (Chrome on Android), it offers the code
 * from the incoming SMS, and the person only confirms. Elsewhere this does
 * nothing and the `one-time-code` autocomplete hint does the same job.
 */

interface OtpCredential extends Credential {
  code: string;
}

/** Starts listening; returns a function that stops. `onCode` gets the code once. */
export function listenForSmsCode(onCode: (code: string) => void): () => void {
  if (!('OTPCredential' in window) || !navigator.credentials) return () => {};
  const controller = new AbortController();
  navigator.credentials
    .get({ otp: { transport: ['sms'] }, signal: controller.signal } as CredentialRequestOptions)
    .then((credential) => {
      const code = (credential as OtpCredential | null)?.code;
      if (code && !controller.signal.aborted) onCode(code);
    })
    // Declined, aborted or unsupported: typing the code still works, so there is nothing to tell.
    .catch(() => {});
  return () => controller.abort();
}
