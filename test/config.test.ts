// Configuration read from the environment: the HTTP server's limits and their checks.
import { availableParallelism } from 'node:os';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, loadDatabaseAdminUrl } from '../src/config.js';

describe('loadConfig', () => {
  it('bounds connections by default: headers, whole request, body pauses, and how many at once', () => {
    expect(loadConfig({})).toMatchObject({ headersTimeout: 10_000, requestTimeout: 30_000, bodyTimeout: 10_000, maxConnections: 1_000 });
    expect(loadConfig({ QUOTEGRAPH_MAX_CONNECTIONS: '50', QUOTEGRAPH_BODY_TIMEOUT_MS: '2000' })).toMatchObject({ maxConnections: 50, bodyTimeout: 2_000 });
  });

  it('refuses a headers timeout longer than the request timeout, and limits that are not whole numbers', () => {
    expect(() => loadConfig({ QUOTEGRAPH_HEADERS_TIMEOUT_MS: '40000' })).toThrow(ConfigError);
    expect(() => loadConfig({ QUOTEGRAPH_MAX_CONNECTIONS: 'many' })).toThrow(/QUOTEGRAPH_MAX_CONNECTIONS/);
  });

  it('extracts a bulk ingest on one thread fewer than the cores, at least one, unless told', () => {
    expect(loadConfig({}).extractionThreads).toBe(Math.max(1, availableParallelism() - 1));
    expect(loadConfig({ QUOTEGRAPH_EXTRACTION_THREADS: '3' }).extractionThreads).toBe(3);
    expect(() => loadConfig({ QUOTEGRAPH_EXTRACTION_THREADS: '0' })).toThrow(/QUOTEGRAPH_EXTRACTION_THREADS/);
  });
});

describe('loadConfig: query limits', () => {
  it('serves the desk in development, not in production unless QUOTEGRAPH_DESK=on', () => {
    expect(loadConfig({}).desk).toBe(true);
    expect(loadConfig({ NODE_ENV: 'production' }).desk).toBe(false);
    expect(loadConfig({ NODE_ENV: 'production', QUOTEGRAPH_DESK: 'on' }).desk).toBe(true);
    expect(loadConfig({ QUOTEGRAPH_DESK: 'off' }).desk).toBe(false);
  });

  it('answers introspection in development, not in production unless asked for', () => {
    expect(loadConfig({}).introspection).toBe(true);
    expect(loadConfig({ NODE_ENV: 'production' }).introspection).toBe(false);
    expect(loadConfig({ NODE_ENV: 'production', QUOTEGRAPH_INTROSPECTION: 'on' }).introspection).toBe(true);
  });

  it('reads the cost, token and response limits', () => {
    const config = loadConfig({ QUOTEGRAPH_MAX_COST: '900', QUOTEGRAPH_MAX_TOKENS: '300', QUOTEGRAPH_MAX_RESPONSE_BYTES: '4096' });
    expect(config.queryLimits).toMatchObject({ maxCost: 900, maxTokens: 300 });
    expect(config.responseLimit).toBe(4096);
    expect(() => loadConfig({ QUOTEGRAPH_MAX_COST: 'lots' })).toThrow(ConfigError);
  });
});

describe('loadConfig: webhooks', () => {
  it('refuses private receiver addresses unless QUOTEGRAPH_WEBHOOKS_ALLOW_PRIVATE is on', () => {
    expect(loadConfig({}).webhooks.allowPrivate).toBe(false);
    expect(loadConfig({ QUOTEGRAPH_WEBHOOKS_ALLOW_PRIVATE: '1' }).webhooks.allowPrivate).toBe(true);
    expect(() => loadConfig({ QUOTEGRAPH_WEBHOOKS_ALLOW_PRIVATE: 'sometimes' })).toThrow(/QUOTEGRAPH_WEBHOOKS_ALLOW_PRIVATE/);
  });
});

describe('loadConfig: outbox retention', () => {
  it('keeps events 7 days by default, any whole number of days, or every event with 0', () => {
    expect(loadConfig({}).outboxRetentionDays).toBe(7);
    expect(loadConfig({ QUOTEGRAPH_OUTBOX_RETENTION_DAYS: '30' }).outboxRetentionDays).toBe(30);
    expect(loadConfig({ QUOTEGRAPH_OUTBOX_RETENTION_DAYS: '0' }).outboxRetentionDays).toBe(0);
    expect(() => loadConfig({ QUOTEGRAPH_OUTBOX_RETENTION_DAYS: '1.5' })).toThrow(/QUOTEGRAPH_OUTBOX_RETENTION_DAYS/);
  });
});

describe('loadDatabaseAdminUrl', () => {
  it('is the local server unless DATABASE_ADMIN_URL names another, which must be a PostgreSQL URL', () => {
    expect(loadDatabaseAdminUrl({})).toBe('postgresql://postgres@127.0.0.1:5432/postgres');
    expect(loadDatabaseAdminUrl({ DATABASE_ADMIN_URL: 'postgresql://admin@db:5433/postgres' })).toBe('postgresql://admin@db:5433/postgres');
    expect(() => loadDatabaseAdminUrl({ DATABASE_ADMIN_URL: 'mysql://db/x' })).toThrow(ConfigError);
  });
});
