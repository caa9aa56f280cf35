// Debian's nginx on loopback as a round-robin balancer in front of `upstreams`, in a temporary folder
// on a free port; each answer names the instance that served it (x-upstream). Stopped and removed
// by the test that started it.
import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort, stopServer, waitForListening } from './ports.js';

const NGINX = '/usr/sbin/nginx';

export interface Balancer {
  url: string;
  stop(): Promise<void>;
}


export async function startNginx(upstreams: string[]): Promise<Balancer> {
  if (!existsSync(NGINX)) throw new Error(`${NGINX} is missing: the several-instance test needs Debian's nginx; run \`apt-get install -y nginx\``);
  const folder = mkdtempSync(path.join(tmpdir(), 'quotegraph-nginx-'));
  // nginx's workers run as nobody and keep temporary files under the prefix.
  chmodSync(folder, 0o755);
  const port = await freePort();
  writeFileSync(
    path.join(folder, 'nginx.conf'),
    `daemon off;
worker_processes 1;
pid ${folder}/nginx.pid;
error_log ${folder}/error.log warn;
events { worker_connections 512; }
http {
  access_log off;
  client_body_temp_path ${folder}/body;
  proxy_temp_path ${folder}/proxy;
  fastcgi_temp_path ${folder}/fastcgi;
  uwsgi_temp_path ${folder}/uwsgi;
  scgi_temp_path ${folder}/scgi;
  upstream quotegraph {
${upstreams.map((upstream) => `    server ${upstream};`).join('\n')}
    keepalive 16;
  }
  server {
    listen 127.0.0.1:${port};
    location / {
      proxy_pass http://quotegraph;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host $host;
      add_header x-upstream $upstream_addr always;
    }
  }
}
`,
  );
  const child = spawn(NGINX, ['-p', folder, '-c', path.join(folder, 'nginx.conf')], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  await waitForListening(port, child, 'nginx', () => output);
  return {
    url: `http://127.0.0.1:${port}`,
    async stop() {
      await stopServer(child);
      rmSync(folder, { recursive: true, force: true });
    },
  };
}
