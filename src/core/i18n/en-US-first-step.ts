/**
 * The source strings of the first step as the entry draws it before the
 * registration chunk arrives: the only ones the entry script ships. Everything
 * the chunks show (the first step's checks and load failures, code step,
 * outcome, errors of later calls, the phone field's checks, third-party
 * sign-in) is in en-US-later.ts, which comes with the registration chunk.
 */
export const enUSFirstStep = {
  formLabel: 'Register',
  emailLabel: 'Email address',
  countryLabel: 'Country or region of residence',
  countryPlaceholder: 'Choose a country or region',
  countriesLoading: 'Loading countries and regions…',
  retry: 'Try again',
  sendCode: 'Send verification code',
  sendingCode: 'Sending code…',
  methodLabel: 'Register with',
  methodEmail: 'Email',
  methodPhone: 'Mobile',
  phoneLabel: 'Mobile number',
  phoneLoading: 'Loading the mobile number field…',
  offline: "You're offline. We've kept what you entered. You can continue when you're back online.",
  network: 'We could not reach the server. Please check your connection and try again.',
  notConfigured: 'This registration form is not set up correctly. Please contact the site owner.',
};
