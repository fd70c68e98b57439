/**
 * The source strings of everything the lazy chunks show (see en-US-first-step.ts):
 * the first step's checks, and every step after it. Loaded with the registration
 * chunk, never with the entry.
 *
 * Words (README § Languages): this form registers (it creates the customer); the identity checks and the trading
 * account come after. "Register" is the one verb for the action, "account" the customer's sign-in record, "mobile
 * number" the one name for the phone field (it takes mobiles only), "verification code" the code by e-mail or SMS
 * ("QR code" the wallet's).
 */
import { counted } from './plural.js';

export const enUSLater = {
  // The first step's checks and load failures: only the registration chunk shows them, so the entry need not ship them.
  emailRequired: 'Enter your email address.',
  emailInvalid: 'Enter a valid email address, like name@example.com.',
  countryRequired: 'Choose your country or region of residence.',
  countriesFailed: 'We could not load the list of countries and regions.',
  phoneLoadFailed: 'The mobile number field could not be loaded.',
  /** Under the e-mail field when its domain looks mistyped (gmial.com); the whole sentence is the button that takes the address. */
  emailSuggestion: (email: string) => `Did you mean ${email}?`,
  codeLabel: 'Verification code',
  codeSentTo: (destination: string) => `Enter the 6-digit code we sent to ${destination}.`,
  /** Under the code field of an e-mail code step, for a person whose mail filter took the code. */
  codeCheckSpam: 'Not in your inbox? Check your spam or junk folder.',
  /** Said before the code is typed (WCAG 3.2.2): the sixth digit submits it, no button needed. */
  codeAutoCheck: 'We check the code as soon as you enter the sixth digit.',
  changeEmail: 'Use a different email address',
  phoneRequired: 'Enter your mobile number.',
  phoneInvalid: (example: string) => `This number is not valid for the selected country or region. For example: ${example}`,
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
  phoneSearchResults: counted('en-US', { one: '{n} country or region found', other: '{n} countries and regions found' }),
  changePhone: 'Use a different mobile number',
  passwordLabel: 'Password',
  passwordOptionalLabel: 'Password (optional)',
  showPassword: 'Show password',
  passwordRuleLength: '8 to 64 characters',
  passwordRuleLetter: 'At least one letter',
  passwordRuleDigit: 'At least one digit',
  passwordRuleMet: '(met)',
  passwordRequired: 'Choose a password.',
  passwordWeak: 'Your password does not meet all the rules below it yet.',
  accountTypeLabel: 'Account type',
  accountIndividual: 'Individual',
  /** The wire value stays `enterprise`; the label is what brokers call the segment. */
  accountEnterprise: 'Business',
  termsRequired: 'Please accept the terms to continue.',
  createAccount: 'Register',
  creatingAccount: 'Registering…',
  resendCode: 'Send a new code',
  resendingCode: 'Sending a new code…',
  refusalCodeWrong: 'The verification code is incorrect. Please check it and try again.',
  refusalCodeExpired: 'The verification code has expired. Please request a new code.',
  refusalCodeLocked: 'Too many incorrect codes. Please request a new code.',
  refusalTooFrequent: 'Please wait a moment before requesting another code.',
  signIn: 'Sign in',
  /** The check a site's gateway may ask for before it sends a code (a captcha); never call it a robot test or a token. */
  challengeTitle: 'A quick security check',
  challengeHint: 'Complete the check below to continue.',
  challengeBack: 'Back',
  challengeBlocked: 'The security check could not be loaded. It may be blocked by your browser, an extension or your network. Please try again.',
  challengeFailed: 'The security check was not completed. Please try again.',
  challengeExpired: 'The security check has expired. Please try again.',
  resendReady: 'You can now request a new code.',
  resendIn: counted('en-US', { one: 'You can request a new code in {n} second', other: 'You can request a new code in {n} seconds' }),
  newCodeSent: 'We sent you a new code.',
  requestNewCode: 'This code can no longer be used. Please request a new code.',
  /** Registration is complete, not the account: the identity checks (KYC) and the trading account come after. Never "your account is opened/ready". */
  successTitle: 'Registration complete',
  successBody: (customerNo: string) => `Welcome. Your customer number is ${customerNo}.`,
  reviewTitle: 'Thank you for registering',
  reviewBody: 'We are reviewing your registration and will get in touch soon.',
  /** How the person will hear back from a manual review: the address or number they registered with. */
  reviewContact: (destination: string) => `We will contact you at ${destination} when the review is complete.`,
  /** Above the account-opening levels the gateway lists after registering (identity checks and the like), in its order. */
  nextSteps: 'Next steps',
  startOver: 'Start another registration',
  /** The outcome's way on, to the page the site names in `continue-url`. */
  continueLabel: 'Continue',
  codeRequired: 'Enter the 6-digit code.',
  codeInvalid: 'The code must be 6 digits.',
  accountExistsEmail: 'An account with this email address already exists. Please sign in instead.',
  accountExistsPhone: 'An account with this mobile number already exists. Please sign in instead.',
  /** After accountExistsEmail/Phone/providerAccountExists when the site gave no sign-in page (`login-url`): where to sign in. Those already ask for it, so this does not say it again. */
  accountExistsNoLink: 'You can do so on this website with the same details.',
  useAnotherEmail: 'Use another email address',
  useAnotherPhone: 'Use another number',
  timeout: 'The server took too long to answer. Please check your connection and try again.',
  serverError: (status: number) => `The server ran into a problem (error ${status}). Please try again in a moment.`,
  badResponse: 'The server sent an answer we could not read. Please try again.',
  refused: 'The request was refused. Please try again.',
  unexpected: 'Something went wrong. Please try again.',
  providersLabel: 'Or continue with',
  continueWith: (provider: string) => `Continue with ${provider}`,
  providerWorking: (provider: string) => `Continuing with ${provider}…`,
  providersLoading: 'Loading other ways to register…',
  providersFailed: 'We could not load the other ways to register.',
  providerStateMismatch: 'We could not confirm your sign-in, so nothing was registered. Please try again.',
  providerForeignAnswer: 'We could not confirm your sign-in, so nothing was registered. Please try again.',
  providerProofMismatch: 'The sign-in could not be confirmed, so nothing was registered. Please try again.',
  /** The gateway refused the provider's proof; its technical reason goes to the console and `register-error`'s `reason`, never here. */
  providerRejected: (provider: string) => `Your ${provider} sign-in could not be confirmed, so nothing was registered. Please try again or choose another way.`,
  providerFailed: (provider: string) => `${provider} could not sign you in. Please try again or choose another way.`,
  providerAccountExists: (provider: string) => `This ${provider} account is already registered. Please sign in instead.`,
  walletRejected: 'You declined the request in your wallet. Nothing was registered.',
  walletLocked: 'Your wallet is locked or has no account selected. Unlock it, then try again.',
  walletUnavailable: 'No wallet could be reached. Please try again.',
  walletStatement: 'Sign in to register. This costs nothing and sends no transaction.',
  providerSignedInAs: (provider: string, name: string) => `You signed in with ${provider} as ${name}. Confirm to register.`,
  otherWay: 'Choose another way to register',
  popupBlocked: 'Your browser blocked the sign-in window. Allow pop-ups for this site, then try again.',
  walletScanTitle: 'Scan with MetaMask Mobile',
  walletScanHint: 'Open the MetaMask app on your phone, scan this QR code, then approve the request in the app.',
  walletQrLabel: 'QR code to connect MetaMask Mobile',
  walletOpenApp: 'Open MetaMask on this device',
  walletInstall: 'Install MetaMask',
  cancel: 'Cancel',
  registeredSignIn: 'Your registration is complete. Please sign in to continue.',
  checkingRegistration: 'The answer did not arrive. Checking whether your registration went through…',
  useNewestCode: 'If more than one code arrives, use the newest one: it replaces the earlier ones.',
};
