import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.js';

describe('configuration', () => {
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
