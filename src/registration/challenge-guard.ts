/**
 * The challenge on code send, as the registration chunk holds it: every
 * verifyCodeSend goes through `guard`, which adds a challenge's token when
 *
 *  - the gateway's `config` names a challenge and requires it (`captchaRequired`),
 *  - this identifier has had `freeSends` codes on this page visit already
 *    (default 3; the element asks by itself, the gateway still decides), or
 *  - the gateway refuses the send with CAPTCHA_REQUIRED_CODE, naming one (adaptive).
 *
 * Only then is the challenge's own chunk (src/challenge/challenge-runner.ts, and the one
 * provider's adapter and script) fetched: a page that is never asked fetches
 * nothing of it. Small on purpose: it sits in the registration chunk.
 */
import { html, nothing } from 'lit';
import type { Account } from '../core/gateway/account.js';
import {
  CAPTCHA_CONFIG_SOURCE,
  CAPTCHA_REQUIRED_CODE,
  CAPTCHA_TYPES,
  DEFAULT_FREE_CODE_SENDS,
  DEFAULT_TIMEOUT_MS,
  type ChallengeSpec,
} from '../core/gateway/contract.js';
import { callGateway, GatewayRefusal, type GatewayConfig } from '../core/gateway/transport.js';
import { loadOnce, loadOncePerKey } from '../core/load-once.js';
import type { RegistrationHost } from './registration-host.js';
import type { SendGuard } from '../core/flow/registration-flow.js';
import type { ChallengePart } from './lazy-parts.js';
import { ChallengeStopped } from './challenge-stopped.js';


/** The company's challenge settings (config `{ thirdSource: 'captcha' }`). */
interface ChallengeSettings {
  challenge?: ChallengeSpec;
  required: boolean;
  freeSends: number;
}

const settingsLoads = loadOncePerKey<ChallengeSettings>();
/** Codes sent per identifier on this page visit (every element of the page counts). */
const codeSends = new Map<string, number>();

/** A challenge as the gateway names it, or undefined if it is not one this element knows. */
export function readChallengeSpec(data: unknown): ChallengeSpec | undefined {
  const spec = data as Partial<ChallengeSpec> | null;
  if (!spec || !CAPTCHA_TYPES.includes(spec.captchaType!) || typeof spec.clientId !== 'string' || !spec.clientId) return undefined;
  const scriptUrl = typeof spec.scriptUrl === 'string' ? spec.scriptUrl : undefined;
  return { captchaType: spec.captchaType!, clientId: spec.clientId, scriptUrl, fallback: readChallengeSpec(spec.fallback) };
}

function challengeSettings(config: GatewayConfig): Promise<ChallengeSettings> {
  const key = `${config.host}|${config.prefix ?? ''}|${config.companyId}`;
  return settingsLoads(key, () =>
    callGateway<Record<string, unknown> | null>(config, 'config', { thirdSource: CAPTCHA_CONFIG_SOURCE }).then(
      (data) => ({
        challenge: readChallengeSpec(data),
        required: data?.captchaRequired === true,
        freeSends: Number.isInteger(data?.freeSends) && (data!.freeSends as number) >= 0 ? (data!.freeSends as number) : DEFAULT_FREE_CODE_SENDS,
      }),
      (error) => {
        // A refusal: no challenge set up (kept). A transport failure is tried again at the next press.
        if (error instanceof GatewayRefusal) return { required: false, freeSends: DEFAULT_FREE_CODE_SENDS };
        throw error;
      },
    ),
  );
}

/** What identifies the person's address or number across elements and methods. */
function identifierOf(account: Account): string {
  return account.channel === 'email' ? `email|${account.email.toLowerCase()}` : `phone|${account.phoneArea}|${account.nationalNumber}`;
}

const loadRunner = loadOnce(() => import('../challenge/challenge-runner.js'));

export class CodeSendGuard {
  /** The challenge on screen, while one runs. */
  private runner?: ChallengePart;

  constructor(private readonly host: RegistrationHost) {}

  /** Asks the gateway for the company's challenge ahead of the press (the person is typing). */
  prepare(): void {
    if (!this.host.configProblem()) challengeSettings(this.host.gatewayConfig()).catch(() => {});
  }

  readonly guard: SendGuard = async (account, attempt, signal) => {
    const config = this.host.gatewayConfig();
    // Without the settings (the call failed) the send goes as it is: the gateway decides.
    const settings = await challengeSettings(config).catch(() => undefined);
    const id = identifierOf(account);
    const sent = codeSends.get(id) ?? 0;
    const asked = settings?.challenge && (settings.required || sent >= settings.freeSends) ? settings.challenge : undefined;
    const send = async (spec?: ChallengeSpec) => {
      // A challenge's time is the person's: the call after it gets a whole timeout of its own.
      const token = spec ? await attempt(await this.solve(spec, signal), Date.now() + (config.timeoutMs ?? DEFAULT_TIMEOUT_MS)) : await attempt();
      codeSends.set(id, sent + 1);
      return token;
    };
    try {
      return await send(asked);
    } catch (error) {
      // The gateway asks for a challenge (adaptive), naming it: one more send with its token.
      const spec = error instanceof GatewayRefusal && error.code === CAPTCHA_REQUIRED_CODE ? readChallengeSpec(error.data) : undefined;
      if (!spec) throw error;
      return send(spec);
    }
  };

  private async solve(spec: ChallengeSpec, signal?: AbortSignal) {
    const { host } = this;
    const { element } = host;
    const { ChallengeRunner } = await loadRunner().catch((error) => {
      throw new ChallengeStopped('blocked', host.i18n.t.challengeBlocked, String(error));
    });
    const runner: ChallengePart = (this.runner = new ChallengeRunner(host, spec, signal));
    element.requestUpdate();
    try {
      return await runner.run();
    } finally {
      runner.dispose();
      if (this.runner === runner) this.runner = undefined;
      element.requestUpdate();
    }
  }

  /** The challenge's panel, where the step shows it (the first step's extras, the code step). */
  render() {
    return this.runner ? html`${this.runner.render()}` : nothing;
  }
}
