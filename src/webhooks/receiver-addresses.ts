// Where webhook deliveries may go: not into the server's own networks. Without this an editor could
// register http://169.254.169.254/… (a cloud's metadata service), http://127.0.0.1:5432/ or an
// internal admin page, and have the server POST to it (server-side request forgery).
//
// Checked twice: when a webhook is registered (a clear refusal for the editor), and on every
// connection a delivery opens, on the very addresses that connection then uses. DNS may answer
// differently at delivery than at registration (a name re-pointed, or a rebinding attack answering
// a public address first and a private one next), so the connection resolves the name once, refuses
// it if any address is private, and connects to what it checked: there is no second lookup to fool.
import { lookup, type LookupAddress } from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import { BlockList, isIP, type LookupFunction } from 'node:net';

/** The operator's setting that lets webhooks reach private addresses (a receiver on the same host or network). */
export const ALLOW_PRIVATE_SETTING = 'QUOTEGRAPH_WEBHOOKS_ALLOW_PRIVATE';

/**
 * The ranges refused, each with what it is. BlockList matches IPv4-mapped IPv6 addresses
 * (::ffff:10.0.0.1) against the IPv4 ranges too.
 */
const PRIVATE_RANGES = (
  [
    ['0.0.0.0', 8, 'ipv4', '"this network" (0.0.0.0 reaches the server itself)'],
    ['10.0.0.0', 8, 'ipv4', 'a private network'],
    ['100.64.0.0', 10, 'ipv4', 'carrier-grade NAT'],
    ['127.0.0.0', 8, 'ipv4', 'loopback'],
    ['169.254.0.0', 16, 'ipv4', 'link-local (cloud metadata services)'],
    ['172.16.0.0', 12, 'ipv4', 'a private network'],
    ['192.0.0.0', 24, 'ipv4', 'IETF protocol assignments'],
    ['192.168.0.0', 16, 'ipv4', 'a private network'],
    ['198.18.0.0', 15, 'ipv4', 'network benchmarking'],
    ['224.0.0.0', 4, 'ipv4', 'multicast'],
    ['240.0.0.0', 4, 'ipv4', 'reserved (and broadcast)'],
    ['::', 128, 'ipv6', 'the unspecified address'],
    ['::1', 128, 'ipv6', 'loopback'],
    ['fc00::', 7, 'ipv6', 'unique local (private) addresses'],
    ['fe80::', 10, 'ipv6', 'link-local'],
    ['fec0::', 10, 'ipv6', 'site-local'],
    ['ff00::', 8, 'ipv6', 'multicast'],
  ] as const
).map(([network, prefix, family, what]) => {
  const list = new BlockList();
  list.addSubnet(network, prefix, family);
  return { range: `${network}/${prefix}`, what, list };
});

/** IPv6 ranges refused whatever they carry: they reach networks of their own that no check here can see into. */
const TUNNEL_RANGES = (
  [
    ['64:ff9b:1::', 48, 'local-use NAT64 (a network of its own)'],
    ['2001::', 32, 'Teredo tunnelling'],
  ] as const
).map(([network, prefix, what]) => {
  const list = new BlockList();
  list.addSubnet(network, prefix, 'ipv6');
  return { range: `${network}/${prefix}`, what, list };
});

/** The 16-bit groups of one side of an IPv6 address's "::"; a dotted IPv4 tail is two groups. */
function ipv6Groups(part: string): number[] {
  if (part === '') return [];
  return part.split(':').flatMap((group) => {
    if (!group.includes('.')) return [parseInt(group, 16)];
    const [a = 0, b = 0, c = 0, d = 0] = group.split('.').map(Number);
    return [(a << 8) | b, (c << 8) | d];
  });
}

/** The 16 bytes of an IPv6 address (one isIP has accepted), its zone (%eth0) dropped. */
function ipv6Bytes(address: string): number[] {
  const [head = '', tail] = address.split('%')[0]!.split('::');
  const before = ipv6Groups(head);
  const after = tail === undefined ? [] : ipv6Groups(tail);
  const groups = [...before, ...Array<number>(8 - before.length - after.length).fill(0), ...after];
  return groups.flatMap((group) => [group >> 8, group & 0xff]);
}

/**
 * The IPv4 address an IPv6 address carries to a network the IPv4 checks cover: NAT64's well-known
 * prefix (64:ff9b::/96 reaches the IPv4 address in its last 32 bits), 6to4 (2002::/16, the IPv4
 * address after the prefix) and the deprecated IPv4-compatible form (::a.b.c.d).
 */
function embeddedIpv4(address: string): { ipv4: string; through: string } | null {
  const bytes = ipv6Bytes(address);
  const dotted = (from: number) => bytes.slice(from, from + 4).join('.');
  const zeros = (from: number, to: number) => bytes.slice(from, to).every((byte) => byte === 0);
  if (bytes[0] === 0x00 && bytes[1] === 0x64 && bytes[2] === 0xff && bytes[3] === 0x9b && zeros(4, 12)) return { ipv4: dotted(12), through: '64:ff9b::/96 (NAT64)' };
  if (bytes[0] === 0x20 && bytes[1] === 0x02) return { ipv4: dotted(2), through: '2002::/16 (6to4)' };
  if (zeros(0, 12) && !zeros(12, 14)) return { ipv4: dotted(12), through: '::/96 (IPv4-compatible)' };
  return null;
}

