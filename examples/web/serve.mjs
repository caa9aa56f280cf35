// Serves this example on its own origin (another port than the API's), with graphql-ws's browser
// build from node_modules. Usage: node examples/web/serve.mjs [port]  (then open
// http://127.0.0.1:5173/?api=http://127.0.0.1:4000/graphql)
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const graphqlWs = path.join(path.dirname(createRequire(import.meta.url).resolve('graphql-ws/package.json')), 'umd/graphql-ws.js');
const FILES = {
  '/': [path.join(here, 'index.html'), 'text/html; charset=utf-8'],
  '/app.js': [path.join(here, 'app.js'), 'text/javascript; charset=utf-8'],
  '/vendor/graphql-ws.js': [graphqlWs, 'text/javascript; charset=utf-8'],
};

/** Starts the example's server; resolves with it once listening (port 0 picks a free one). */
export function serveExample(port = 5173, host = '127.0.0.1') {
  const server = createServer(async (request, response) => {
    const file = FILES[new URL(request.url ?? '/', 'http://x').pathname];
    if (!file) {
      response.statusCode = 404;
      return response.end('not found');
    }
    response.setHeader('content-type', file[1]);
    response.end(await readFile(file[0]));
  });
  return new Promise((resolve) => server.listen(port, host, () => resolve(server)));
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const server = await serveExample(Number(process.argv[2] ?? 5173));
  console.log(`examples/web on http://127.0.0.1:${server.address().port}/?api=http://127.0.0.1:4000/graphql`);
}
