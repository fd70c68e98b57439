// Points every <customer-register> of a test page at the reference gateway's
// local identity providers (the real endpoints cannot be reached from here).
import { localProviderEndpoints } from '/demo/local-identity-providers.js';

const { gatewayUrl } = await (await fetch('/__test-env')).json();
const endpoints = localProviderEndpoints(gatewayUrl);
// `?relay=<url>`: another MetaMask relay than the gateway's stand-in (one that refuses, for instance).
const relay = new URLSearchParams(location.search).get('relay');
if (relay) endpoints.metamask = relay;
for (const element of document.querySelectorAll('customer-register')) element.providerEndpoints = endpoints;
