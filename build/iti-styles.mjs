// intl-tel-input's stylesheet as a JS module (`import css from 'virtual:iti-styles'`),
// rewritten for a shadow root: its custom properties are declared on `:root`,
// which matches nothing inside a shadow tree, so they go on `:host` too. Flag
// sprite URLs are set by the phone chunk itself (see src/phone/phone-field.ts).
// One transform, two plugins: rollup for dist/, @web/dev-server for the tests.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const ID = 'virtual:iti-styles';
const SERVED_PATH = '/__virtual/iti-styles.js';

function moduleSource() {
  const require = createRequire(import.meta.url);
  const file = require.resolve('intl-tel-input/dist/css/intlTelInput-no-assets.min.css');
  const css = readFileSync(file, 'utf8').replaceAll(':root', ':host');
  return `export default ${JSON.stringify(css)};`;
}

export function itiStylesRollup() {
  return {
    name: 'iti-styles',
    resolveId: (source) => (source === ID ? `\0${ID}` : null),
    load: (id) => (id === `\0${ID}` ? moduleSource() : null),
  };
}

export function itiStylesDevServer() {
  return {
    name: 'iti-styles',
    resolveImport: ({ source }) => (source === ID ? SERVED_PATH : undefined),
    serve: (context) => (context.path === SERVED_PATH ? { body: moduleSource(), type: 'js' } : undefined),
  };
}
