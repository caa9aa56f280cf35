import { ArgsType, Field } from 'type-graphql';
import { PageArguments } from '../relay/page-arguments.js';

@ArgsType()
export class PersonListArguments extends PageArguments {
  @Field(() => String, {
    nullable: true,
    description: 'People any of whose names or aliases starts with this text, any case ("lav" finds Sergey Lavrov).',
  })
  name?: string | null;
}
