// `npm run build:types`, second step: the declarations tsc wrote (dist/types/raw/)
// bundled into dist/types/customer-register.d.ts and react.d.ts, with the
// types of Lit and @lit/react they use written in (respectExternal), since the
// package ships no Lit of its own to npm: it is inlined in dist/. React stays
// a reference to @types/react, the wrapper's peer.
import { dts } from 'rollup-plugin-dts';

export default {
  input: { 'customer-register': 'dist/types/raw/customer-register.d.ts', react: 'dist/types/raw/react.d.ts' },
  output: { dir: 'dist/types', format: 'es', chunkFileNames: '[name]-[hash].d.ts' },
  external: ['react'],
  plugins: [dts({ respectExternal: true })],
};
