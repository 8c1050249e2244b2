import { createHash } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';

/**
 * Slack's Socket Mode server, minimally: a loopback WebSocket endpoint (RFC 6455 handshake and
 * frames, by hand, so the test needs no WebSocket library) that greets with `hello`, pushes
 * envelopes and records what the app sends back (its acks). apps.connections.open on the Web API
 * stub hands out `url`.
 */
export interface SocketModeStub {
  readonly url: string;
  /** Parsed JSON messages the app sent (acks: `{ envelope_id, payload }`). */
  readonly received: Record<string, unknown>[];
  /** Resolves once an app is connected and has been greeted. */
  connected(): Promise<void>;
  send(message: Record<string, unknown>): void;
  waitForAck(envelopeId: string, timeoutMs?: number): Promise<Record<string, unknown>>;
  close(): Promise<void>;
}

const GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';

function frame(opcode: number, payload: Buffer): Buffer {
  const length = payload.length;
  const header =
    length < 126
      ? Buffer.from([0x80 | opcode, length])
      : Buffer.from([0x80 | opcode, 126, length >> 8, length & 0xff]);
  return Buffer.concat([header, payload]);
}

/** Complete client frames at the start of `buffer` (masked, as clients send them), and the rest. */
function readFrames(buffer: Buffer): {
  frames: { opcode: number; payload: Buffer }[];
  rest: Buffer;
} {
  const frames: { opcode: number; payload: Buffer }[] = [];
  let offset = 0;
  while (buffer.length - offset >= 2) {
    const opcode = buffer[offset]! & 0x0f;
    let length = buffer[offset + 1]! & 0x7f;
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
    if (buffer.length < cursor + 4 + length) break;
    const mask = buffer.subarray(cursor, cursor + 4);
    const payload = Buffer.from(buffer.subarray(cursor + 4, cursor + 4 + length));
    for (let i = 0; i < payload.length; i++) payload[i] = payload[i]! ^ mask[i % 4]!;
    frames.push({ opcode, payload });
    offset = cursor + 4 + length;
  }
  return { frames, rest: buffer.subarray(offset) };
}

export async function startSocketModeStub(): Promise<SocketModeStub> {
  const received: Record<string, unknown>[] = [];
  const sockets = new Set<Duplex>();
  let greeted: () => void = () => undefined;
  const connected = new Promise<void>((resolve) => (greeted = resolve));
  const server = http.createServer((_req, res) => res.writeHead(426).end());

  server.on('upgrade', (req, socket: Duplex) => {
    const key = String(req.headers['sec-websocket-key'] ?? '');
    const accept = createHash('sha1')
      .update(key + GUID)
      .digest('base64');
    socket.write(
      `HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: ${accept}\r\n\r\n`,
    );
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => sockets.delete(socket));
    let pending: Buffer = Buffer.alloc(0);
    socket.on('data', (chunk: Buffer) => {
      const { frames, rest } = readFrames(Buffer.concat([pending, chunk]));
      pending = rest;
      for (const { opcode, payload } of frames) {
        if (opcode === 0x1)
          received.push(JSON.parse(payload.toString('utf8')) as Record<string, unknown>);
        else if (opcode === 0x9) socket.write(frame(0xa, payload));
        else if (opcode === 0x8) socket.end(frame(0x8, payload.subarray(0, 2)));
      }
    });
    const hello = { type: 'hello', num_connections: 1, connection_info: { app_id: 'A00000001' } };
    socket.write(frame(0x1, Buffer.from(JSON.stringify(hello))));
    greeted();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `ws://127.0.0.1:${port}/link/?ticket=test`,
    received,
    connected: () => connected,
    send(message) {
      for (const socket of sockets) socket.write(frame(0x1, Buffer.from(JSON.stringify(message))));
    },
    async waitForAck(envelopeId, timeoutMs = 5000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const ack = received.find((m) => m.envelope_id === envelopeId);
        if (ack) return ack;
        if (Date.now() > deadline) throw new Error(`no ack for envelope ${envelopeId}`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
