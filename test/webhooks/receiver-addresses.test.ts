// Where webhooks may be delivered: public addresses only, checked on the URL at registration and on
// the addresses each delivery's connection resolves (a name re-pointed at a private address after
// registration, as a DNS rebinding attack does, is refused when it connects).
import { createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { checkReceiverUrl, privateRange, receiverAgents, ReceiverRefusedError, type ResolveHost } from '../../src/webhooks/receiver-addresses.js';

/** A resolver that answers from a table, as DNS would. */
function resolverOf(table: Record<string, string[]>): ResolveHost {
  return async (hostname) => {
    const addresses = table[hostname];
    if (!addresses) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' });
    return addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
  };
}

describe('privateRange', () => {
  it.each([
    ['127.0.0.1', '127.0.0.0/8'],
    ['10.255.0.1', '10.0.0.0/8'],
    ['172.16.0.1', '172.16.0.0/12'],
    ['172.31.1.1', '172.16.0.0/12'],
    ['192.168.0.1', '192.168.0.0/16'],
    ['169.254.169.254', '169.254.0.0/16'],
    ['0.0.0.0', '0.0.0.0/8'],
    ['100.100.100.200', '100.64.0.0/10'],
    ['255.255.255.255', '240.0.0.0/4'],
    ['::1', '::1/128'],
    ['::', '::/128'],
    ['fd12:3456::1', 'fc00::/7'],
    ['fe80::1', 'fe80::/10'],
    ['::ffff:192.168.1.1', '192.168.0.0/16'],
    ['::ffff:7f00:1', '127.0.0.0/8'],
    // IPv6 that carries an IPv4 address: NAT64, 6to4, the IPv4-compatible form; tunnels refused outright.
    ['64:ff9b::7f00:1', '127.0.0.0/8'],
    ['64:ff9b::10.1.2.3', '10.0.0.0/8'],
    ['64:FF9B:0:0:0:0:a9fe:a9fe', '169.254.0.0/16'],
    ['2002:c0a8:101::1', '192.168.0.0/16'],
    ['::127.0.0.1', '127.0.0.0/8'],
    ['64:ff9b:1::8.8.8.8', '64:ff9b:1::/48'],
    ['2001:0:4136:e378:8000:63bf:3fff:fdd2', '2001::/32'],
  ])('puts %s in %s', (address, range) => {
    expect(privateRange(address)).toMatch(new RegExp(`^${range.replaceAll('.', '\\.')} \\(`));
  });

  it.each(['93.184.215.14', '8.8.8.8', '172.32.0.1', '172.15.255.255', '192.169.0.1', '2606:4700:4700::1111', '::ffff:8.8.8.8', '64:ff9b::808:808', '2002:808:808::1', '2001:db9::1'])('lets %s through', (address) => {
    expect(privateRange(address)).toBeNull();
  });
});

describe('checkReceiverUrl', () => {
  const resolve = resolverOf({
    'hooks.example': ['93.184.215.14', '2606:2800:21f:cb07:6820:80da:af6b:8b2c'],
    'intranet.example': ['10.0.3.7'],
    'half.example': ['93.184.215.14', '192.168.0.9'],
    'metadata.example': ['fd00:ec2::254'],
  });

  it('accepts a name that resolves only to public addresses, and a public address', async () => {
    await expect(checkReceiverUrl(new URL('https://hooks.example/quotegraph'), resolve)).resolves.toBeUndefined();
    await expect(checkReceiverUrl(new URL('http://93.184.215.14:8080/'), resolve)).resolves.toBeUndefined();
  });

  it('refuses a name that resolves to a private address, even one of several', async () => {
    await expect(checkReceiverUrl(new URL('https://intranet.example/'), resolve)).rejects.toThrow('intranet.example resolves to 10.0.3.7, which is in 10.0.0.0/8');
    await expect(checkReceiverUrl(new URL('https://half.example/'), resolve)).rejects.toThrow('half.example resolves to 192.168.0.9');
    await expect(checkReceiverUrl(new URL('https://metadata.example/'), resolve)).rejects.toThrow('fc00::/7');
  });

  it('refuses a private address written in the URL, in any of its spellings; lets a name that does not resolve wait for delivery', async () => {
    for (const url of ['http://127.0.0.1/', 'http://0x7f.1/', 'http://017700000001/', 'http://[::ffff:127.0.0.1]/', 'http://[0:0:0:0:0:0:0:1]/']) {
      await expect(checkReceiverUrl(new URL(url), resolve), url).rejects.toBeInstanceOf(ReceiverRefusedError);
    }
    await expect(checkReceiverUrl(new URL('https://gone.example/'), resolve)).resolves.toBeUndefined();
  });
});

describe('receiverAgents', () => {
  /** POSTs through `agent` to `port` on a host name; resolves with the status or rejects with the connection's error. */
  function post(agent: import('node:http').Agent, hostname: string, port: number): Promise<number> {
    return new Promise((resolve, reject) => {
      const sending = request({ hostname, port, path: '/hook', method: 'POST', agent }, (response) => {
        response.resume();
        response.on('end', () => resolve(response.statusCode ?? 0));
      });
      sending.on('error', reject);
      sending.end('{}');
    });
  }

  it('connect to a name only while it resolves to public addresses: one re-pointed at loopback is refused before connecting', async () => {
    let received = 0;
    const server = createServer((incoming, response) => {
      received++;
      incoming.resume();
      response.end('ok');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    // Registration saw a public address; by delivery the name points at the server's own loopback.
    const answers = [['93.184.215.14'], ['127.0.0.1']];
    let lookups = 0;
    const rebinding: ResolveHost = async () => (answers[Math.min(lookups++, 1)] ?? []).map((address) => ({ address, family: 4 }));
    await expect(checkReceiverUrl(new URL(`http://rebinding.example:${port}/hook`), rebinding)).resolves.toBeUndefined();
    const guarded = receiverAgents(false, rebinding);
    const open = receiverAgents(true);
    try {
      await expect(post(guarded['http:'], 'rebinding.example', port)).rejects.toThrow('rebinding.example resolves to 127.0.0.1, which is in 127.0.0.0/8');
      expect(received).toBe(0);
      // With the operator's setting, a receiver on loopback is reached.
      expect(await post(open['http:'], 'localhost', port)).toBe(200);
      expect(received).toBe(1);
    } finally {
      guarded.destroy();
      open.destroy();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
