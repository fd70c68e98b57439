// The gateway's HTTP plumbing: CORS, the required headers, the response
// envelope, and reading a JSON body (int64 fields kept exact).
import { readBody } from '../request-body.mjs';
import { CODES, Refusal } from '../refusal.mjs';

const API_VERSION = '0.0.1';
const ALLOWED_REQUEST_HEADERS = 'content-type, version, companyid, trace, lang';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const LANG_TAG = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;
const COMPANY_ID = /^[A-Za-z0-9_-]{1,64}$/;
const MAX_BODY_BYTES = 64 * 1024;

/** A page served from this machine (any port): what `loopback` in the allowed origins lets in. */
const LOOPBACK_ORIGIN = /^http:\/\/(127\.0\.0\.1|localhost|\[::1\])(:\d{1,5})?$/;

/**
 * CORS headers for an origin that may call the gateway, or null. The allowed
 * origins are exact origins, '*' (any) or 'loopback' (any page on this machine).
 */
export function corsHeaders(req, allowedOrigins) {
  const origin = req.headers.origin;
  const allowed =
    allowedOrigins.includes('*') || allowedOrigins.includes(origin) || (allowedOrigins.includes('loopback') && LOOPBACK_ORIGIN.test(origin ?? ''));
  if (!origin || !allowed) return null;
  return {
    'access-control-allow-origin': origin,
    'access-control-allow-methods': 'POST, GET, OPTIONS',
    'access-control-allow-headers': ALLOWED_REQUEST_HEADERS,
    'access-control-max-age': '600',
    vary: 'Origin',
  };
}

export function send(res, status, headers, body, contentType = 'application/json; charset=utf-8') {
  if (res.destroyed) return;
  res.writeHead(status, { ...headers, 'content-type': contentType, 'cache-control': 'no-store' });
  // BigInts (int64 fields read from requests) are written as their digits.
  res.end(typeof body === 'string' ? body : JSON.stringify(body, (_, value) => (typeof value === 'bigint' ? value.toString() : value)));
}

/** @param {number} tm the time of the answer (ms) */
export function envelope(trace, data, tm) {
  return { bizCode: '', code: '0', msg: '', tm, trace, msgParams: null, data, ok: true, fail: false };
}

/** @param {number} tm the time of the answer (ms) */
export function refusalEnvelope(trace, refusal, tm) {
  return { bizCode: refusal.code, code: refusal.code, msg: refusal.message, tm, trace, msgParams: null, data: refusal.data ?? null, ok: false, fail: true };
}

export async function readJson(req) {
  const text = await readBody(req, MAX_BODY_BYTES);
  req.rawBody = text;
  const body = JSON.parse(text);
  // int64 fields: JSON.parse would round them through a double, so keep the digits as sent.
  if (body && typeof body.customerGroupId === 'number') {
    const digits = /"customerGroupId"\s*:\s*(-?\d+)(?=\s*[,}])/.exec(text);
    if (digits) body.customerGroupId = BigInt(digits[1]);
  }
  return body;
}

export function checkHeaders(req, m) {
  const h = req.headers;
  if (h.version !== API_VERSION) throw new Refusal(CODES.headerInvalid, m.headerInvalid('version'));
  if (!h.companyid || !COMPANY_ID.test(h.companyid)) throw new Refusal(CODES.headerInvalid, m.headerInvalid('companyId'));
  if (!h.trace || !UUID.test(h.trace)) throw new Refusal(CODES.headerInvalid, m.headerInvalid('trace'));
  if (!h.lang || !LANG_TAG.test(h.lang)) throw new Refusal(CODES.headerInvalid, m.headerInvalid('lang'));
}

/** The request headers the request log (GET /__dev/requests) keeps. */
export function pickHeaders(headers) {
  const picked = {};
  for (const name of ['version', 'companyid', 'trace', 'lang', 'origin', 'content-type', 'x-forwarded-for']) {
    if (headers[name] !== undefined) picked[name] = headers[name];
  }
  return picked;
}
