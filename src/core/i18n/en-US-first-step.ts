/**
 * The source strings of the first step: the only ones the entry script ships.
 * Everything shown after it (code step, outcome, errors of later calls, the
 * phone field's checks, third-party sign-in) is in en-US-later.ts, which the
 * lazy chunks that show those strings bring with them.
 */
export const enUSFirstStep = {
  formLabel: 'Register',
  emailLabel: 'Email address',
  countryLabel: 'Country or region of residence',
  countryPlaceholder: 'Choose a country or region',
  countriesLoading: 'Loading countries and regions…',
  countriesFailed: 'We could not load the list of countries and regions.',
  retry: 'Try again',
  sendCode: 'Send verification code',
  sendingCode: 'Sending code…',
  methodLabel: 'Register with',
  methodEmail: 'Email',
  methodPhone: 'Mobile',
  phoneLabel: 'Mobile number',
  phoneLoading: 'Loading the mobile number field…',
  phoneLoadFailed: 'The mobile number field could not be loaded.',
  emailRequired: 'Enter your email address.',
  emailInvalid: 'Enter a valid email address, like name@example.com.',
  countryRequired: 'Choose your country or region of residence.',
  offline: "You're offline. We've kept what you entered. You can continue when you're back online.",
  network: 'We could not reach the server. Please check your connection and try again.',
  notConfigured: 'This registration form is not set up correctly. Please contact the site owner.',
};
