/** Replaced at build time (rollup.config.mjs, and the test server's esbuild) with package.json's version. */
declare const __CUSTOMER_REGISTER_VERSION__: string;
