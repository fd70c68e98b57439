// Builds dist/: the ES module entry `customer-register.js` and its lazy chunks
// (the phone field with intl-tel-input, its libphonenumber utils, one per
// non-English locale), minified, with source maps. Flag sprites are copied to
// dist/assets/ and found relative to the chunk that uses them.
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import esbuild from 'rollup-plugin-esbuild';
import { importMetaAssets } from '@web/rollup-plugin-import-meta-assets';
import { itiStylesRollup } from './build/iti-styles.mjs';

export default {
  input: { 'customer-register': 'src/customer-register.ts' },
  // Let the entry chunk export what the lazy chunks share with it, instead of a
  // facade plus a second file on the critical path.
  preserveEntrySignatures: 'allow-extension',
  output: {
    dir: 'dist',
    format: 'es',
    sourcemap: true,
    entryFileNames: '[name].js',
    chunkFileNames: 'chunks/[name]-[hash].js',
    assetFileNames: 'assets/[name]-[hash][extname]',
  },
  plugins: [
    nodeResolve({ browser: true, exportConditions: ['browser', 'production'] }),
    itiStylesRollup(),
    esbuild({ target: 'es2022', tsconfig: 'tsconfig.json' }),
    importMetaAssets(),
    terser({ ecma: 2022, module: true, compress: { passes: 2 }, format: { comments: false } }),
  ],
};
