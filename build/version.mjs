// package.json's version, which the element carries as `CustomerRegister.version`
// (`__CUSTOMER_REGISTER_VERSION__` in src/, replaced by esbuild in the build and the test server).
import { readFileSync } from 'node:fs';

export const VERSION = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version;
export const VERSION_DEFINE = { __CUSTOMER_REGISTER_VERSION__: JSON.stringify(VERSION) };
