// The reference gateway answers `msg` in the request's `lang`, as the real one
// does: one module per language in ./messages/, named by its tag and holding
// the same keys as en-US.mjs. A tag without its own module falls back to one
// of the same language (es-MX -> es-419 before es-ES), then to English.
import { readdirSync } from 'node:fs';

const folder = new URL('./messages/', import.meta.url);

/** @type {Record<string, any>} */
const MESSAGES = {};
for (const file of readdirSync(folder).filter((name) => name.endsWith('.mjs')).sort()) {
  MESSAGES[file.slice(0, -'.mjs'.length)] = (await import(new URL(file, folder).href)).default;
}

/** The languages the reference gateway answers in. */
export const GATEWAY_LANGUAGES = Object.keys(MESSAGES);

/**
 * The messages for a `lang` header: the exact tag (any case), else the tag the
 * language's Latin American or regional variant prefers (es-XX -> es-419,
 * fr-XX -> fr-FR unless fr-CA), else any tag of the same language, else en-US.
 * @param {string | undefined} lang
 */
export function messagesFor(lang) {
  const wanted = (lang ?? '').trim().toLowerCase();
  const exact = GATEWAY_LANGUAGES.find((tag) => tag.toLowerCase() === wanted);
  if (exact) return MESSAGES[exact];
  const [language, region = ''] = wanted.split(/[-_]/);
  // Spanish of the Americas (es-MX, es-AR, ...) reads es-419 rather than Spain's.
  if (language === 'es' && /^\d{3}$|^[a-z]{2}$/.test(region) && region !== 'es' && MESSAGES['es-419']) return MESSAGES['es-419'];
  const sameLanguage = GATEWAY_LANGUAGES.find((tag) => tag.split('-')[0].toLowerCase() === language);
  return MESSAGES[sameLanguage ?? 'en-US'];
}
