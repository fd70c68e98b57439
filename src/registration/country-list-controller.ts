/**
 * The gateway's country list for one element: loaded for the current gateway,
 * company and language (shared with every other element through
 * fetchCountryList's cache), reloaded when one of them changes or on retry.
 * The previous list stays on screen while another language's loads.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { loadIsoTable } from '../core/gateway/iso-table.js';
import { fetchCountryList, type Country } from '../core/gateway/country-list.js';
import { GatewayRefusal, TransportFailure, type GatewayConfig } from '../core/gateway/transport.js';
import { Loadable } from '../core/loadable.js';
import { nameAndSort, readCountryNames, siteNamesFor, type CountryNamesOption, type NamedCountry, type SiteCountryNames } from '../core/embedding/country-names.js';

export type { NamedCountry };

export class CountryListController implements ReactiveController {
  /** The list for the current gateway, company and language. */
  private list?: Loadable<Country[]>;
  private key = '';
  /** The load under way or last done, as a promise that never fails (settled()). */
  private loading?: Promise<unknown>;
  /** The last list that arrived for the current key or an earlier one (shown while another loads). */
  private arrived?: Country[];
  private namedCache?: { countries: Country[]; locale: string; site: SiteCountryNames; list: NamedCountry[] };
  /** The site's `countryNames` as last read (read again, and warned about once, only when the value changes). */
  private site?: { value: unknown; names: SiteCountryNames };

  /** `config` gives undefined while there is nothing to load from (misconfigured). */
  constructor(
    private readonly element: ReactiveControllerHost & { readonly countryNames?: CountryNamesOption },
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

  /**
   * The list named and sorted for `locale`, worked out once per list, language
   * and site's names (not at every render): what the residence select shows, and
   * the names (and so the order) of the phone picker.
   */
  named(locale: string): NamedCountry[] | undefined {
    const { countries } = this;
    if (!countries) return undefined;
    const site = this.siteNames();
    let cache = this.namedCache;
    if (cache?.countries !== countries || cache.locale !== locale || cache.site !== site) {
      cache = this.namedCache = { countries, locale, site, list: nameAndSort(countries, locale, siteNamesFor(site, locale)) };
    }
    return cache.list;
  }

  /** The site's `countryNames`, read when it changes; what is not understood is ignored, with one console warning. */
  private siteNames(): SiteCountryNames {
    const value = this.element.countryNames;
    let site = this.site;
    if (!site || site.value !== value) {
      const { names, problem } = readCountryNames(value);
      if (problem) console.warn(`<customer-register>: country-names: ${problem}; ignored (expected {"zh-CN": {"TW": "中国台湾"}}).`);
      site = this.site = { value, names };
    }
    return site.names;
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
