// The `probe-gateway` test command: sends raw HTTP requests that a browser
// cannot (a malformed request target, a foreign Host header) to a reference
// gateway of its own, started with the options asked for and closed after.
// Answers each request's status code, and whether the process still serves.
import { connect } from 'node:net';
import { createGateway } from '../../demo/gateway/server.mjs';

function rawGet(port, target, host) {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1', () => {
      socket.write(`GET ${target} HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`);
    });
    let text = '';
    socket.setEncoding('latin1');
    socket.on('data', (chunk) => (text += chunk));
    socket.on('end', () => resolve(Number(/^HTTP\/1\.1 (\d{3})/.exec(text)?.[1] ?? 0)));
    socket.on('error', () => resolve(0));
    socket.setTimeout(5000, () => socket.destroy());
  });
}

export function gatewayProbePlugin() {
  return {
    name: 'probe-gateway',
    async executeCommand({ command, payload }) {
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
