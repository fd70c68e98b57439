// The contract's calls: countryList, checkStatus, sendCode and register (types
// 1 and 2 here; type 3, third-party, with the identity providers' redeemProof),
// plus config and {provider}Verify from ../identity-providers/, and the paths
// they answer at.
import { randomBytes, randomInt } from 'node:crypto';
import { countryList, findCountry } from '../countries.mjs';
import { CODES, Refusal, requireString } from '../refusal.mjs';
import { PROOF_MAX_LENGTH, THIRD_PARTY_ROUTES } from '../identity-providers/index.mjs';
import { normalizeEmail, normalizeLogin, normalizePhone, requireType, validateOptionalFields } from './validation.mjs';

const SEND_CODE_BIZ_TYPES = {
  EMAIL_REGISTER_VERIFICATION_CODE: 1,
  SMS_REGISTER_VERIFICATION_CODE: 2,
};

/** Contract paths (after the prefix) -> call name. Seed paths, plus the `/global/` variants the platform's clients were seen using. */
export const ROUTES = {
  '/config.app.AppDictDubboService.getCountryListByParentCode': 'countryList',
  '/global/config.app.AppDictDubboService.getCountryListByParentCode': 'countryList',
  '/cats-gateway/global/customer.app.CustomerWebApiService.checkStatus': 'checkStatus',
  '/global/customer.app.CustomerWebApiService.checkStatus': 'checkStatus',
  '/global/message.app.VerificationApiService.verifyCodeSend': 'sendCode',
  '/register/customer.app.CustomerWebApiService.register': 'register',
  // Third-party registration: config and {provider}Verify (../identity-providers/).
  ...THIRD_PARTY_ROUTES,
};

const accountKey = (companyId, type, loginName) => `${companyId}|${type}|${loginName}`;
/** A third-party customer is the provider's account, whatever e-mail it has. */
export const thirdPartyKey = (companyId, provider, userId) => `${companyId}|3|${provider}|${userId}`;

/**
 * @param {object} context
 * @param {object} context.state the gateway's state (server.mjs)
 * @param {() => number} context.now
 * @param {(line: string) => void} context.log
 * @param {{ handlers: object, redeemProof: Function }} context.idp the identity providers (config, {provider}Verify, type 3's proof)
 * @param {{ config: Function, checkSend: Function }} context.challenges the code-send challenge (../challenges/)
 * @param {number} context.ticketTtlMs
 * @param {number} context.maxWrongCodes
 * @param {number} context.resendIntervalMs
 * @returns {Record<string, (body: object, ctx: object) => unknown>} each call's handler, by call name (ROUTES)
 */
