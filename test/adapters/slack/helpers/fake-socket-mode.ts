/**
 * Slack's side of a Socket Mode connection, just enough for tests: the WebSocket handshake (RFC 6455),
 * a `hello`, envelopes sent to the app, and the app's acknowledgements (masked client frames) read back.
 */
import { createHash } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Socket } from 'node:net';
import type { FakeSlack } from './fake-slack.js';

const HANDSHAKE_GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';
const OPCODE = { text: 0x1, close: 0x8, ping: 0x9, pong: 0xa } as const;

interface Frame {
  opcode: number;
  payload: Buffer;
}

export class FakeSocketMode {
  readonly acks: Record<string, unknown>[] = [];
  private socket: Socket | undefined;
  private buffer = Buffer.alloc(0);
  private connected: Promise<void>;
  private markConnected: () => void = () => undefined;
  private ackWaiters: { envelopeId: string; resolve: (ack: Record<string, unknown>) => void }[] = [];

  constructor(fake: FakeSlack) {
    this.connected = new Promise((resolve) => {
      this.markConnected = resolve;
    });
    fake.onUpgrade((request, socket) => this.accept(request, socket));
  }

  /** Resolves once the app has connected and been sent `hello`. */
  whenConnected(): Promise<void> {
    return this.connected;
  }

  /** Sends an envelope the way Slack does; resolves with the app's acknowledgement of it. */
  deliver(envelope: { envelope_id: string; type: string; payload: unknown; accepts_response_payload?: boolean }): Promise<Record<string, unknown>> {
    const acked = new Promise<Record<string, unknown>>((resolve) => this.ackWaiters.push({ envelopeId: envelope.envelope_id, resolve }));
    this.sendText(JSON.stringify({ accepts_response_payload: false, retry_attempt: 0, retry_reason: '', ...envelope }));
    return acked;
  }

  close(): void {
    this.socket?.destroy();
  }

  private accept(request: IncomingMessage, socket: Socket): void {
    const key = request.headers['sec-websocket-key'];
    const accept = createHash('sha1').update(`${String(key)}${HANDSHAKE_GUID}`).digest('base64');
    socket.write(['HTTP/1.1 101 Switching Protocols', 'Upgrade: websocket', 'Connection: Upgrade', `Sec-WebSocket-Accept: ${accept}`, '', ''].join('\r\n'));
    this.socket = socket;
    socket.on('data', (chunk: Buffer) => this.receive(chunk));
    socket.on('error', () => undefined);
    this.sendText(JSON.stringify({ type: 'hello', num_connections: 1, debug_info: { host: 'fake' }, connection_info: { app_id: 'A0APP' } }));
    this.markConnected();
  }

  private receive(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (let frame = this.take(); frame; frame = this.take()) this.onFrame(frame);
  }

  private onFrame({ opcode, payload }: Frame): void {
    if (opcode === OPCODE.ping) this.write(OPCODE.pong, payload);
    if (opcode === OPCODE.close) this.socket?.end();
    if (opcode !== OPCODE.text) return;
    const ack = JSON.parse(payload.toString('utf8')) as Record<string, unknown>;
    this.acks.push(ack);
    const ready = this.ackWaiters.filter((waiter) => waiter.envelopeId === ack.envelope_id);
    this.ackWaiters = this.ackWaiters.filter((waiter) => !ready.includes(waiter));
    for (const waiter of ready) waiter.resolve(ack);
  }

  private sendText(text: string): void {
    this.write(OPCODE.text, Buffer.from(text, 'utf8'));
  }

  /** Server frames are unmasked. */
  private write(opcode: number, payload: Buffer): void {
    const length = payload.length;
    const header = length < 126 ? Buffer.from([0x80 | opcode, length]) : length < 65536 ? Buffer.from([0x80 | opcode, 126, length >> 8, length & 0xff]) : longHeader(opcode, length);
    this.socket?.write(Buffer.concat([header, payload]));
  }

  /** Consumes one whole frame from the buffer, if one has arrived; client frames are masked. */
  private take(): Frame | null {
    const data = this.buffer;
    if (data.length < 2) return null;
    const opcode = (data[0] ?? 0) & 0x0f;
    const masked = ((data[1] ?? 0) & 0x80) !== 0;
    let length = (data[1] ?? 0) & 0x7f;
    let offset = 2;
    if (length === 126) {
      if (data.length < 4) return null;
      length = data.readUInt16BE(2);
      offset = 4;
    } else if (length === 127) {
      if (data.length < 10) return null;
      length = Number(data.readBigUInt64BE(2));
      offset = 10;
    }
    const maskLength = masked ? 4 : 0;
    if (data.length < offset + maskLength + length) return null;
    const mask = data.subarray(offset, offset + maskLength);
    const payload = Buffer.from(data.subarray(offset + maskLength, offset + maskLength + length));
    if (masked) for (let index = 0; index < payload.length; index += 1) payload[index] = (payload[index] ?? 0) ^ (mask[index % 4] ?? 0);
    this.buffer = data.subarray(offset + maskLength + length);
    return { opcode, payload };
  }
}

function longHeader(opcode: number, length: number): Buffer {
  const header = Buffer.alloc(10);
  header[0] = 0x80 | opcode;
  header[1] = 127;
  header.writeBigUInt64BE(BigInt(length), 2);
  return header;
}
