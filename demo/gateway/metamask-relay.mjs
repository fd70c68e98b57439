// A stand-in for MetaMask's relay (metamask-sdk.api.cx.metamask.io), enough
// for @metamask/sdk to show its connection QR code: the SDK opens a socket.io
// connection (engine.io 4 over a WebSocket, at /socket.io/) and asks to
// `join_channel`; once the relay acknowledges, it emits `display_uri`. Nothing
// is relayed: no phone ever joins, so the code never connects a wallet. The
// demo and the tests point the element at it with `providerEndpoints.metamask`.
//
// Namespace `/held` (`providerEndpoints.metamask = '<gateway>/held'`) accepts
// the socket and never answers the SDK: a relay that is reachable but silent.
//
// Hand-written WebSocket framing (RFC 6455, text frames of a few hundred bytes)
// so that the reference gateway keeps needing nothing but Node.
import { createHash, randomUUID } from 'node:crypto';

const WEBSOCKET_GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';
const PING_INTERVAL_MS = 25_000;

/** One text frame from the server (never masked). */
function textFrame(text) {
  const payload = Buffer.from(text, 'utf8');
  const length = payload.length;
  const header =
    length < 126
      ? Buffer.from([0x81, length])
      : length < 65_536
        ? Buffer.from([0x81, 126, length >> 8, length & 0xff])
        : Buffer.concat([Buffer.from([0x81, 127]), (() => { const b = Buffer.alloc(8); b.writeBigUInt64BE(BigInt(length)); return b; })()]);
  return Buffer.concat([header, payload]);
}

/** Reads whole frames off the front of `buffer`: [frames, rest]. */
function readFrames(buffer) {
  const frames = [];
  let offset = 0;
  while (buffer.length - offset >= 2) {
    const opcode = buffer[offset] & 0x0f;
    const masked = (buffer[offset + 1] & 0x80) !== 0;
    let length = buffer[offset + 1] & 0x7f;
    let cursor = offset + 2;
    if (length === 126) {
      if (buffer.length < cursor + 2) break;
      length = buffer.readUInt16BE(cursor);
      cursor += 2;
    } else if (length === 127) {
      if (buffer.length < cursor + 8) break;
      length = Number(buffer.readBigUInt64BE(cursor));
      cursor += 8;
    }
    const maskLength = masked ? 4 : 0;
    if (buffer.length < cursor + maskLength + length) break;
    const mask = masked ? buffer.subarray(cursor, cursor + 4) : undefined;
    const payload = Buffer.from(buffer.subarray(cursor + maskLength, cursor + maskLength + length));
    if (mask) for (let i = 0; i < payload.length; i++) payload[i] ^= mask[i % 4];
    frames.push({ opcode, payload });
    offset = cursor + maskLength + length;
  }
  return [frames, buffer.subarray(offset)];
}

/** Socket.io's namespace and rest of a packet after its type digit: `/held,{...}` -> ['/held', '{...}']. */
function splitNamespace(body) {
  if (!body.startsWith('/')) return ['/', body];
  const comma = body.indexOf(',');
  return comma === -1 ? [body, ''] : [body.slice(0, comma), body.slice(comma + 1)];
}

/**
 * Handles the HTTP server's `upgrade` events for /socket.io/; returns false for
 * other paths (the caller ends those sockets).
 */
export function createMetaMaskRelay({ log = () => {} } = {}) {
  const open = new Set();

  function upgrade(req, socket) {
    const url = new URL(req.url ?? '/', 'http://relay.invalid');
    const key = req.headers['sec-websocket-key'];
    if (url.pathname !== '/socket.io/' || url.searchParams.get('transport') !== 'websocket' || typeof key !== 'string') return false;
    const accept = createHash('sha1').update(key + WEBSOCKET_GUID).digest('base64');
    socket.write(
      'HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n' + `Sec-WebSocket-Accept: ${accept}\r\n\r\n`,
    );
    open.add(socket);
    const send = (text) => socket.writable && socket.write(textFrame(text));
    // engine.io's open packet, then a ping now and then (the client drops a silent server).
    send(`0${JSON.stringify({ sid: randomUUID(), upgrades: [], pingInterval: PING_INTERVAL_MS, pingTimeout: 20_000, maxPayload: 1_000_000 })}`);
    const pinger = setInterval(() => send('2'), PING_INTERVAL_MS);
    let pending = Buffer.alloc(0);
    const end = () => {
      clearInterval(pinger);
      open.delete(socket);
      socket.destroy();
    };
    socket.on('data', (chunk) => {
      const [frames, rest] = readFrames(Buffer.concat([pending, chunk]));
      pending = rest;
      for (const { opcode, payload } of frames) {
        if (opcode === 0x8) return end();
        if (opcode !== 0x1) continue;
        const packet = payload.toString('utf8');
        // engine.io message (4) carrying a socket.io packet: 0 connect, 1 disconnect, 2 event (with ack id).
        if (!packet.startsWith('4')) continue;
        const type = packet[1];
        const [namespace, rest] = splitNamespace(packet.slice(2));
        const prefix = namespace === '/' ? '' : `${namespace},`;
        if (namespace === '/held') continue;
        if (type === '0') send(`40${prefix}${JSON.stringify({ sid: randomUUID() })}`);
        else if (type === '1') return end();
        else if (type === '2') {
          const match = /^(\d+)(\[.*)$/s.exec(rest);
          if (!match) continue;
          const [, ackId, args] = match;
          let event;
          try {
            [event] = JSON.parse(args);
          } catch {
            continue;
          }
          log(`[relay] ${event}`);
          // join_channel: acknowledged as a fresh channel no wallet has joined yet.
          send(`43${prefix}${ackId}${JSON.stringify(event === 'join_channel' ? [null, { ready: false }] : [null])}`);
        }
      }
    });
    socket.on('error', end);
    socket.on('close', end);
    return true;
  }

  return {
    upgrade,
    /** Ends every open relay socket (the HTTP server's closeAllConnections does not see upgraded ones). */
    close() {
      for (const socket of open) socket.destroy();
      open.clear();
    },
  };
}
