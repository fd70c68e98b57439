// MetaMask's proof: a Sign-In with Ethereum message (EIP-4361) that the user
// signed with personal_sign. There is no provider to ask: the gateway checks
// the message itself. Plain EOA recovery (ecrecover) only, on purpose: the
// verify call has no network, so no chain RPC for contract wallets
// (ERC-1271/6492), which viem's verifySiweMessage would need a client for.
import { getAddress, isAddressEqual, recoverMessageAddress } from 'viem';
import { parseSiweMessage } from 'viem/siwe';

/** EIP-4361: `nonce = 8*( ALPHA / DIGIT )`. */
const NONCE = /^[A-Za-z0-9]{8,}$/;
const MAX_SKEW_MS = 5 * 60_000;
/** A signed message is good for this long after its `Issued At` (assumed: the element signs right before verifying). */
const MAX_AGE_MS = 10 * 60_000;

/**
 * Checks a signed SIWE message against the request it came with.
 * @param {object} p
 * @param {`0x${string}`} p.address the address the element says signed
 * @param {string} p.message the EIP-4361 text
 * @param {`0x${string}`} p.signature
 * @param {string | undefined} p.origin the request's Origin header: the message must be for this site
 * @param {number} p.now
 * @returns {Promise<{ ok: true, address: string, nonce: string, chainId: number } | { ok: false, reason: string, args?: unknown[] }>}
 *   `reason` names the failReason message (messages.mjs `fail.*`)
 */
export async function checkSiwe({ address, message, signature, origin, now }) {
  const fields = parseSiweMessage(message);
  const issuedAt = fields.issuedAt;
  const wellFormed =
    fields.domain && fields.address && fields.uri && fields.version === '1' && Number.isInteger(fields.chainId) && fields.nonce &&
    issuedAt && !Number.isNaN(issuedAt.getTime());
  if (!wellFormed) return { ok: false, reason: 'siweMalformed' };

  // The signature first: nothing else in the message means anything unless the address signed it.
  let signer;
  try {
    signer = await recoverMessageAddress({ message, signature });
  } catch {
    return { ok: false, reason: 'signature' };
  }
  if (!isAddressEqual(signer, address)) return { ok: false, reason: 'siweSigner' };
  if (!isAddressEqual(fields.address, address)) return { ok: false, reason: 'siweAddress' };

  // Bound to the site that asked: a message signed for another site (phishing) is refused.
  if (!origin) return { ok: false, reason: 'siweOriginMissing' };
  let site;
  try {
    site = new URL(origin);
  } catch {
    return { ok: false, reason: 'siweOriginMissing' };
  }
  if (fields.domain !== site.host) return { ok: false, reason: 'siweDomain', args: [site.host, fields.domain] };
  let uriOrigin;
  try {
    uriOrigin = new URL(fields.uri).origin;
  } catch {
    uriOrigin = '';
  }
  if (uriOrigin !== site.origin) return { ok: false, reason: 'siweUri', args: [site.origin] };

  if (!NONCE.test(fields.nonce)) return { ok: false, reason: 'siweNonce' };
  if (issuedAt.getTime() > now + MAX_SKEW_MS) return { ok: false, reason: 'siweIssuedInFuture' };
  if (issuedAt.getTime() < now - MAX_AGE_MS) return { ok: false, reason: 'siweTooOld' };
  // A malformed optional time parses to an invalid Date: that fails too, never silently passes.
  if (fields.expirationTime && !(fields.expirationTime.getTime() > now)) return { ok: false, reason: 'expired' };
  if (fields.notBefore && !(fields.notBefore.getTime() <= now)) return { ok: false, reason: 'notYetValid' };

  return { ok: true, address: getAddress(address), nonce: fields.nonce, chainId: fields.chainId };
}
