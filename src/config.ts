// The one place that reads the environment. Everything else receives a validated Config.
import path from 'node:path';
import { packageRoot } from './package-root.js';

export interface Config {
  /** PostgreSQL connection string; null means the embedded PGlite database in `dataDirectory`. */
  databaseUrl: string | null;
  /** Folder of the embedded database (used only without DATABASE_URL). */
  dataDirectory: string;
  host: string;
  port: number;
  production: boolean;
  /** Serve the GraphQL IDE on GET /graphql. */
  ide: boolean;
  /** Answer introspection queries. */
  introspection: boolean;
  /** Expose the ingestArticle mutation. */
  ingestMutation: boolean;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

type Environment = Record<string, string | undefined>;

function readBoolean(environment: Environment, name: string, fallback: boolean): boolean {
  const value = environment[name]?.trim().toLowerCase();
  if (value === undefined || value === '') return fallback;
  if (['1', 'true', 'yes', 'on'].includes(value)) return true;
  if (['0', 'false', 'no', 'off'].includes(value)) return false;
  throw new ConfigError(`${name} must be true or false, not "${environment[name]}"`);
}

function readPort(environment: Environment): number {
  const value = environment.PORT?.trim();
  if (value === undefined || value === '') return 4000;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new ConfigError(`PORT must be a whole number from 0 to 65535, not "${value}"`);
  }
  return port;
}

function readDatabaseUrl(environment: Environment): string | null {
  const value = environment.DATABASE_URL?.trim();
  if (value === undefined || value === '') return null;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigError('DATABASE_URL is not a valid URL (expected postgresql://user@host:port/database)');
  }
  if (url.protocol !== 'postgresql:' && url.protocol !== 'postgres:') {
    throw new ConfigError(`DATABASE_URL must start with postgresql://, not ${url.protocol}//`);
  }
  return value;
}

export function loadConfig(environment: Environment = process.env): Config {
  const production = environment.NODE_ENV === 'production';
  return {
    databaseUrl: readDatabaseUrl(environment),
    dataDirectory: path.resolve(packageRoot, environment.QUOTEGRAPH_DATA_DIR?.trim() || '.data/pglite'),
    host: environment.HOST?.trim() || '127.0.0.1',
    port: readPort(environment),
    production,
    ide: readBoolean(environment, 'QUOTEGRAPH_IDE', !production),
    introspection: readBoolean(environment, 'QUOTEGRAPH_INTROSPECTION', true),
    ingestMutation: readBoolean(environment, 'QUOTEGRAPH_INGEST_MUTATION', false),
  };
}
