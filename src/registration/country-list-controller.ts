/**
 * The gateway's country list for one element: loaded for the current gateway,
 * company and language (shared with every other element through
 * fetchCountryList's cache), reloaded when one of them changes or on retry.
 * The previous list stays on screen while another language's loads.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { alpha2Of, loadIsoTable } from '../core/gateway/iso-table.js';
import { fetchCountryList, type Country } from '../core/gateway/country-list.js';
import { GatewayRefusal, TransportFailure, type GatewayConfig } from '../core/gateway/transport.js';
import { Loadable } from '../core/loadable.js';

export class CountryListController implements ReactiveController {
  /** The list for the current gateway, company and language. */
  private list?: Loadable<Country[]>;
  private key = '';
  /** The load under way or last done, as a promise that never fails (settled()). */
  private loading?: Promise<unknown>;
  /** The last list that arrived for the current key or an earlier one (shown while another loads). */
  private arrived?: Country[];
  private namedCache?: { countries: Country[]; locale: string; list: NamedCountry[] };

  /** `config` gives undefined while there is nothing to load from (misconfigured). */
  constructor(
    private readonly element: ReactiveControllerHost,
    private readonly config: () => GatewayConfig | undefined,
  ) {
    element.addController(this);
  }

  /** Every update: loads when the gateway, company or language changed. */
  hostUpdate(): void {
    this.load();
  }

  /** The list, once one has arrived. */
  get countries(): Country[] | undefined {
    return this.arrived;
  }

  get failed(): boolean {
    return this.list?.status === 'failed';
  }

  /** The gateway's own words when it refused the list. */
  get refusal(): string {
    const error = this.failed && this.list!.error;
    return error instanceof GatewayRefusal ? error.gatewayMessage : '';
  }

  /** The last load got no answer at all (offline, the gateway down, or refusing this page's origin). */
  get unreachable(): boolean {
    const error = this.failed && this.list!.error;
    return error instanceof TransportFailure && error.reason === 'network';
  }

  /** Resolves once the load under way (if any) has arrived or failed. */
  async settled(): Promise<void> {
    await this.loading;
  }

  /** The list named and sorted for `locale`, worked out once per list and language (not at every render). */
  named(locale: string): NamedCountry[] | undefined {
    const { countries } = this;
    if (!countries) return undefined;
    if (this.namedCache?.countries !== countries || this.namedCache.locale !== locale) {
      this.namedCache = { countries, locale, list: nameAndSort(countries, locale) };
    }
    return this.namedCache.list;
  }

  /** Loads the list when the gateway, company or language changed (or again, on retry after a failure). */
  load(retry = false): void {
    const config = this.config();
    if (!config) return;
    const key = `${config.host}|${config.companyId}|${config.lang}`;
    if (key === this.key && !retry) return;
    if (key !== this.key || !this.list) {
      this.key = key;
      // The ISO table maps the list's codes to regions (preselection, phone flags): fetched alongside.
      const list: Loadable<Country[]> = new Loadable(this.element, () =>
        Promise.all([fetchCountryList(config), loadIsoTable()]).then(([countries]) => {
          if (this.list === list) this.arrived = countries;
          return countries;
        }),
      );
      this.list = list;
    }
    this.loading = this.list.get().catch(() => {});
  }
}

/** A country with its name in the shown language. */
export interface NamedCountry {
  country: Country;
  name: string;
}

/**
 * The countries named in `locale` (the gateway's displayName, else the
 * browser's own via Intl.DisplayNames, else the English name) and sorted by
 * that name: what the country select shows.
 */
function nameAndSort(countries: Country[], locale: string): NamedCountry[] {
  let regionNames: Intl.DisplayNames | undefined;
  try {
    regionNames = new Intl.DisplayNames([locale], { type: 'region' });
  } catch {
    regionNames = undefined;
  }
  const named = countries.map((country) => {
    const alpha2 = country.displayName ? undefined : alpha2Of(country.code);
    return { country, name: country.displayName || (alpha2 && regionNames?.of(alpha2)) || country.name };
  });
  const collator = new Intl.Collator(locale);
  return named.sort((a, b) => collator.compare(a.name, b.name));
}
