// The floor: node:http and pg, one hand-written SQL statement per shape that builds the whole
// response in PostgreSQL (each list one array of its rows made JSON, `array_to_json(ARRAY(...))`,
// which measured cheaper than json_agg), passed through as it comes, each a named prepared statement
// (parsed and planned once per connection, as Quotegraph's are). It marks what a hand-written server
// does on this machine and database. Run by bench/run.ts
// with DATABASE_URL, PORT and BENCH_SHAPE_PARAMETERS (JSON) in the environment; prints "ready".
import { createServer } from 'node:http';
import { comparisonPool } from './database.js';
import { buildShapes, type ShapeParameters } from './shapes.js';

const connectionString = process.env.DATABASE_URL;
if (!connectionString) throw new Error('DATABASE_URL is not set');
const shapes = buildShapes(JSON.parse(process.env.BENCH_SHAPE_PARAMETERS ?? '{}') as ShapeParameters);
const byQuery = new Map(shapes.map((shape) => [shape.quotegraph, { name: `floor_${shape.name}`, ...shape.floor }]));
const pool = comparisonPool(connectionString);

const server = createServer((request, response) => {
  const chunks: Buffer[] = [];
  request.on('data', (chunk: Buffer) => chunks.push(chunk));
  request.on('end', () => {
    const fail = (status: number, message: string) => {
      response.statusCode = status;
      response.setHeader('content-type', 'application/json');
      response.end(JSON.stringify({ errors: [{ message }] }));
    };
    let query: unknown;
    try {
      query = (JSON.parse(Buffer.concat(chunks).toString('utf8')) as { query?: unknown }).query;
    } catch {
      return fail(400, 'invalid JSON');
    }
    const statement = typeof query === 'string' ? byQuery.get(query) : undefined;
    if (!statement) return fail(400, 'not one of the benchmark shapes');
    pool.query<{ body: string }>({ name: statement.name, text: statement.sql, values: statement.parameters }).then(
      ({ rows }) => {
        response.setHeader('content-type', 'application/json; charset=utf-8');
        response.end(rows[0]!.body);
      },
      (error: Error) => fail(500, error.message),
    );
  });
});

server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => console.log('ready'));
process.on('SIGTERM', () => {
  server.close();
  void pool.end().finally(() => process.exit(0));
});
