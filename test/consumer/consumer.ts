// A partner site's TypeScript, compiled (tsc --noEmit, in `npm test`) against the
// built package: the published types must let it use the element as documented.
import 'customer-register';
import { CustomerRegister as CustomerRegisterClass, type AccountExistsDetail, type CustomerRegister, type RegisteredDetail, type RegisterErrorDetail, type StepChangeDetail } from 'customer-register';

const el: CustomerRegister = document.createElement('customer-register');
el.companyId = 'partner-1';
el.host = 'https://gateway.example.com';
el.lang = 'zh-CN';
el.methods = 'email phone';
el.customerGroupId = '9007199254740993';
el.password = 'optional';
el.tradeTypeCurrencyList = [{ allCurrency: 'USD', tradeType: 'STOCK' }];

el.addEventListener('registered', (event) => {
  const detail: RegisteredDetail = event.detail;
  // Unconfirmed (the gateway's answer was lost; the account exists): no customerNo.
  const customerNo: string = detail.confirmed ? detail.customerNo : `pending:${detail.loginName}`;
  console.log(customerNo, detail.customer, detail.token);
});
document.body.addEventListener('step-change', (event) => {
  const step: StepChangeDetail['step'] = event.detail.step;
  console.log(step, event.detail.method);
});
el.addEventListener('register-error', (event) => {
  const detail: RegisterErrorDetail = event.detail;
  console.log(detail.code, detail.message, detail.call);
});
el.addEventListener('account-exists', (event) => {
  const detail: AccountExistsDetail = event.detail;
  // `email`, `phone`, or the provider whose account exists already.
  const method: 'email' | 'phone' | 'google' | 'facebook' | 'twitter' | 'telegram' | 'apple' | 'metamask' = detail.method;
  console.log(method, detail.loginName, detail.loginUrl?.length);
});
// Every input is a property, as frameworks set them.
el.loginUrl = '/signin';
el.redirectUri = '/oauth-callback.html';
el.providerLayout = 'icons';
el.googleClientId = 'site-google-id';
el.providers = { google: { clientId: 'x' }, apple: true };
const version: string = CustomerRegisterClass.version;
console.log(version);
el.reset();
document.querySelector('customer-register')?.reset();

// @ts-expect-error: the password mode is one of three words.
el.password = 'sometimes';
// @ts-expect-error: registered's detail has no such field.
el.addEventListener('registered', (event) => event.detail.customerNumber);
