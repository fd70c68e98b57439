// Fault injection (POST /__dev/fault): a call of the contract made slow,
// silent, dropped, or answered with something other than the contract's
// envelope, so the element's handling of each can be tested. `lost` is the
// treacherous one: the gateway does the work (sends the code, creates the
// customer) and then the answer never arrives whole (`mode`: `truncate`, the
// default, cuts the body; `drop` resets the connection; `hang` holds it for
// `delayMs`, then resets it).
import { CODES, Refusal } from '../refusal.mjs';
import { refusalEnvelope, send } from './http.mjs';

export const FAULT_KINDS = new Set(['delay', 'hang', 'drop', 'http', 'non-json', 'no-envelope', 'refuse', 'lost']);
export const LOST_MODES = new Set(['truncate', 'drop', 'hang']);

/**
 * @param {object} context
 * @param {{ faults: Map<string, object> }} context.state
 * @param {() => number} context.now
 */
export function createFaults({ state, now }) {
  /** Applies an injected fault, if one is armed for this call. Returns true when the response was handled. */
  async function applyFault(call, req, res, cors, trace, m) {
    // A fault armed for one company id leaves every other company's calls alone,
    // so test files running side by side do not trip over each other's faults.
    const key = [`${req.headers.companyid}|${call}`, `*|${call}`].find((k) => state.faults.has(k));
    const fault = key && state.faults.get(key);
    if (!fault || fault.remaining <= 0) return false;
    fault.remaining -= 1;
    if (fault.remaining <= 0) state.faults.delete(key);
    switch (fault.kind) {
      case 'delay':
        await sleep(fault.delayMs ?? 1000);
        return false;
      case 'hang':
        // Answer nothing; the client's timeout must give up first.
        await sleep(fault.delayMs ?? 120_000);
        req.socket.destroy();
        return true;
      case 'drop':
        req.socket.destroy();
        return true;
      case 'http':
        send(res, fault.status ?? 500, cors, `<html><body>${fault.status ?? 500}</body></html>`, 'text/html');
        return true;
      case 'non-json':
        send(res, 200, cors, '<html><body>Gateway maintenance</body></html>', 'text/html');
        return true;
      case 'no-envelope':
        send(res, 200, cors, { result: 'something else' });
        return true;
      case 'refuse':
        send(res, 200, cors, refusalEnvelope(trace, new Refusal(CODES.injected, fault.msg ?? m.faultRefusal), now()));
        return true;
      case 'lost':
        // The call runs as usual; its answer is lost on the way (loseAnswer).
        req.lostAnswer = { mode: fault.mode ?? 'truncate', delayMs: fault.delayMs };
        return false;
    }
    return false;
  }

  /**
   * Sends an answer, or loses it when a `lost` fault was armed for this
   * request: the work is done either way.
   */
  async function answer(req, res, status, cors, body) {
    const lost = req.lostAnswer;
    if (!lost) return send(res, status, cors, body);
    switch (lost.mode) {
      case 'drop':
        req.socket.destroy();
        return;
      case 'hang':
        await sleep(lost.delayMs ?? 120_000);
        req.socket.destroy();
        return;
      default: {
        // Half an envelope: the status line and headers arrive, the JSON does not parse.
        const text = JSON.stringify(body, (_, value) => (typeof value === 'bigint' ? value.toString() : value));
        send(res, status, cors, text.slice(0, Math.floor(text.length / 2)));
      }
    }
  }

  return { applyFault, answer };
}

function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms).unref?.());
}
