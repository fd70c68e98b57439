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
  changeEmail: 'Use a different email address',
  methodLabel: 'Register with',
  methodEmail: 'Email',
  methodPhone: 'Phone number',
  phoneLabel: 'Mobile number',
  phoneLoading: 'Loading the phone number field…',
  phoneLoadFailed: 'The phone number field could not be loaded.',
  phoneRequired: 'Enter your mobile number.',
  phoneInvalid: 'This number is not valid for the selected country or region.',
  phoneTooShort: 'This number is too short for the selected country or region.',
  phoneTooLong: 'This number is too long for the selected country or region.',
  phoneNotMobile: 'Enter a mobile number: we send the code by SMS.',
  phoneNoCountry: 'Choose the country or region of your number.',
  phoneSearch: 'Search countries and regions',
  phoneCountryList: 'Countries and regions',
  phoneNoResults: 'No matching country or region',
  phoneClearSearch: 'Clear search',
  phoneCloseList: 'Close the list',
  phoneNoCountrySelected: 'No country or region selected',
  /** intl-tel-input fills in ${countryName} and ${dialCode} itself; keep both, and the dial code visible text. */
  phoneSelectedCountry: 'Country or region: ${countryName} ${dialCode}. Change',
  phoneSearchResults: (count: number) => `${count} countries and regions found`,
  changePhone: 'Use a different phone number',
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