/** The refused range `address` (an IP address) falls in, as "10.0.0.0/8 (a private network)", or null for a public address. */
export function privateRange(address: string): string | null {
  const family = isIP(address) === 6 ? 'ipv6' : 'ipv4';
  const found = PRIVATE_RANGES.find((range) => range.list.check(address, family));
  if (found) return `${found.range} (${found.what})`;
  if (family === 'ipv4') return null;
  const tunnel = TUNNEL_RANGES.find((range) => range.list.check(address, 'ipv6'));
  if (tunnel) return `${tunnel.range} (${tunnel.what})`;
  const embedded = embeddedIpv4(address);
  const carried = embedded && privateRange(embedded.ipv4);
  return carried ? `${carried}, reached through ${embedded.through}` : null;
}

/** A receiver refused because of where it is; its message is meant for the editor (and the delivery's lastError). */
export class ReceiverRefusedError extends Error {
  override name = 'ReceiverRefusedError';
}

function refusal(host: string, address: string, range: string): ReceiverRefusedError {
  const where = host === address ? address : `${host} resolves to ${address}, which`;
  return new ReceiverRefusedError(
    `Webhooks are not delivered to private addresses: ${where} is in ${range}` +
      ` (an operator may allow them with ${ALLOW_PRIVATE_SETTING}=1)`,
  );
}

/** Every address a host name resolves to, as the system resolver gives them. */
export type ResolveHost = (hostname: string) => Promise<LookupAddress[]>;

export const resolveHost: ResolveHost = (hostname) =>
  new Promise((resolve, reject) => lookup(hostname, { all: true, verbatim: true }, (error, addresses) => (error ? reject(error) : resolve(addresses))));

/** The host of a URL as an address or a name: WHATWG URLs keep IPv6 addresses in brackets. */
function hostOf(url: URL): string {
  return url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname;
}

/** Throws ReceiverRefusedError when any of `addresses` (those of `host`) is private. */
function checkAddresses(host: string, addresses: readonly string[]): void {
  for (const address of addresses) {
    const range = privateRange(address);
    if (range) throw refusal(host, address, range);
  }
}

/**
 * Checks a webhook's URL when it is registered: its host, or every address its name resolves to
 * now, must be public. Throws ReceiverRefusedError. A name that does not resolve (yet: DNS set up
 * after the webhook, or a machine without DNS) is let through: each delivery resolves and checks
 * it again when it connects, and deliveries that keep failing disable the webhook.
 */
export async function checkReceiverUrl(url: URL, resolve: ResolveHost = resolveHost): Promise<void> {
  const host = hostOf(url);
  if (isIP(host)) return checkReceiverAddress(url);
  let addresses: LookupAddress[];
  try {
    addresses = await resolve(host);
  } catch {
    return;
  }
  checkAddresses(host, addresses.map((entry) => entry.address));
}

/**
 * The DNS lookup a delivery's connection uses: the name is resolved once, every address checked, and
 * the connection goes to the addresses checked. Any private one refuses the connection (a name that
 * mixes public and private addresses is refused whole, since which one a connection gets is not ours
 * to choose).
 */
export function checkedLookup(resolve: ResolveHost = resolveHost): LookupFunction {
  return (hostname, options, callback) => {
    const family = options.family === 4 || options.family === 6 ? options.family : 0;
    const checked = resolve(hostname).then((found) => {
      checkAddresses(hostname, found.map((entry) => entry.address));
      const addresses = family ? found.filter((entry) => entry.family === family) : found;
      if (addresses.length === 0) throw Object.assign(new Error(`${hostname} has no IPv${family} address`), { code: 'ENOTFOUND' });
      return addresses;
    });
    checked.then(
      (addresses) => {
        // Node asks for every address (options.all) when it tries IPv6 and IPv4 side by side, else for one.
        if (options.all) (callback as (error: null, addresses: LookupAddress[]) => void)(null, addresses);
        else callback(null, addresses[0]!.address, addresses[0]!.family);
      },
      (error: NodeJS.ErrnoException) => callback(error, '', 0),
    );
  };
}

/**
 * Checks a delivery's URL before it connects. A name is checked by the connection's own lookup
 * (receiverAgents); an address written in the URL is never looked up, so it is checked here.
 */
export function checkReceiverAddress(url: URL): void {
  const host = hostOf(url);
  if (isIP(host)) checkAddresses(host, [host]);
}

export interface ReceiverAgents {
  'http:': http.Agent;
  'https:': https.Agent;
  destroy(): void;
}

/** Keep-alive agents for deliveries, whose connections go only to public addresses unless `allowPrivate`. */
export function receiverAgents(allowPrivate: boolean, resolve: ResolveHost = resolveHost): ReceiverAgents {
  const options = { keepAlive: true, ...(allowPrivate ? {} : { lookup: checkedLookup(resolve) }) };
  const agents = { 'http:': new http.Agent(options), 'https:': new https.Agent(options) };
  return {
    ...agents,
    destroy() {
      agents['http:'].destroy();
      agents['https:'].destroy();
    },
  };
}
