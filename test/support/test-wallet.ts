/**
 * An injected EIP-1193 wallet for tests, backed by a real secp256k1 key
 * (viem's local account signs for real). It announces itself by EIP-6963, as
 * MetaMask does, and can behave like a person or wallet that says no.
 */
import { generatePrivateKey, privateKeyToAccount, type PrivateKeyAccount } from 'viem/accounts';
import { hexToString, type Hex } from 'viem';

export interface TestWalletOptions {
  /** `reject`: the person declines (4001); `locked`: no account is shared; `hang`: the signature request is never answered. */
  behaviour?: 'approve' | 'reject' | 'locked' | 'hang';
  /** Sign with another key than the one whose address is shared (a wrong signer). */
  wrongSigner?: boolean;
  /** Change the message before signing it (what is signed is not what was asked for). */
  tamper?: (message: string) => string;
}

export interface TestWallet {
  account: PrivateKeyAccount;
  /** The messages the wallet was asked to sign. */
  signed: string[];
  /** Every method the page called. */
  calls: string[];
  uninstall(): void;
}

export function installTestWallet(options: TestWalletOptions = {}): TestWallet {
  const account = privateKeyToAccount(generatePrivateKey());
  const signer = options.wrongSigner ? privateKeyToAccount(generatePrivateKey()) : account;
  const signed: string[] = [];
  const calls: string[] = [];
  const provider = {
    async request({ method, params }: { method: string; params?: unknown[] }) {
      calls.push(method);
      switch (method) {
        case 'eth_requestAccounts':
          if (options.behaviour === 'reject') throw Object.assign(new Error('User rejected the request.'), { code: 4001 });
          return options.behaviour === 'locked' ? [] : [account.address.toLowerCase()];
        case 'eth_accounts':
          return options.behaviour === 'locked' ? [] : [account.address.toLowerCase()];
        case 'eth_chainId':
          return '0x1';
        case 'personal_sign': {
          const [data, address] = params as [Hex, string];
          if (address.toLowerCase() !== account.address.toLowerCase()) throw Object.assign(new Error('Unknown account'), { code: 4100 });
          const message = hexToString(data);
          signed.push(message);
          if (options.behaviour === 'hang') return new Promise(() => {});
          return signer.signMessage({ message: options.tamper ? options.tamper(message) : message });
        }
        default:
          throw Object.assign(new Error(`${method} is not supported`), { code: 4200 });
      }
    },
  };
  const info = { uuid: crypto.randomUUID(), name: 'Test Wallet', icon: 'data:image/svg+xml,<svg xmlns="http://www.w3.org/2000/svg"/>', rdns: 'io.metamask' };
  const announce = () =>
    dispatchEvent(new CustomEvent('eip6963:announceProvider', { detail: Object.freeze({ info, provider }) }));
  addEventListener('eip6963:requestProvider', announce);
  announce();
  return { account, signed, calls, uninstall: () => removeEventListener('eip6963:requestProvider', announce) };
}
