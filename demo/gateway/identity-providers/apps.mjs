// The app registry both parties share: the client ids and secrets a broker
// gets by registering its apps with each provider, one app per company id and
// provider, created on first use. The stand-ins look apps up by client id; the
// gateway by company id. Secrets never leave the server.
import { randomBytes } from 'node:crypto';
import { IdpError, TITLES } from './common.mjs';
import { alnum, digits, hex } from './helpers.mjs';

/** @param {{ state: object }} context */
export function createApps({ state }) {
  function appOf(companyId, provider) {
    const key = `${companyId}|${provider}`;
    let app = state.apps.get(key);
    if (!app) {
      app = { companyId, provider, secret: '', developerAccount: '', ...newApp(provider) };
      state.apps.set(key, app);
      if (app.clientId) state.appsByClientId.set(`${provider}|${app.clientId}`, app);
    }
    return app;
  }

  /** Credentials shaped like each provider's, so an element that checks their form is satisfied. */
  function newApp(provider) {
    switch (provider) {
      case 'google':
        return { clientId: `${digits(12)}-${alnum(32).toLowerCase()}.apps.googleusercontent.com` };
      case 'apple':
        // A Services ID; `developerAccount` (observed field, meaning not documented) is
        // taken to be the Apple developer team id, which a backend needs for its client secret.
        return { clientId: `com.example.${alnum(10).toLowerCase()}.signin`, developerAccount: alnum(10).toUpperCase() };
      case 'facebook':
        return { clientId: digits(16), secret: hex(16) };
      case 'twitter':
        // X's OAuth 2.0 client ids are base64 of "<id>:1:ci"; confidential clients get a secret.
        return { clientId: Buffer.from(`${alnum(22)}:1:ci`).toString('base64url'), secret: randomBytes(38).toString('base64url') };
      case 'telegram': {
        // The bot id is public (the login widget's bot_id); the bot token is the secret the HMAC is keyed with.
        const botId = digits(10);
        return { clientId: botId, secret: `${botId}:AA${randomBytes(25).toString('base64url')}` };
      }
      case 'metamask':
        // MetaMask needs no client id: the proof is a message the user's own key signs.
        return { clientId: '' };
    }
    throw new Error(`no such provider ${provider}`);
  }

  function clientApp(provider, clientId) {
    const app = clientId ? state.appsByClientId.get(`${provider}|${clientId}`) : undefined;
    if (!app) throw new IdpError(`Unknown ${provider === 'telegram' ? 'bot_id' : 'client_id'}: this app is not registered with ${TITLES[provider]}.`);
    return app;
  }

  return { appOf, newApp, clientApp };
}
