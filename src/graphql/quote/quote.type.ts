import { Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DateTimeISO } from '../scalars/date-time.scalar.js';
import { CorrectionNotice } from '../correction/correction.type.js';
import { PRICES } from '../cost/query-cost.js';
import { Node } from '../node/node.type.js';
import { Connection } from '../relay/connection.type.js';

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

@ObjectType('Attribution', { simpleResolvers: true, description: 'How a quote\'s speaker was found, and how sure the pipeline is of it.' })
export class Attribution {
  @Field(() => String, {
    description:
      'The rule that named the speaker, then what its subject was: "speech-verb:person" ("…," Smith said), "speech-verb:pronoun", "according-to:…", "colon:…", "run-on", "adjacent-quote", "paragraph-subject", "previous-paragraph", "none"; "editor" when an editor set it.',
  })
  method!: string;

  @Field(() => Float, { description: 'In [0, 1]: the share of attributions made this way that were right on the development corpus (1 for an editor\'s).' })
  confidence!: number;
}

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

  @Field(() => DateTimeISO, { description: 'The date of the quote\'s article.' })
  date!: Date;

  @Field(() => Attribution, { nullable: true, description: 'How the speaker was found and how sure that is; null for quotes stored before it was kept.' })
  attribution!: Attribution | null;

  @Field(() => Boolean, { description: 'Withdrawn by an editor: kept, but left out of lists unless they ask for retracted quotes (includeRetracted).' })
  retracted!: boolean;

  @Field(() => Boolean, { description: 'Whether an editor corrected the quote (its speaker, words or kind, or retracted or added it).' })
  corrected!: boolean;

  @Field(() => [CorrectionNotice], { description: 'The corrections made to the quote, oldest first, with their notes.' })
  corrections!: CorrectionNotice[];

  @Field(() => Int, { description: 'Counts the changes made to the quote; pass it to a mutation to be told (CONFLICT) when someone changed it since you read it.' })
  version!: number;
}

@ObjectType('QuoteConnection', { simpleResolvers: true, description: 'A page of quotes.' })
export class QuoteConnection extends Connection(Quote, 'Quote') {}
