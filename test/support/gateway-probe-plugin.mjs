// Test commands that send raw HTTP a browser cannot (a malformed request
// target, a foreign Host header):
//  - `probe-gateway`: to a reference gateway of its own, started with the
//    options asked for and closed after;
//  - `probe-demo`: to `npm start`'s servers (demo/start.mjs), run as a child
//    process on the ports asked for (DEMO_PORT, GATEWAY_PORT) and stopped after.
// Each answers the requests' status codes (and bodies where asked), and
// whether the process still serves.
import { spawn } from 'node:child_process';
import { connect } from 'node:net';
import { fileURLToPath } from 'node:url';
import { createGateway } from '../../demo/gateway/server.mjs';
import { freePort } from '../../build/free-port.mjs';

/** GET over a raw socket: the status code and the body. */
function rawRequest(port, target, host) {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1', () => {
      socket.write(`GET ${target} HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`);
    });
    let text = '';
    socket.setEncoding('latin1');
    socket.on('data', (chunk) => (text += chunk));
    socket.on('end', () => resolve({ status: Number(/^HTTP\/1\.1 (\d{3})/.exec(text)?.[1] ?? 0), body: text.split('\r\n\r\n').slice(1).join('\r\n\r\n') }));
    socket.on('error', () => resolve({ status: 0, body: '' }));
    socket.setTimeout(5000, () => socket.destroy());
  });
}

const rawGet = async (port, target, host) => (await rawRequest(port, target, host)).status;


/** Runs demo/start.mjs on free ports until it serves, then the requests, then stops it. */
async function probeDemo(requests) {
  const [pagePort, gatewayPort] = [await freePort(), await freePort()];
  const child = spawn(process.execPath, [fileURLToPath(new URL('../../demo/start.mjs', import.meta.url))], {
    env: { ...process.env, DEMO_PORT: String(pagePort), GATEWAY_PORT: String(gatewayPort) },
    stdio: 'ignore',
  });
  try {
    const deadline = Date.now() + 10_000;
    while ((await rawGet(pagePort, '/', '127.0.0.1')) !== 200) {
      if (child.exitCode !== null || Date.now() > deadline) throw new Error('demo/start.mjs did not serve');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const answers = [];
    for (const target of requests) answers.push(await rawRequest(pagePort, target, `127.0.0.1:${pagePort}`));
    const alive = child.exitCode === null && (await rawGet(pagePort, '/', '127.0.0.1')) === 200;
    return { answers, alive, gatewayOrigin: `http://127.0.0.1:${gatewayPort}` };
  } finally {
    child.kill('SIGTERM');
  }
}

export function gatewayProbePlugin() {
  return {
    name: 'probe-gateway',
    async executeCommand({ command, payload }) {
      if (command === 'probe-demo') return probeDemo(payload.requests);
      if (command !== 'probe-gateway') return undefined;
      const gateway = createGateway({ allowedOrigins: [], log: () => {}, ...(payload.dev === undefined ? {} : { dev: payload.dev }) });
      const origin = await gateway.listen(0);
      const port = Number(new URL(origin).port);
      try {
        const statuses = [];
        for (const { target, host } of payload.requests) statuses.push(await rawGet(port, target, host ?? `127.0.0.1:${port}`));
        // Still serving: the stand-in's JWKS answers.
        const alive = (await rawGet(port, '/__idp/google/oauth2/v3/certs', `127.0.0.1:${port}`)) === 200;
        return { statuses, alive };
      } finally {
        await gateway.close();
      }
    },
  };
}
