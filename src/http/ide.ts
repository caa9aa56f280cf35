// The GraphQL IDE (GraphiQL 3) for browsers. Every file it needs comes from node_modules through this
// server, so it works with no internet: the page on GET /graphql, its scripts and styles under /ide/.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { createRequire } from 'node:module';
import path from 'node:path';
import { EXAMPLE_QUERY } from './example-query.js';

const require = createRequire(import.meta.url);

/** The URL prefix of the IDE's files (app.ts routes it here). */
const IDE_ASSET_PREFIX = '/ide/';

// The page names its files with a content hash (`?v=`), so a browser may keep them for good; the page
// itself is revalidated on every visit so that an upgrade reaches it.
const CACHE_FOREVER = 'public, max-age=31536000, immutable';
const CACHE_PAGE = 'no-cache';
// Source maps are fetched by the browser's developer tools under their plain name, without a hash.
const CACHE_SOURCE_MAP = 'public, max-age=86400';

// Scripts only from this server, requests only to it; fonts and images come inlined as data: URLs in
// GraphiQL's CSS. Its dialogs add a <style> element when they open (react-remove-scroll), hence
// 'unsafe-inline' for styles.
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

interface Asset {
  contentType: string;
  cacheControl: string;
  read(): Buffer;
}

/** A file inside an installed package (react 18 does not export its umd/ folder, so go by package.json). */
function packageFile(packageName: string, file: string): () => Buffer {
  return () => readFileSync(path.join(path.dirname(require.resolve(`${packageName}/package.json`)), file));
}

const JAVASCRIPT = 'text/javascript; charset=utf-8';
const CSS = 'text/css; charset=utf-8';
const SOURCE_MAP = 'application/json; charset=utf-8';

/** Starts GraphiQL, posting to the URL the page was served from (so /graphql, or behind a path prefix). */
function startScript(): Buffer {
  const props = `{
    fetcher: GraphiQL.createFetcher({ url: location.origin + location.pathname }),
    defaultQuery: ${JSON.stringify(EXAMPLE_QUERY)},
  }`;
  return Buffer.from(
    `ReactDOM.createRoot(document.getElementById('graphiql')).render(React.createElement(GraphiQL, ${props}));\n`,
  );
}

const assets: Record<string, Asset> = {
  'react.production.min.js': { contentType: JAVASCRIPT, cacheControl: CACHE_FOREVER, read: packageFile('react', 'umd/react.production.min.js') },
  'react-dom.production.min.js': {
    contentType: JAVASCRIPT,
    cacheControl: CACHE_FOREVER,
    read: packageFile('react-dom', 'umd/react-dom.production.min.js'),
  },
  'graphiql.min.js': { contentType: JAVASCRIPT, cacheControl: CACHE_FOREVER, read: packageFile('graphiql', 'graphiql.min.js') },
  'graphiql.min.css': { contentType: CSS, cacheControl: CACHE_FOREVER, read: packageFile('graphiql', 'graphiql.min.css') },
  'graphiql.min.js.map': { contentType: SOURCE_MAP, cacheControl: CACHE_SOURCE_MAP, read: packageFile('graphiql', 'graphiql.min.js.map') },
  'graphiql.min.css.map': { contentType: SOURCE_MAP, cacheControl: CACHE_SOURCE_MAP, read: packageFile('graphiql', 'graphiql.min.css.map') },
  'page.css': { contentType: CSS, cacheControl: CACHE_FOREVER, read: () => Buffer.from('html, body, #graphiql { height: 100%; margin: 0; }\n') },
  'start.js': { contentType: JAVASCRIPT, cacheControl: CACHE_FOREVER, read: startScript },
};

/** Files already read; each is read from disk once, on first use. */
const loaded = new Map<string, Buffer>();

function assetBody(name: string): Buffer {
  let body = loaded.get(name);
  if (!body) {
    body = assets[name]!.read();
    loaded.set(name, body);
  }
  return body;
}

/** The URL the page uses for an asset: relative to /graphql, and changing whenever the file does. */
function assetUrl(name: string): string {
  const version = createHash('sha256').update(assetBody(name)).digest('hex').slice(0, 12);
  return `${IDE_ASSET_PREFIX.slice(1)}${name}?v=${version}`;
}

let page: Buffer | undefined;

function idePage(): Buffer {
  page ??= Buffer.from(`<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>Quotegraph · GraphiQL</title>
  <link rel="icon" href="data:,">
  <link rel="stylesheet" href="${assetUrl('graphiql.min.css')}">
  <link rel="stylesheet" href="${assetUrl('page.css')}">
</head>
<body>
  <div id="graphiql">Loading the GraphQL IDE…</div>
  <script src="${assetUrl('react.production.min.js')}"></script>
  <script src="${assetUrl('react-dom.production.min.js')}"></script>
  <script src="${assetUrl('graphiql.min.js')}"></script>
  <script src="${assetUrl('start.js')}"></script>
</body>
</html>
`);
  return page;
}

function send(response: ServerResponse, body: Buffer, headers: Record<string, string>): void {
  response.writeHead(200, { ...headers, 'content-length': String(body.length), 'x-content-type-options': 'nosniff' });
  response.end(body);
}

/**
 * Answers `/graphql` (the IDE page) and `/ide/<file>`; returns false, sending nothing, for any other
 * path so the caller can carry on routing.
 */
export function serveIde(pathname: string, response: ServerResponse): boolean {
  if (pathname === '/graphql') {
    send(response, idePage(), {
      'content-type': 'text/html; charset=utf-8',
      'cache-control': CACHE_PAGE,
      'content-security-policy': CONTENT_SECURITY_POLICY,
    });
    return true;
  }
  if (!pathname.startsWith(IDE_ASSET_PREFIX)) return false;
  const name = pathname.slice(IDE_ASSET_PREFIX.length);
  if (!Object.hasOwn(assets, name)) return false;
  const asset = assets[name]!;
  send(response, assetBody(name), { 'content-type': asset.contentType, 'cache-control': asset.cacheControl });
  return true;
}
