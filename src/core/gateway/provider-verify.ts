/**
 * The `{provider}Verify` calls: the gateway checks what the provider proved
 * (an ID token's signature, audience, expiry and nonce; a code with its PKCE
 * verifier; Telegram's hash; a signed sign-in message) and answers who it is.
 */
import { proofMapping, THIRD_PARTY_ACTION_REGISTERED, VERIFY_TICKET_FIELD, type ProviderProof, type ThirdPartyProvider } from './contract.js';
import { callGateway, TransportFailure, type CallOptions, type GatewayConfig } from './transport.js';

/** The provider account the gateway verified. */
export interface VerifiedIdentity {
  provider: ThirdPartyProvider;
  userId: string;
  email: string;
  phone: string;
  /** The provider account is registered with this company already. */
  registered: boolean;
  /** What register carries for the verified proof: `sendToken` (the nonce or state) and the gateway's single-use ticket. */
  binding: ProofBinding;
}

/** What register carries to name an accepted proof, without the proof itself. */
export interface ProofBinding {
  sendToken: string;
  verifyTicket: string;
}

/** The gateway looked at the proof and refused it (`result: false`); `reason` is its `failReason`, for the console and `register-error`, not the person. */
export class ProofRejectedError extends Error {
  constructor(
    readonly provider: ThirdPartyProvider,
    readonly reason: string,
  ) {
    super(`${provider} proof rejected: ${reason}`);
  }
}

interface VerifyData {
  userId?: unknown;
  action?: unknown;
  result?: unknown;
  failReason?: unknown;
  [VERIFY_TICKET_FIELD]?: unknown;
  email?: unknown;
  phone?: unknown;
}

const text = (value: unknown) => (typeof value === 'string' ? value : '');

/** (assumed) A Sign-In with Ethereum nonce issued by the gateway (see `ThirdPartyCallName`). */
export async function walletNonce(config: GatewayConfig, options: CallOptions = {}): Promise<string> {
  const trace = options.trace ?? crypto.randomUUID();
  const data = await callGateway<{ nonce?: unknown } | null>(config, 'metamaskNonce', {}, { ...options, trace });
  const nonce = data?.nonce;
  if (typeof nonce !== 'string' || !/^[A-Za-z0-9]{8,64}$/.test(nonce)) throw new TransportFailure('metamaskNonce', trace, 'bad-response');
  return nonce;
}

export async function verifyProof(config: GatewayConfig, proof: ProviderProof, options: CallOptions = {}): Promise<VerifiedIdentity> {
  const call = `${proof.provider}Verify` as const;
  const trace = options.trace ?? crypto.randomUUID();
  const { body, sendToken } = proofMapping(proof, config.companyId);
  const data = await callGateway<VerifyData | null>(config, call, body, { ...options, trace });
  if (!data || typeof data.result !== 'boolean') throw new TransportFailure(call, trace, 'bad-response');
  if (!data.result) throw new ProofRejectedError(proof.provider, text(data.failReason));
  const userId = typeof data.userId === 'number' ? String(data.userId) : text(data.userId);
  const verifyTicket = text(data[VERIFY_TICKET_FIELD]);
  if (!userId || !verifyTicket) throw new TransportFailure(call, trace, 'bad-response');
  return {
    provider: proof.provider,
    userId,
    email: text(data.email),
    phone: text(data.phone),
    registered: data.action === THIRD_PARTY_ACTION_REGISTERED,
    binding: { sendToken, verifyTicket },
  };
}
