import { Field, GraphQLISODateTime, Int, ObjectType, registerEnumType } from 'type-graphql';
import { PRICES } from '../cost/query-cost.js';
import { Node } from '../node/node.type.js';
import { Connection } from '../pagination/connection.type.js';

export enum QuoteKind {
  DIRECT = 'DIRECT',
  PARTIAL = 'PARTIAL',
}

registerEnumType(QuoteKind, {
  name: 'QuoteKind',
  description: 'Whether a quote is a whole utterance or a fragment inside the reporter\'s sentence.',
  valuesConfig: {
    DIRECT: { description: 'A quotation set off as a sentence or complete utterance.' },
    PARTIAL: { description: 'A fragment quoted inside the reporter\'s own sentence.' },
  },
});

@ObjectType('Quote', { simpleResolvers: true, implements: Node, description: 'Words attributed to a speaker in an article.' })
export class Quote extends Node {
  @Field(() => String, { complexity: PRICES.shortText, description: 'Exactly the words between the quotation marks.' })
  text!: string;

  @Field(() => QuoteKind, { description: 'Whole utterance (DIRECT) or fragment in the reporter\'s sentence (PARTIAL).' })
  kind!: QuoteKind;

  @Field(() => Int, { description: 'Order of the quote within its article, from 0.' })
  position!: number;

  @Field(() => Int, { description: 'Offset of the first character (in code points) in the article\'s raw text.' })
  startOffset!: number;

  @Field(() => Int, { description: 'Offset after the last character (in code points) in the article\'s raw text.' })
  endOffset!: number;

  @Field(() => String, {
    nullable: true,
    description: 'Who spoke, when the article does not name them ("a Kremlin spokesman"). Null when the speaker is named.',
  })
  speakerDescription!: string | null;

  @Field(() => GraphQLISODateTime, { description: 'The date of the quote\'s article.' })
  date!: Date;
}

@ObjectType('QuoteConnection', { simpleResolvers: true, description: 'A page of quotes.' })
export class QuoteConnection extends Connection(Quote, 'Quote') {}
