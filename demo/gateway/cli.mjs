// Runs the reference gateway on its own: `npm run gateway -- --port 8787 --origin http://127.0.0.1:8000`
// (`--origin` repeats; `--origin loopback` lets in any page on this machine).
import { parseArgs } from 'node:util';
import { createGateway } from './server.mjs';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '8787' },
    origin: { type: 'string', multiple: true, default: ['http://127.0.0.1:8000', 'http://localhost:8000'] },
    // The dev endpoints (/__dev/: inbox of codes, request log, faults, minted proofs) are off unless asked for.
    dev: { type: 'boolean', default: false },
  },
});
const gateway = createGateway({ allowedOrigins: values.origin, dev: values.dev });
const url = await gateway.listen(Number(values.port));
console.log(`reference gateway on ${url} (CORS for ${values.origin.join(', ')}; dev endpoints ${values.dev ? 'on' : 'off'})`);
