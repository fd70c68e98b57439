// Builds dist/: the ES module entry `customer-register.js` and its lazy chunks
// (the phone field with intl-tel-input, its libphonenumber utils, one per
// non-English locale, third-party sign-in, the MetaMask SDK), minified, with source maps. Flag sprites are copied to
// dist/assets/ and found relative to the chunk that uses them. Source maps are
// written for our tools (the bench) but not named in the files, and do not ship in
// the package (package.json "files"). Our Lit templates
// are minified and then compiled (prepared at build time, build/lit-compiler.mjs).
import { readFileSync } from 'node:fs';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import esbuild from 'rollup-plugin-esbuild';
import { importMetaAssets } from '@web/rollup-plugin-import-meta-assets';
import { itiStylesRollup } from './build/iti-styles.mjs';
import { metamaskSdkPlugins, noNodeBuiltins } from './build/metamask-sdk.mjs';
import { minifyTemplates } from './build/minify-templates.mjs';
import { litCompiler } from './build/lit-compiler.mjs';
import { VERSION_DEFINE } from './build/version.mjs';

const minify = () => terser({ ecma: 2022, module: true, compress: { passes: 2 }, format: { comments: false } });

/** The element (ES module entry plus lazy chunks) and the React wrapper, which imports the entry. */
const modules = {
  input: { 'customer-register': 'src/customer-register.ts', react: 'src/react.ts' },
  external: ['react'],
  // Let the entry chunk export what the lazy chunks share with it, instead of a
  // facade plus a second file on the critical path.
  preserveEntrySignatures: 'allow-extension',
  output: {
    dir: 'dist',
    format: 'es',
    sourcemap: 'hidden',
    entryFileNames: '[name].js',
    chunkFileNames: 'chunks/[name]-[hash].js',
    assetFileNames: 'assets/[name]-[hash][extname]',
  },
  plugins: [
    nodeResolve({ browser: true, exportConditions: ['browser', 'production'] }),
    // @metamask/sdk (its own lazy chunk): its CommonJS dependencies, and the
    // browser files its packages name for Node-only ones.
    ...metamaskSdkPlugins(),
    itiStylesRollup(),
    esbuild({ target: 'es2022', tsconfig: 'tsconfig.json', define: VERSION_DEFINE }),
    // Terser keeps template literals as written: shrink our Lit templates' text.
    minifyTemplates({ include: (id) => id.includes('/src/') && !id.includes('/node_modules/') }),
    // Then Lit's template compiler: the shrunk templates ship prepared.
    litCompiler(),
    importMetaAssets(),
    minify(),
    // No chunk may import a Node built-in (the SDK's dependencies would, silently).
    noNodeBuiltins(),
    pluralInEntry(),
  ],
};

/**
 * `counted` (src/core/i18n/plural.ts) is used only by the translations, yet it
 * belongs in the entry: as a chunk of its own it costs one more round trip on
 * the way to Send and to the person's language. The entry imports it (through
 * localize.ts) without calling it, so it is kept whole instead of shaken out.
 */
function pluralInEntry() {
  return {
    name: 'plural-in-entry',
    transform(code, id) {
      if (id.endsWith('/src/core/i18n/plural.ts')) return { code: null, moduleSideEffects: 'no-treeshake' };
      return null;
    },
  };
}

/** The classic-script loader: a few hundred bytes that import the entry next to it. */
const loader = {
  input: 'src/loader.ts',
  output: { file: 'dist/customer-register.iife.js', format: 'iife', sourcemap: 'hidden' },
  plugins: [esbuild({ target: 'es2022', tsconfig: 'tsconfig.json' }), minify()],
};

/**
 * The OAuth callback page: providers send the person back to it, and it hands
 * their answer to the element (see src/oauth-callback.ts). Self-contained, next
 * to the entry, so a site serves the whole dist/ from its own origin.
 */
const callbackPage = {
  input: 'src/oauth-callback.ts',
  output: { file: 'dist/oauth-callback.js', format: 'es', sourcemap: 'hidden' },
  plugins: [
    esbuild({ target: 'es2022', tsconfig: 'tsconfig.json' }),
    minify(),
    {
      name: 'callback-html',
      generateBundle() {
        this.emitFile({ type: 'asset', fileName: 'oauth-callback.html', source: readFileSync('src/oauth-callback.html', 'utf8') });
      },
    },
  ],
};

export default [modules, loader, callbackPage];
