// Points every <customer-register> of a test page at the reference gateway's
// local identity providers (the real endpoints cannot be reached from here).
const { gatewayUrl } = await (await fetch('/__test-env')).json();
const endpoints = {
  google: `${gatewayUrl}/__idp/google/o/oauth2/v2/auth`,
  apple: `${gatewayUrl}/__idp/apple/auth/authorize`,
  facebook: `${gatewayUrl}/__idp/facebook/v19.0/dialog/oauth`,
  twitter: `${gatewayUrl}/__idp/twitter/i/oauth2/authorize`,
  telegram: `${gatewayUrl}/__idp/telegram/auth`,
};
for (const element of document.querySelectorAll('customer-register')) element.providerEndpoints = endpoints;
