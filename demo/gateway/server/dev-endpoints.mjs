// The gateway's dev endpoints under /__dev/ (served only with `dev`, and only
// to a request that names this machine): inbox of sent codes, request log,
// stored customers, reset, fault injection, replay of repeated traces on or off, expiring tickets, and the identity
// providers' own (/__dev/idp…, identity-providers/dev-endpoints.mjs).
import { ROUTES } from './contract-calls.mjs';
import { FAULT_KINDS, LOST_MODES } from './faults.mjs';
import { readJson, send } from './http.mjs';

/**
 * @param {object} context
 * @param {object} context.state the gateway's state (server.mjs)
 * @param {() => number} context.now
 * @param {() => void} context.reset
 * @param {{ handleDev: Function }} context.idp the identity providers
 * @param {{ handleDev: Function }} context.challenges the code-send challenge (POST /__dev/captcha)
 */
export function createDevEndpoints({ state, now, reset, idp, challenges }) {
  async function handleDev(req, res, url, cors) {
    const route = url.pathname.slice('/__dev'.length);
    // Listings can be narrowed with ?companyId= (and ?call= for requests).
    const companyId = url.searchParams.get('companyId');
    const ofCompany = (item) => !companyId || item.companyId === companyId;
    if (req.method === 'GET' && route === '/inbox') return send(res, 200, cors, state.inbox.filter(ofCompany));
    if (req.method === 'GET' && route === '/requests') {
      const call = url.searchParams.get('call');
      return send(res, 200, cors, state.requests.filter((r) => ofCompany(r) && (!call || r.call === call)));
    }
    if (req.method === 'GET' && route === '/customers') {
      const customers = [...state.customers.values()].filter((c) => ofCompany(c));
      return send(res, 200, cors, customers.map(({ customer, body, underReview }) => ({ ...customer, underReview, registerBody: body })));
    }
    if (req.method === 'POST' && route === '/reset') {
      reset();
      return send(res, 200, cors, { ok: true });
    }
    if (req.method === 'POST' && route === '/fault') {
      const fault = await readJson(req);
      if (!Object.values(ROUTES).includes(fault.call) || !FAULT_KINDS.has(fault.kind)) {
        return send(res, 400, cors, { error: `unknown call or fault kind; kinds: ${[...FAULT_KINDS].join(', ')}` });
      }
      if (fault.kind === 'lost' && fault.mode !== undefined && !LOST_MODES.has(fault.mode)) {
        return send(res, 400, cors, { error: `unknown lost-answer mode; modes: ${[...LOST_MODES].join(', ')}` });
      }
      state.faults.set(`${fault.companyId ?? '*'}|${fault.call}`, { ...fault, remaining: fault.count ?? 1 });
      return send(res, 200, cors, { ok: true });
    }
    // A gateway that cannot say: `{ companyId, on: false }` stops answering a repeated trace with the first answer.
    if (req.method === 'POST' && route === '/replay') {
      const { companyId: company, on } = await readJson(req);
      if (typeof company !== 'string' || typeof on !== 'boolean') return send(res, 400, cors, { error: 'expected { companyId, on }' });
      if (on) state.replayOff.delete(company);
      else state.replayOff.add(company);
      return send(res, 200, cors, { ok: true });
    }
    // The identity providers' behaviour, proofs minted without a page, accepted proofs.
    if (await idp.handleDev(req, route, url, (status, body) => send(res, status, cors, body))) return;
    if (await challenges.handleDev(req, route, readJson, (status, body) => send(res, status, cors, body))) return;
    if (req.method === 'POST' && route === '/expire-tickets') {
      for (const ticket of state.tickets.values()) if (ofCompany(ticket)) ticket.expiresAt = now() - 1;
      return send(res, 200, cors, { ok: true });
    }
    return send(res, 404, cors, { error: 'no such dev endpoint' });
  }

  return { handleDev };
}
