/**
 * A translated sentence with an address in it ("We sent a code to …", "Did you mean …?"), the
 * address drawn apart (bold, isolated) wherever the language puts it: the sentence is asked for
 * with a stand-in character, split at it, and the address drawn in its place.
 */
import { html, type TemplateResult } from 'lit';

/** Stands in for the address while the sentence is built: a private-use character, in no translation. */
const ADDRESS_SLOT = '\uE000';

export function renderWithAddress(sentence: (address: string) => string, address: string, draw: (address: string) => TemplateResult) {
  const [first, ...rest] = sentence(ADDRESS_SLOT).split(ADDRESS_SLOT);
  // A site's own wording (the `strings` property) may leave the address out.
  if (!rest.length) return sentence(address);
  return html`${first}${rest.map((text) => html`${draw(address)}${text}`)}`;
}
