/**
 * The gateway's country list for one element: loaded for the current gateway,
 * company and language (shared with every other element through
 * fetchCountryList's cache), reloaded when one of them changes or on retry.
 * The previous list stays on screen while another language's loads. A plain
 * promise rather than a @lit/task Task: it keeps the task library out of the
 * first step's bytes.
 */
import type { ReactiveControllerHost } from 'lit';
import { alpha2Of, loadIsoTable } from './contract.js';
import { fetchCountryList, type Country } from './country-list.js';
import { GatewayRefusal, type GatewayConfig } from './transport.js';

export class CountryListController {
  /** The list, once it has arrived. */
  countries?: Country[];
  failed = false;
  /** The gateway's own words when it refused the list. */
  refusal = '';
  private key = '';

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly config: () => GatewayConfig,
  ) {}

  /** Loads the list when the gateway, company or language changed (or always, on retry). */
  load(retry = false): void {
    const config = this.config();
    const key = `${config.host}|${config.companyId}|${config.lang}`;
    if (key === this.key && !retry) return;
    this.key = key;
    if (this.failed) {
      this.failed = false;
      this.host.requestUpdate(); // the loading state replaces the retry button
    }
    // The ISO table maps the list's codes to regions (preselection, phone flags): fetched alongside.
    Promise.all([fetchCountryList(config), loadIsoTable()]).then(
      ([countries]) => {
        if (this.key !== key) return;
        this.countries = countries;
        this.host.requestUpdate();
      },
      (error: unknown) => {
        if (this.key !== key) return;
        this.refusal = error instanceof GatewayRefusal ? error.gatewayMessage : '';
        this.failed = true;
        this.host.requestUpdate();
      },
    );
  }
}

/** A country's name in `locale`: the gateway's, else the browser's own (Intl.DisplayNames), else the English one. */
export function countryName(country: Country, locale: string): string {
  if (country.displayName) return country.displayName;
  const alpha2 = alpha2Of(country.code);
  try {
    return (alpha2 && new Intl.DisplayNames([locale], { type: 'region' }).of(alpha2)) || country.name;
  } catch {
    return country.name;
  }
}
