// Identity providers' stand-ins: how they behave for a company (set through
// POST /__dev/idp: auto-approve, a fixed user, a tampered proof, a provider the
// gateway has no configuration for) and the accounts of the people who sign in.
import { randomInt } from 'node:crypto';
import { SHARES_EMAIL, THIRD_SOURCES } from './common.mjs';
import { digits, hex, sha256, usernameOf } from './helpers.mjs';

/** What `/__dev/idp` `tamper` can break in every proof issued afterwards (see `grant`). */
const TAMPERS = ['nonce', 'aud', 'exp', 'signature', 'iss', 'state', 'hash', 'code'];

const FIRST_NAMES = ['Ada', 'Ben', 'Chen', 'Dana', 'Elif', 'Farid', 'Grace', 'Hiro', 'Ines', 'Jun', 'Kofi', 'Lena', 'Mei', 'Noah', 'Olga', 'Priya'];
const LAST_NAMES = ['Lovelace', 'Okafor', 'Wang', 'Silva', 'Yilmaz', 'Haddad', 'Hopper', 'Tanaka', 'Moreau', 'Park', 'Mensah', 'Novak', 'Lin', 'Berg', 'Ivanova', 'Rao'];

/** @param {{ state: object }} context */
export function createBehaviour({ state }) {
  const DEFAULT_BEHAVIOUR = Object.freeze({ autoApprove: false, approveDelayMs: 0, user: null, tamper: null, unconfigured: [] });
  const behaviourOf = (companyId) => state.behaviours.get(companyId) ?? DEFAULT_BEHAVIOUR;

  /** @returns {string | null} an error, or null when the behaviour was stored */
  function setBehaviour(body) {
    if (typeof body?.companyId !== 'string' || !body.companyId) return 'companyId is required';
    const next = { ...behaviourOf(body.companyId) };
    if ('autoApprove' in body) {
      if (typeof body.autoApprove !== 'boolean') return 'autoApprove must be true or false';
      next.autoApprove = body.autoApprove;
    }
    if ('approveDelayMs' in body) {
      // A person who takes a moment to consent: the auto-approved answer comes after this long.
      if (!Number.isInteger(body.approveDelayMs) || body.approveDelayMs < 0 || body.approveDelayMs > 10_000) {
        return 'approveDelayMs must be a whole number of milliseconds from 0 to 10000';
      }
      next.approveDelayMs = body.approveDelayMs;
    }
    if ('user' in body) {
      const user = body.user;
      const fieldOk = (value) => value === undefined || (typeof value === 'string' && value.length <= 254);
      const fieldsOk = user && typeof user === 'object' && fieldOk(user.id) && fieldOk(user.email) && fieldOk(user.name);
      if (user !== null && !fieldsOk) return 'user must be null or { id?, email?, name? } with string fields';
      next.user = user && { id: user.id, email: user.email, name: user.name };
    }
    if ('tamper' in body) {
      if (body.tamper !== null && !TAMPERS.includes(body.tamper)) return `tamper must be null or one of ${TAMPERS.join(', ')}`;
      next.tamper = body.tamper;
    }
    if ('unconfigured' in body) {
      if (!Array.isArray(body.unconfigured) || !body.unconfigured.every((p) => THIRD_SOURCES.includes(p))) {
        return `unconfigured must be a list of ${THIRD_SOURCES.join(', ')}`;
      }
      next.unconfigured = [...body.unconfigured];
    }
    state.behaviours.set(body.companyId, next);
    return null;
  }

  function randomPerson() {
    const first = FIRST_NAMES[randomInt(FIRST_NAMES.length)];
    const last = LAST_NAMES[randomInt(LAST_NAMES.length)];
    return { name: `${first} ${last}`, email: `${first}.${last}.${hex(3)}@example.com`.toLowerCase() };
  }

  /**
   * The provider's account for a person: remembered by e-mail (or name where
   * the provider has no e-mail), so approving twice gives the same id. A
   * wanted `id` fixes the id (a test registering the same person twice).
   * @param {{ id?: string, email?: string, name?: string } | null | undefined} wanted
   */
  function resolveUser(provider, wanted) {
    const person = wanted && (wanted.id || wanted.email || wanted.name) ? wanted : randomPerson();
    const email = SHARES_EMAIL.has(provider) && person.email ? person.email.trim().toLowerCase() : '';
    const name = person.name?.trim() || person.email?.split('@')[0] || `User ${person.id}`;
    const key = `${provider}|${(email || name).toLowerCase()}`;
    const fixedId = person.id ? idFor(provider, person.id) : undefined;
    let user = state.users.get(key);
    if (!user || (fixedId && user.id !== fixedId)) {
      user = { id: fixedId ?? newUserId(provider), name, email, username: usernameOf(name) };
      state.users.set(key, user);
    }
    return user;
  }

  /** Telegram ids are numbers: a non-numeric wanted id becomes a stable number derived from it. */
  function idFor(provider, id) {
    if (provider !== 'telegram' || /^[1-9]\d{0,14}$/.test(id)) return String(id);
    return String((BigInt(`0x${sha256(id).slice(0, 12)}`) % 9_000_000_000n) + 1_000_000_000n);
  }

  function newUserId(provider) {
    switch (provider) {
      case 'google':
        return `1${digits(20)}`;
      case 'apple':
        return `${digits(6)}.${hex(16)}.${digits(4)}`;
      case 'facebook':
        return digits(16);
      case 'twitter':
        return `1${digits(18)}`;
      default:
        return String(randomInt(100_000_000, 8_000_000_000));
    }
  }

  return { behaviourOf, setBehaviour, randomPerson, resolveUser };
}
