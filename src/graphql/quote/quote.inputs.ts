import { ArgsType, Field, registerEnumType } from 'type-graphql';
import { PageArguments } from '../relay/page-arguments.js';
import { DateTimeISO } from '../scalars/date-time.scalar.js';

/** Orders of the top-level quote list: by date, or the review queue's (least sure attribution first). */
export enum QuoteOrder {
  NEWEST_FIRST = 'NEWEST_FIRST',
  OLDEST_FIRST = 'OLDEST_FIRST',
  LEAST_CONFIDENT_FIRST = 'LEAST_CONFIDENT_FIRST',
}

registerEnumType(QuoteOrder, {
  name: 'QuoteOrder',
  description: 'Order of a list of quotes, ties broken by id.',
  valuesConfig: {
    NEWEST_FIRST: { description: 'By date, newest first.' },
    OLDEST_FIRST: { description: 'By date, oldest first.' },
    LEAST_CONFIDENT_FIRST: {
      description:
        'By attribution confidence, lowest first: what an editor should check first. Leaves out quotes stored before confidence was kept (attribution null).',
    },
  },
});

@ArgsType()
export class QuotePageArguments extends PageArguments {
  @Field(() => Boolean, {
    nullable: true,
    defaultValue: false,
    description: 'Include quotes an editor retracted (marked `retracted: true`); lists leave them out by default.',
  })
  includeRetracted?: boolean | null;
}

@ArgsType()
export class QuoteListArguments extends QuotePageArguments {
  @Field(() => String, {
    nullable: true,
    description: 'Quotes by this speaker: a full name, any alias, or a surname ("Lavrov").',
  })
  speaker?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Quotes by the person with this slug (a slug they had before a rename, or of a person merged into them, finds them too).',
  })
  person?: string | null;

  @Field(() => String, { nullable: true, description: 'Quotes in the article with this slug.' })
  article?: string | null;

  @Field(() => String, { nullable: true, description: 'Quotes in articles on the topic with this slug.' })
  topic?: string | null;

  @Field(() => String, { nullable: true, description: 'Quotes in articles published by the source with this slug.' })
  source?: string | null;

  @Field(() => DateTimeISO, { nullable: true, description: 'Quotes from articles dated at or after this time.' })
  from?: Date | null;

  @Field(() => DateTimeISO, { nullable: true, description: 'Quotes from articles dated before this time.' })
  to?: Date | null;

  @Field(() => QuoteOrder, { nullable: true, defaultValue: QuoteOrder.NEWEST_FIRST })
  orderBy?: QuoteOrder;
}
