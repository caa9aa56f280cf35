import { ArgsType, Field } from 'type-graphql';
import { DateTimeISO } from '../scalars/date-time.scalar.js';
import { PageArguments } from '../relay/page-arguments.js';
import { DateOrder } from '../relay/ordering.js';

@ArgsType()
export class ArticleListArguments extends PageArguments {
  @Field(() => String, { nullable: true, description: 'Articles published by the source with this slug.' })
  source?: string | null;

  @Field(() => String, { nullable: true, description: 'Articles on the topic with this slug.' })
  topic?: string | null;

  @Field(() => String, { nullable: true, description: 'Articles that name the person with this slug.' })
  person?: string | null;

  @Field(() => DateTimeISO, { nullable: true, description: 'Articles dated at or after this time.' })
  from?: Date | null;

  @Field(() => DateTimeISO, { nullable: true, description: 'Articles dated before this time.' })
  to?: Date | null;

  @Field(() => DateOrder, { nullable: true, defaultValue: DateOrder.NEWEST_FIRST })
  orderBy?: DateOrder;
}
