/**
 * The Sign-In with Ethereum message (EIP-4361) the wallet signs: it names this
 * site (domain and URI), the account and chain, a random single-use nonce, and
 * when it was issued and expires, so the gateway can refuse a signature made
 * for another site, replayed, or kept for later.
 */
import { keccak_256 } from '@noble/hashes/sha3.js';

/** How long a signed message stays good for the gateway. */
export const SIWE_VALIDITY_MS = 10 * 60_000;

export interface SiweFields {
  /** RFC 3986 authority of the site: `location.host`. */
  domain: string;
  /** EIP-55 checksummed address. */
  address: string;
  /** A human sentence, one line (the wallet shows it). */
  statement: string;
  uri: string;
  chainId: number;
  nonce: string;
  issuedAt: Date;
  expirationTime: Date;
}

/** The message text, field by field as EIP-4361 lays it out. */
export function siweMessage(fields: SiweFields): string {
  return [
    `${fields.domain} wants you to sign in with your Ethereum account:`,
    fields.address,
    '',
    fields.statement.replace(/\s+/g, ' ').trim(),
    '',
    `URI: ${fields.uri}`,
    'Version: 1',
    `Chain ID: ${fields.chainId}`,
    `Nonce: ${fields.nonce}`,
    `Issued At: ${fields.issuedAt.toISOString()}`,
    `Expiration Time: ${fields.expirationTime.toISOString()}`,
  ].join('\n');
}

function hex(bytes: Uint8Array): string {
  return [...bytes].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** The EIP-55 mixed-case checksum form of an address, or undefined when it is not one. */
export function checksumAddress(address: string): string | undefined {
  if (!/^0x[0-9a-fA-F]{40}$/.test(address)) return undefined;
  const lower = address.slice(2).toLowerCase();
  const hash = keccak_256(new TextEncoder().encode(lower));
  let result = '0x';
  for (let i = 0; i < 40; i++) {
    const nibble = (hash[i >> 1] >> (i % 2 ? 0 : 4)) & 0xf;
    result += nibble >= 8 ? lower[i].toUpperCase() : lower[i];
  }
  return result;
}

/** UTF-8 text as the 0x-hex `personal_sign` takes. */
export function utf8Hex(text: string): string {
  return `0x${hex(new TextEncoder().encode(text))}`;
}
