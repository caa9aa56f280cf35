// The newsroom desk: the editors' review page (src/desk, a React app bundled into dist/desk by
// scripts/bundle.mjs), served by this process on /desk with its two files under /desk/. It speaks
// only to /graphql on the same origin, with the key the editor pastes.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import path from 'node:path';
import { packageRoot } from '../package-root.js';

const DESK_FOLDER = path.join(packageRoot, 'dist', 'desk');

// Everything from this server, and nothing inline: the app sets its colours through the DOM's style
// properties, which a CSP does not govern, so no 'unsafe-inline' is needed for styles either.
const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const CACHE_FOREVER = 'public, max-age=31536000, immutable';

const assets: Record<string, string> = {
  'desk.js': 'text/javascript; charset=utf-8',
  'desk.css': 'text/css; charset=utf-8',
};

/** Files read once, on first use (a rebuild needs a restart, as the API's own code does). */
const loaded = new Map<string, Buffer | null>();

function assetBody(name: string): Buffer | null {
  if (!loaded.has(name)) {
    try {
      loaded.set(name, readFileSync(path.join(DESK_FOLDER, name)));
    } catch {
      loaded.set(name, null);
    }
  }
  return loaded.get(name)!;
}

/** Relative to /desk, with a content hash so that browsers may keep the file for good. */
function assetUrl(name: string, body: Buffer): string {
  return `desk/${name}?v=${createHash('sha256').update(body).digest('hex').slice(0, 12)}`;
}

function deskPage(script: Buffer, styles: Buffer): Buffer {
  return Buffer.from(`<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>Quotegraph · Desk</title>
  <link rel="icon" href="data:,">
  <link rel="stylesheet" href="${assetUrl('desk.css', styles)}">
</head>
<body>
  <div id="desk"><p>Loading the desk…</p></div>
  <script type="module" src="${assetUrl('desk.js', script)}"></script>
</body>
</html>
`);
}

function send(response: ServerResponse, status: number, body: Buffer, headers: Record<string, string>): void {
  response.writeHead(status, { ...headers, 'content-length': String(body.length), 'x-content-type-options': 'nosniff', 'referrer-policy': 'no-referrer' });
  response.end(body);
}

/** Answers `/desk` (the page) and `/desk/<file>`; false, sending nothing, for any other path. */
export function serveDesk(pathname: string, response: ServerResponse): boolean {
  if (pathname === '/desk' || pathname === '/desk/') {
    const script = assetBody('desk.js');
    const styles = assetBody('desk.css');
    if (!script || !styles) {
      send(response, 503, Buffer.from('The desk is not built: run `npm run build`.\n'), { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' });
      return true;
    }
    if (pathname === '/desk/') {
      response.writeHead(301, { location: '/desk' });
      response.end();
      return true;
    }
    send(response, 200, deskPage(script, styles), {
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'no-cache',
      'content-security-policy': CONTENT_SECURITY_POLICY,
    });
    return true;
  }
  const name = pathname.slice('/desk/'.length);
  if (!Object.hasOwn(assets, name)) return false;
  const body = assetBody(name);
  if (!body) return false;
  send(response, 200, body, { 'content-type': assets[name]!, 'cache-control': CACHE_FOREVER });
  return true;
}
