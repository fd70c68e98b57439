// The gateway's CustomerThirdLoginService, part 1: `config`, the
// `{provider}Verify` calls (each provider's own check is in
// gateway-proof-checks.mjs; the replay check and the single-use ticket for an
// accepted proof are here), and the register (type 3) side, `redeemProof`,
// which accepts a ticket only once. The proofs themselves (ID tokens, access
// tokens) are never kept: the replay check holds their SHA-256 only.
import { createHash, randomBytes } from 'node:crypto';
import { CODES, Refusal, requireString } from '../refusal.mjs';
import { messagesFor } from '../messages.mjs';
import { THIRD_SOURCES, TITLES } from './common.mjs';
import { fail } from './gateway-proof-checks.mjs';

/** Providers whose proof carries the element's nonce, so register's sendToken must be that nonce. */
const NONCE_BOUND = new Set(['google', 'apple', 'metamask']);
/** A verified proof must be used for register within this time (assumed, like a sendToken's 10 minutes). */
const PROOF_TTL_MS = 10 * 60_000;

/**
 * @param {object} context
 * @param {object} context.state
 * @param {() => number} context.now
 * @param {(line: string) => void} context.log
 * @param {(companyId: string, provider: string, userId: string) => boolean} context.isRegistered
 * @param {Function} context.appOf the company's app (apps.mjs)
 * @param {Function} context.behaviourOf whether the company configured the provider (provider-behaviour.mjs)
 * @param {Record<string, Function>} context.checks each provider's check (gateway-proof-checks.mjs)
 */
