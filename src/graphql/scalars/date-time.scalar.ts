// The schema's one date scalar. It keeps the name type-graphql gives it (DateTimeISO), so clients'
// code generation configs keep working, and also takes a bare date as input: `from: "2019-01-01"`
// is what people write, and was refused when only full date-times were accepted.
import { GraphQLScalarType, Kind, type ValueNode } from 'graphql';
import { GraphQLDateTimeISO } from 'graphql-scalars';

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A date (`2019-01-01`) as the start of that day in UTC, or null when `value` is not one. */
function startOfDay(value: string): Date | null {
  const match = DATE_ONLY.exec(value);
  if (!match) return null;
  const date = new Date(`${value}T00:00:00.000Z`);
  // Date.parse rolls 2019-02-30 over to March; a date that does not exist is refused instead.
  if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value) return null;
  return date;
}

export const DateTimeISO = new GraphQLScalarType({
  name: 'DateTimeISO',
  description:
    'A moment in time. Sent as an ISO 8601 date-time string in UTC (`2019-05-14T09:30:00.000Z`). As an argument it ' +
    'takes a date-time with any offset, or a date (`2019-05-14`), which means the start of that day in UTC. For ' +
    'GraphQL Code Generator, map it to `string` (`scalars: { DateTimeISO: "string" }`) or parse it into a `Date` yourself.',
  serialize: (value) => GraphQLDateTimeISO.serialize(value),
  parseValue(value) {
    const date = typeof value === 'string' ? startOfDay(value) : null;
    return date ?? GraphQLDateTimeISO.parseValue(value);
  },
  parseLiteral(node: ValueNode, variables) {
    const date = node.kind === Kind.STRING ? startOfDay(node.value) : null;
    return date ?? GraphQLDateTimeISO.parseLiteral(node, variables);
  },
  extensions: { codegenScalarType: 'string' },
});
