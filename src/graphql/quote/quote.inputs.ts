import { ArgsType, Field } from 'type-graphql';
import { DateTimeISO } from '../scalars/date-time.scalar.js';
import { DateOrder } from '../pagination/date-order.js';
import { PageArguments } from '../pagination/page-arguments.js';

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

  @Field(() => DateOrder, { nullable: true, defaultValue: DateOrder.NEWEST_FIRST })
  orderBy?: DateOrder;
}