export function createContractCalls({ state, now, log, idp, challenges, ticketTtlMs, maxWrongCodes, resendIntervalMs }) {
  const handlers = {
    countryList(body, ctx) {
      requireString(body, 'parentCode', ctx);
      if (body.parentCode !== '-1') throw new Refusal(CODES.paramInvalid, ctx.m.fieldInvalid('parentCode'));
      return countryList(ctx.lang);
    },

    checkStatus(body, ctx) {
      const type = requireType(body, ctx, [1, 2]);
      const loginName = normalizeLogin(type, requireString(body, 'loginName', ctx), body, ctx);
      const exists = state.customers.has(accountKey(ctx.companyId, type, loginName));
      // Observed: 2 means "no such customer"; any other value means it exists.
      return { status: exists ? 1 : 2 };
    },

    sendCode(body, ctx) {
      const bizType = requireString(body, 'bizType', ctx);
      const type = SEND_CODE_BIZ_TYPES[bizType];
      if (!type) throw new Refusal(CODES.paramInvalid, ctx.m.fieldInvalid('bizType'));
      const country = findCountry(requireString(body, 'country', ctx));
      if (!country) throw new Refusal(CODES.paramInvalid, ctx.m.countryUnknown);
      const toUser = requireString(body, 'toUser', ctx).trim();
      let account;
      if (type === 1) {
        account = normalizeEmail(toUser, ctx);
      } else {
        // Observed shape: dial code, a space, the national number ("86 13800000000").
        const match = /^(\d{1,4}) (\d{4,15})$/.exec(toUser);
        if (!match) throw new Refusal(CODES.paramInvalid, ctx.m.phoneInvalid);
        account = normalizePhone(match[2], `+${match[1]}`, ctx);
      }
      // The challenge first: a send it refuses sends nothing and starts no resend interval.
      challenges.checkSend(body, ctx);
      const key = accountKey(ctx.companyId, type, account);
      const last = state.lastSendAt.get(key);
      if (last !== undefined && now() - last < resendIntervalMs) {
        const wait = Math.ceil((resendIntervalMs - (now() - last)) / 1000);
        throw new Refusal(CODES.sendTooFrequent, ctx.m.sendTooFrequent(wait));
      }
      state.lastSendAt.set(key, now());
      const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
      const token = randomBytes(24).toString('base64url');
      state.tickets.set(token, {
        companyId: ctx.companyId,
        type,
        account,
        country: country.code,
        code,
        expiresAt: now() + ticketTtlMs,
        wrongCodes: 0,
        used: false,
      });
      state.inbox.unshift({ companyId: ctx.companyId, channel: type === 1 ? 'email' : 'sms', to: toUser, code, at: now() });
      state.inbox.length = Math.min(state.inbox.length, 200);
      log(`[gateway] ${type === 1 ? 'email' : 'SMS'} code for ${toUser}: ${code}`);
      return { token };
    },

    register(body, ctx) {
      const type = requireType(body, ctx, [1, 2, 3]);
      const country = findCountry(requireString(body, 'country', ctx));
      if (!country) throw new Refusal(CODES.paramInvalid, ctx.m.countryUnknown);
      // Type 3's verifyCode is the ticket {provider}Verify answered (older clients sent the proof: an ID token can be long).
      const verifyCode = requireString(body, 'verifyCode', ctx, type === 3 ? PROOF_MAX_LENGTH : 256);
      const sendToken = requireString(body, 'sendToken', ctx);
      const registerSource = body.registerSource;
      if (registerSource === undefined) throw new Refusal(CODES.paramInvalid, ctx.m.fieldRequired('registerSource'));
      if (!Number.isInteger(registerSource) || registerSource < 1 || registerSource > 9) {
        throw new Refusal(CODES.paramInvalid, ctx.m.fieldInvalid('registerSource'));
      }
      validateOptionalFields(body, ctx);
      if (type === 3) return registerThirdParty(body, ctx, country);
      const loginName = normalizeLogin(type, requireString(body, 'loginName', ctx), body, ctx);

      const ticket = state.tickets.get(sendToken);
      if (!ticket || ticket.companyId !== ctx.companyId) throw new Refusal(CODES.ticketInvalid, ctx.m.ticketInvalid);
      if (ticket.used) throw new Refusal(CODES.ticketUsed, ctx.m.ticketUsed);
      if (now() > ticket.expiresAt) throw new Refusal(CODES.ticketExpired, ctx.m.ticketExpired);
      if (ticket.wrongCodes >= maxWrongCodes) throw new Refusal(CODES.codeLocked, ctx.m.codeLocked);
      if (ticket.type !== type || ticket.account !== loginName || ticket.country !== country.code) {
        throw new Refusal(CODES.ticketInvalid, ctx.m.ticketMismatch);
      }
      if (verifyCode !== ticket.code) {
        ticket.wrongCodes += 1;
        const left = maxWrongCodes - ticket.wrongCodes;
        if (left <= 0) {
          // (assumed) a locked ticket's account may ask for a new code at once: the element offers it straight away.
          state.lastSendAt.delete(accountKey(ticket.companyId, ticket.type, ticket.account));
          throw new Refusal(CODES.codeLocked, ctx.m.codeLocked);
        }
        throw new Refusal(CODES.codeWrong, ctx.m.codeWrong(left));
      }
      ticket.used = true;

      const key = accountKey(ctx.companyId, type, loginName);
      if (state.customers.has(key)) throw new Refusal(CODES.accountExists, ctx.m.accountExists);

      // Stand-in for the platform's manual review: a "+review" mailbox tag.
      const underReview = type === 1 && /\+review@/.test(loginName);
      const customer = buildCustomer(body, ctx, type, loginName, country);
      state.customers.set(key, { companyId: ctx.companyId, customer, body, underReview });
      log(`[gateway] registered ${customer.customerNo} (${loginName})${underReview ? ' for review' : ''}`);
      if (underReview) throw new Refusal(CODES.underReview, ctx.m.underReview);
      return { ...customer, token: randomBytes(16).toString('hex') };
    },

    // config and {provider}Verify
    ...idp.handlers,

    // (assumed) config's `thirdSource: 'captcha'` names the code-send challenge; any other source is a provider's.
    config(body, ctx) {
      return body?.thirdSource === 'captcha' ? challenges.config(ctx) : idp.handlers.config(body, ctx);
    },
  };

  /**
   * register with type 3 (assumed: the seed allows 3 but describes only 1 and
   * 2). The proof a {provider}Verify call accepted stands in for the ticket;
   * idp.redeemProof checks that it is this company's, fresh, unused, and that
   * the body names the verified account, and marks it used.
   */
  function registerThirdParty(body, ctx, country) {
    const proof = idp.redeemProof(body, ctx);
    const key = thirdPartyKey(ctx.companyId, proof.provider, proof.userId);
    if (state.customers.has(key)) throw new Refusal(CODES.accountExists, ctx.m.accountExists);
    const customer = buildCustomer(body, ctx, 3, body.loginName.trim(), country, proof);
    state.customers.set(key, { companyId: ctx.companyId, customer, body, underReview: false });
    log(`[gateway] registered ${customer.customerNo} (${proof.provider} ${proof.userId})`);
    return { ...customer, token: randomBytes(16).toString('hex') };
  }

  /** @param {{ email: string, phone: string }} [verified] what the provider vouched for (type 3) */
  function buildCustomer(body, ctx, type, loginName, country, verified) {
    const customerNo = String(state.nextCustomerNo++);
    return {
      customerNo,
      id: Number(customerNo),
      companyId: /^\d+$/.test(ctx.companyId) ? Number(ctx.companyId) : 0,
      email: type === 1 ? loginName : (verified?.email ?? ''),
      phone: type === 2 ? loginName : (verified?.phone ?? ''),
      phoneArea: body.phoneArea ?? (type === 2 ? '' : '+86'),
      name: '',
      loginPassStatus: body.pwd ? 'SET' : 'UNSET',
      payPassStatus: 'UNSET',
      customerGroupId: body.customerGroupId === undefined ? null : String(body.customerGroupId),
      country: country.code,
      optional: 0,
      companyKycStatus: 0,
      thirdServerCode: body.thirdServerCode ?? '',
      thirdServerSource: body.thirdServerSource ?? '',
      source: String(body.registerSource),
      capitalInStatus: 0,
      openAccountType: body.openAccountType ?? 0,
      companyType: 'BROKER',
      associationCompanyId: 0,
      registerTime: now(),
      apiCheckSwitch: false,
      apiCheckRule: '',
      list: [
        {
          levelCode: 'L1',
          openAccountType: body.openAccountType ?? 0,
          levelName: 'Basic information',
          pathName: 'Individual',
          pathCode: 'P1',
          elementList: [
            { elementCode: 'name', elementName: 'Full name', showType: 'input', extend: '', elementValue: '', elementValueInputGroup: '', elementCodeInputGroup: '' },
            { elementCode: 'birthday', elementName: 'Date of birth', showType: 'date', extend: '', elementValue: '', elementValueInputGroup: '', elementCodeInputGroup: '' },
          ],
        },
      ],
    };
  }

  return handlers;
}
