// Small helpers both parties use: Telegram's hash, random ids in each
// provider's shape, constant-time comparison, reading forms and writing
// responses for the stand-ins' pages and endpoints.
import { createHash, createHmac, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import { readBody } from '../request-body.mjs';
import { pagePolicy } from '../idp-pages.mjs';

const MAX_FORM_BYTES = 16 * 1024;

/** Telegram's check: HMAC-SHA256 keyed with SHA256(bot token) over the sorted `key=value` lines. */
export function telegramHash(botToken, fields) {
  const dataCheckString = Object.keys(fields)
    .sort()
    .map((key) => `${key}=${fields[key]}`)
    .join('\n');
  const secretKey = createHash('sha256').update(botToken).digest();
  return createHmac('sha256', secretKey).update(dataCheckString).digest('hex');
}

export const sha256 = (text) => createHash('sha256').update(text).digest('hex');
export const s256 = (verifier) => createHash('sha256').update(verifier).digest('base64url');
export const hex = (bytes) => randomBytes(bytes).toString('hex');

export function digits(count) {
  let out = String(randomInt(1, 10));
  while (out.length < count) out += String(randomInt(0, 10));
  return out;
}

export function alnum(count) {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  let out = '';
  while (out.length < count) out += alphabet[randomInt(alphabet.length)];
  return out;
}

export function usernameOf(name) {
  const base = name.toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_+|_+$/g, '');
  return (base.length >= 5 ? base : `${base}_user`).slice(0, 32);
}

/** Compares secrets in constant time (for equal lengths; a length difference is no secret). */
export function safeEqual(a, b) {
  const left = Buffer.from(String(a));
  const right = Buffer.from(String(b));
  return left.length === right.length && timingSafeEqual(left, right);
}

export function basicCredentials(header) {
  const match = /^Basic ([A-Za-z0-9+/=]+)$/.exec(header ?? '');
  if (!match) return [];
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  return colon < 0 ? [] : [decoded.slice(0, colon), decoded.slice(colon + 1)];
}

export function bearer(header) {
  return /^Bearer (\S+)$/.exec(header ?? '')?.[1];
}

export async function readForm(req) {
  return new URLSearchParams(await readBody(req, MAX_FORM_BYTES));
}

export async function readJsonBody(req) {
  return JSON.parse(await readBody(req, MAX_FORM_BYTES));
}

export function send(res, status, body, contentType, headers = {}) {
  if (res.destroyed) return;
  res.writeHead(status, { 'content-type': contentType, 'cache-control': 'no-store', 'x-content-type-options': 'nosniff', ...headers });
  res.end(body);
}

export function sendJson(res, status, body) {
  send(res, status, JSON.stringify(body), 'application/json; charset=utf-8');
}

/** @param {string[]} [formTargets] origins the page's form may end up at (after the consent redirect) */
export function sendPage(res, status, html, formTargets = []) {
  send(res, status, html, 'text/html; charset=utf-8', { 'content-security-policy': pagePolicy(formTargets), 'referrer-policy': 'no-referrer' });
}

/** 302 back to the app with the answer in the query or the fragment, keeping the target's own query. */
export function redirect(res, target, { params, where }) {
  const url = new URL(target);
  if (where === 'query') for (const [name, value] of Object.entries(params)) url.searchParams.set(name, value);
  else url.hash = new URLSearchParams(params).toString();
  if (res.destroyed) return;
  res.writeHead(302, { location: url.href, 'cache-control': 'no-store', 'referrer-policy': 'no-referrer' });
  res.end();
}
