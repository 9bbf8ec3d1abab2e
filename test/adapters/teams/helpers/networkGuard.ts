/**
 * Records the destination of every outgoing TCP connection made in this test process (node:http, https,
 * undici fetch and TLS all connect through net.Socket#connect), so a test can assert nothing left loopback.
 */
import net from 'node:net';

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost', '::ffff:127.0.0.1']);

export interface NetworkGuard {
  destinations: string[];
  nonLoopback(): string[];
  restore(): void;
}

function destinationOf(args: unknown[]): string {
  const [first, second] = args;
  if (typeof first === 'object' && first !== null) {
    const options = first as { host?: string; port?: number; path?: string };
    if (options.path) return `unix:${options.path}`;
    return `${options.host ?? 'localhost'}:${options.port ?? ''}`;
  }
  if (typeof first === 'number') return `${typeof second === 'string' ? second : 'localhost'}:${first}`;
  return `unix:${String(first)}`;
}

export function guardNetwork(): NetworkGuard {
  const original = net.Socket.prototype.connect;
  const destinations: string[] = [];
  net.Socket.prototype.connect = function (this: net.Socket, ...args: unknown[]) {
    const destination = Array.isArray(args[0]) ? destinationOf(args[0] as unknown[]) : destinationOf(args);
    destinations.push(destination);
    return (original as (...a: unknown[]) => net.Socket).apply(this, args);
  } as typeof original;
  return {
    destinations,
    nonLoopback: () => destinations.filter((destination) => !destination.startsWith('unix:') && !LOOPBACK.has(destination.replace(/:\d*$/, '').replace(/^\[|\]$/g, ''))),
    restore: () => {
      net.Socket.prototype.connect = original;
    },
  };
}
