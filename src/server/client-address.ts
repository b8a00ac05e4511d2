import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';

/**
 * The caller's address for throttling: the socket's, or, when the socket is a proxy named
 * in --trust-proxy, the nearest X-Forwarded-For entry that is not such a proxy. A header
 * from anyone else is ignored (anyone can write one). 'local' without a socket (tests).
 */
export function clientAddress(c: Context, trusted: readonly string[]): string {
  let socket: string;
  try {
    socket = normalise(getConnInfo(c).remote.address ?? 'unknown');
  } catch {
    socket = 'local';
  }
  if (!trusted.includes(socket)) return socket;
  const hops = (c.req.header('x-forwarded-for') ?? '').split(',').map((hop) => normalise(hop.trim()));
  for (let i = hops.length - 1; i >= 0; i -= 1) {
    const hop = hops[i];
    if (hop && !trusted.includes(hop)) return hop;
  }
  return socket;
}

/** IPv4 seen through an IPv6 socket (::ffff:10.0.0.1) is the IPv4 address. */
const normalise = (address: string) => address.replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/, '$1');
