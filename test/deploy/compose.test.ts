// docker-compose.yml and the Dockerfile as far as a machine without a Docker engine can check them:
// Debian's docker-compose validates the file and resolves the scale profile (it needs no engine).
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { packageRoot } from '../../src/package-root.js';

const COMPOSE = '/usr/bin/docker-compose';

function compose(...args: string[]): string {
  if (!existsSync(COMPOSE)) throw new Error(`${COMPOSE} is missing: this test needs Debian's docker-compose; run \`apt-get install -y docker-compose\``);
  return execFileSync(COMPOSE, ['--project-directory', packageRoot, '-f', path.join(packageRoot, 'docker-compose.yml'), ...args], { encoding: 'utf8' });
}

describe('docker-compose.yml', () => {
  it('validates, and its scale profile runs a primary, a streaming replica, PgBouncer, Redis, two API instances and nginx', () => {
    const resolved = compose('--profile', 'scale', 'config');
    for (const service of ['postgres', 'replica', 'pgbouncer', 'redis', 'api-a', 'api-b', 'nginx']) expect(resolved).toMatch(new RegExp(`^  ${service}:$`, 'm'));
    // The balanced instances read through PgBouncer without named statements, migrate on the primary and read on the replica.
    expect(resolved).toMatch(/DATABASE_URL: postgresql:\/\/quotegraph:quotegraph@pgbouncer:5432\/quotegraph/);
    expect(resolved).toMatch(/DATABASE_DIRECT_URL: postgresql:\/\/quotegraph:quotegraph@postgres:5432\/quotegraph/);
    expect(resolved).toMatch(/DATABASE_REPLICA_URLS: postgresql:\/\/quotegraph:quotegraph@replica:5432\/quotegraph/);
    expect(resolved).toMatch(/QUOTEGRAPH_PREPARED_STATEMENTS: "off"/);
    const nginx = readFileSync(path.join(packageRoot, 'deploy/nginx/nginx.conf'), 'utf8');
    expect(nginx).toMatch(/server api-a:4000/);
    expect(nginx).toMatch(/server api-b:4000/);
  });

  it('runs one instance with the demo articles by default', () => {
    const resolved = compose('config');
    expect(resolved).toMatch(/^  api:$/m);
    expect(resolved).toMatch(/QUOTEGRAPH_SEED: demo/);
  });
});
