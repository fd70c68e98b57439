/**
 * `registerDevice`: a short description of the device, from User-Agent Client
 * Hints where the browser has them ("Google Chrome 156 on Android 15 (Pixel 8)"),
 * else the user agent string.
 */

interface Brand {
  brand: string;
  version: string;
}

interface UserAgentData {
  brands?: Brand[];
  platform?: string;
  mobile?: boolean;
  getHighEntropyValues?(hints: string[]): Promise<{ fullVersionList?: Brand[]; platformVersion?: string; model?: string }>;
}

/** A phone or tablet, by User-Agent Client Hints where the browser has them, else by the user agent string. */
export function isMobileDevice(): boolean {
  const hints = (navigator as Navigator & { userAgentData?: UserAgentData }).userAgentData;
  return hints?.mobile ?? /Mobi|Android|iPhone|iPad|iPod/i.test(navigator.userAgent);
}

const MAX_LENGTH = 200;
let description: Promise<string> | undefined;

/** Brands that are not a browser's name (GREASE entries like "Not.A/Brand", and the bare engine). */
function isRealBrand(brand: Brand): boolean {
  return !/not.?a.?brand/i.test(brand.brand) && brand.brand !== 'Chromium';
}

export function describeDevice(): Promise<string> {
  description ??= describe().catch(() => navigator.userAgent.slice(0, MAX_LENGTH));
  return description;
}

async function describe(): Promise<string> {
  const data = (navigator as Navigator & { userAgentData?: UserAgentData }).userAgentData;
  if (!data?.getHighEntropyValues) return navigator.userAgent.slice(0, MAX_LENGTH);
  const high = await data.getHighEntropyValues(['fullVersionList', 'platformVersion', 'model']);
  const brands = high.fullVersionList ?? data.brands ?? [];
  const browser = brands.find(isRealBrand) ?? brands.find((brand) => !/not.?a.?brand/i.test(brand.brand));
  const parts = [browser ? `${browser.brand} ${browser.version.split('.')[0]}` : 'Browser'];
  if (data.platform) parts.push(`on ${data.platform}${high.platformVersion ? ` ${high.platformVersion.split('.')[0]}` : ''}`);
  if (high.model) parts.push(`(${high.model})`);
  return parts.join(' ').slice(0, MAX_LENGTH);
}