export function createThirdLoginService({ state, now, log, isRegistered, appOf, behaviourOf, checks }) {
  function thirdSourceOf(body, name, ctx) {
    const provider = requireString(body, name, ctx);
    if (!THIRD_SOURCES.includes(provider)) throw new Refusal(CODES.paramInvalid, ctx.m.fieldInvalid(name));
    return provider;
  }

  function ensureConfigured(provider, ctx) {
    if (behaviourOf(ctx.companyId).unconfigured.includes(provider)) {
      throw new Refusal(CODES.thirdNotConfigured, ctx.m.thirdNotConfigured(TITLES[provider]));
    }
  }

  /**
   * Runs a provider's check, then the replay check common to all: a nonce or
   * a proof accepted once is never accepted again. An accepted proof gets an
   * opaque single-use `verifyTicket` (assumed contract) that register carries
   * as `verifyCode` (`redeemProof`), so the provider's credential is sent once,
   * here, and stored nowhere. A proof that fails is `result: false` with a
   * failReason, not a refusal: the call itself was fine.
   */
  async function verify(provider, body, ctx, check) {
    ensureConfigured(provider, ctx);
    const app = appOf(ctx.companyId, provider);
    let outcome = await check(body, ctx, app);
    const scope = `${ctx.companyId}|${provider}`;
    // Replays are refused across companies too: a signed message or token
    // accepted for one company must not open an account at another (a SIWE
    // message names no company, and the Origin header is only a browser's word).
    const seenKey = (kind, value) => `${provider}|${kind}|${value}`;
    const proofDigest = outcome.ok ? createHash('sha256').update(outcome.proofKey).digest('base64url') : '';
    if (outcome.ok && outcome.nonce && state.seen.has(seenKey('nonce', outcome.nonce))) outcome = fail('nonceUsed');
    else if (outcome.ok && state.seen.has(seenKey('proof', proofDigest))) outcome = fail('proofUsed');

    if (!outcome.ok) {
      log(`[gateway] ${provider}Verify: proof refused (${outcome.reason})`);
      // A reason a language has no text for yet is said in English.
      const text = ctx.m.fail[outcome.reason] ?? messagesFor('en-US').fail[outcome.reason];
      const failReason = typeof text === 'function' ? text(...outcome.args) : text;
      return { userId: '', action: '', result: false, failReason, thirdSource: provider, email: '', phone: '', verifyTicket: '' };
    }

    const { userId, email, phone, nonce } = outcome;
    if (nonce) state.seen.add(seenKey('nonce', nonce));
    state.seen.add(seenKey('proof', proofDigest));
    const verifyTicket = randomBytes(24).toString('base64url');
    state.proofs.set(`${scope}|${verifyTicket}`, { companyId: ctx.companyId, provider, userId, email, phone, nonce, proofDigest, verifyTicket, acceptedAt: now(), used: false });
    // (assumed) "login" once this provider account is a customer of this company, else "register".
    const action = isRegistered(ctx.companyId, provider, userId) ? 'login' : 'register';
    log(`[gateway] ${provider}Verify: ${userId} verified (${action})`);
    return { userId, action, result: true, failReason: '', thirdSource: provider, email, phone, verifyTicket };
  }

  const handlers = {
    config(body, ctx) {
      const provider = thirdSourceOf(body, 'thirdSource', ctx);
      ensureConfigured(provider, ctx);
      const app = appOf(ctx.companyId, provider);
      // The public half only: secrets (app secret, client secret, bot token) stay on the server.
      return { thirdSource: provider, clientId: app.clientId, developerAccount: app.developerAccount };
    },
    googleVerify: (body, ctx) => verify('google', body, ctx, checks.google),
    appleVerify: (body, ctx) => verify('apple', body, ctx, checks.apple),
    facebookVerify: (body, ctx) => verify('facebook', body, ctx, checks.facebook),
    twitterVerify: (body, ctx) => verify('twitter', body, ctx, checks.twitter),
    telegramVerify: (body, ctx) => verify('telegram', body, ctx, checks.telegram),
    metamaskVerify: (body, ctx) => verify('metamask', body, ctx, checks.metamask),
    /**
     * (assumed) The nonce the Sign-In with Ethereum message must carry: issued
     * here, for this company, so freshness is the gateway's to decide, not the
     * browser's (metamaskVerify accepts only a nonce issued in the last 10 minutes,
     * once).
     */
    metamaskNonce(body, ctx) {
      ensureConfigured('metamask', ctx);
      const nonce = randomBytes(16).toString('hex');
      state.siweNonces.set(nonce, { companyId: ctx.companyId, issuedAt: now() });
      return { nonce };
    },
  };

  /**
   * register with type 3: the proof a `{provider}Verify` call accepted stands
   * where an e-mail or SMS ticket stands for types 1 and 2. `verifyCode` is
   * the `verifyTicket` that verify answered for it (never the proof itself);
   * `sendToken` is the element's nonce where the proof carries one (it must be
   * that nonce), else its OAuth `state`, which only has to be present: the
   * gateway never saw the state, so there is nothing to bind it to.
   * Marks the ticket used and returns its proof's record; the caller stores the customer.
   */
  function redeemProof(body, ctx) {
    const provider = thirdSourceOf(body, 'thirdServerSource', ctx);
    const thirdServerCode = requireString(body, 'thirdServerCode', ctx);
    const loginName = requireString(body, 'loginName', ctx);
    const proof = state.proofs.get(`${ctx.companyId}|${provider}|${body.verifyCode}`);
    if (!proof) throw new Refusal(CODES.proofInvalid, ctx.m.proofNotVerified);
    if (proof.used) throw new Refusal(CODES.proofUsed, ctx.m.proofUsed);
    if (now() - proof.acceptedAt > PROOF_TTL_MS) throw new Refusal(CODES.proofExpired, ctx.m.proofExpired);
    if (NONCE_BOUND.has(provider) && body.sendToken !== proof.nonce) throw new Refusal(CODES.proofMismatch, ctx.m.proofNonceMismatch);
    if (thirdServerCode !== proof.userId) throw new Refusal(CODES.proofMismatch, ctx.m.proofUserMismatch);
    const expected = proof.email || proof.phone || proof.userId;
    const matches = proof.email ? loginName.trim().toLowerCase() === proof.email.toLowerCase() : loginName.trim() === expected;
    if (!matches) throw new Refusal(CODES.proofMismatch, ctx.m.proofLoginMismatch);
    proof.used = true;
    return proof;
  }

  return { handlers, redeemProof };
}
