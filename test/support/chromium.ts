// Debian's Chromium for the browser tests (never a downloaded browser), launched headless and quiet,
// and the check that a page asked nothing of another machine.
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

const CHROMIUM = '/usr/bin/chromium';
// Without these Chromium phones Google (updates, sync, field trials) even from a headless run.
const CHROMIUM_ARGUMENTS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** Debian's Chromium, or an error saying how to install it. */
export function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    return Promise.reject(new Error(`${CHROMIUM} is missing: the browser test needs Debian's Chromium; run \`apt-get install -y chromium\``));
  }
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGUMENTS });
}

/** A request stays on this machine: no network at all (data:, blob:), or http(s)/ws to a loopback host. */
export function staysOnThisMachine(url: string): boolean {
  const { protocol, hostname } = new URL(url);
  if (protocol === 'data:' || protocol === 'blob:') return true;
  return ['http:', 'https:', 'ws:'].includes(protocol) && LOOPBACK_HOSTS.has(hostname);
}
