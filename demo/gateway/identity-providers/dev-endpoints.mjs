// Dev endpoints (/__dev/idp…), served only when the gateway runs with `dev`:
// the stand-ins' behaviour, proofs minted without a page, and the proofs the
// gateway accepted.
import { STAND_INS } from './common.mjs';
import { readJsonBody, s256 } from './helpers.mjs';

/**
 * @param {object} context
 * @param {object} context.state
 * @param {Function} context.setBehaviour (provider-behaviour.mjs)
 * @param {Function} context.behaviourOf (provider-behaviour.mjs)
 * @param {Function} context.resolveUser (provider-behaviour.mjs)
 * @param {Function} context.appOf (apps.mjs)
 * @param {Function} context.grant (provider-issuing.mjs)
 */
export function createIdpDevEndpoints({ state, setBehaviour, behaviourOf, resolveUser, appOf, grant }) {
  /**
   * POST /__dev/idp: the stand-ins' behaviour for a company.
   * POST /__dev/idp/mint: what the callback page would receive after consent, without a page.
   * GET /__dev/idp/proofs?companyId=: the proofs verify accepted.
   * @returns {Promise<boolean>} whether the route was one of these
   */
  async function handleDev(req, route, url, reply) {
    if (req.method === 'POST' && route === '/idp') {
      const error = setBehaviour(await readJsonBody(req).catch(() => undefined));
      if (error) reply(400, { error });
      else reply(200, { ok: true });
      return true;
    }
    if (req.method === 'POST' && route === '/idp/mint') {
      const body = await readJsonBody(req).catch(() => undefined);
      const answer = await mint(body);
      reply(answer.error ? 400 : 200, answer);
      return true;
    }
    if (req.method === 'GET' && route === '/idp/proofs') {
      const companyId = url.searchParams.get('companyId');
      reply(200, [...state.proofs.values()].filter((p) => !companyId || p.companyId === companyId));
      return true;
    }
    return false;
  }

  async function mint(body) {
    if (typeof body?.companyId !== 'string' || !body.companyId) return { error: 'companyId is required' };
    if (!STAND_INS.includes(body.provider)) {
      return { error: `provider must be one of ${STAND_INS.join(', ')} (MetaMask has no provider: sign a SIWE message)` };
    }
    const { companyId, provider, nonce, state: oauthState = '', redirectUri = '', codeVerifier } = body;
    if ((provider === 'google' || provider === 'apple') && !nonce) return { error: `${provider} needs a nonce` };
    if (provider === 'twitter' && (!codeVerifier || !redirectUri)) return { error: 'twitter needs codeVerifier and redirectUri' };
    const request = {
      provider,
      app: appOf(companyId, provider),
      redirectUri,
      state: oauthState,
      nonce,
      scope: 'users.read tweet.read',
      scopes: ['public_profile', 'email'],
      codeChallenge: codeVerifier ? s256(codeVerifier) : undefined,
    };
    const user = resolveUser(provider, body.user ?? behaviourOf(companyId).user);
    const { params } = await grant(request, user);
    return { params, user: { id: user.id, name: user.name, email: user.email } };
  }

  return { handleDev };
}
