/**
 * The source strings. Every other locale file has exactly these keys (the
 * `Translation` type enforces it); parameters are passed to functions so each
 * language can place them where its grammar wants them.
 */
export const enUS = {
  formLabel: 'Create your account',
  emailLabel: 'Email address',
  countryLabel: 'Country or region of residence',
  countryPlaceholder: 'Choose a country or region',
  countriesLoading: 'Loading countries and regions…',
  countriesFailed: 'We could not load the list of countries and regions.',
  retry: 'Try again',
  sendCode: 'Send verification code',
  sendingCode: 'Sending code…',
  codeLabel: 'Verification code',
  codeSentTo: (destination: string) => `Enter the 6-digit code we sent to ${destination}.`,
  changeAccount: 'Use a different email address',
  createAccount: 'Create account',
  creatingAccount: 'Creating your account…',
  resendCode: 'Send a new code',
  resendingCode: 'Sending a new code…',
  resendIn: (seconds: number) => `You can request a new code in ${seconds} s`,
  newCodeSent: 'We sent you a new code.',
  requestNewCode: 'This code can no longer be used. Please request a new code.',
  successTitle: 'Your account is ready',
  successBody: (customerNo: string) => `Welcome aboard! Your customer number is ${customerNo}.`,
  reviewTitle: 'Thank you for registering',
  reviewBody: 'We are reviewing your registration and will get in touch soon.',
  startOver: 'Register another account',
  emailRequired: 'Enter your email address.',
  emailInvalid: 'Enter a valid email address, like name@example.com.',
  countryRequired: 'Choose your country or region of residence.',
  codeRequired: 'Enter the 6-digit code.',
  codeInvalid: 'The code is 6 digits long.',
  accountExistsEmail: 'An account with this email address already exists. Please sign in instead.',
  accountExistsPhone: 'An account with this phone number already exists. Please sign in instead.',
  timeout: 'The server took too long to answer. Please check your connection and try again.',
  network: 'We could not reach the server. Please check your connection and try again.',
  serverError: (status: number) => `The server ran into a problem (error ${status}). Please try again in a moment.`,
  badResponse: 'The server sent an answer we could not read. Please try again.',
  refused: 'The request was refused. Please try again.',
  unexpected: 'Something went wrong. Please try again.',
  notConfigured: 'This sign-up form is not set up correctly. Please contact the site owner.',
};

/** The shape every locale file fills in. */
export type Translation = {
  [K in keyof typeof enUS]: (typeof enUS)[K] extends (...args: infer A) => string ? (...args: A) => string : string;
};

export default enUS satisfies Translation;
