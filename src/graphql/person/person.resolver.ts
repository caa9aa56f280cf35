import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, Info, ID, Query, Resolver, Root } from 'type-graphql';
import { articlesByAuthor, articlesMentioningPerson, type ArticleRow } from '../article/article.lists.js';
import { ArticleConnection } from '../article/article.type.js';
import type { Context } from '../context.js';
import { toGlobalId } from '../node/global-id.js';
import { listConnection, nestedConnection } from '../read/answer.js';
import { findRowBySlug } from '../read/execute.js';
import { AnswersFromColumn, ReadsList, ReadsRowBySlug, ReadsTopList, type TopList } from '../read/fields.js';
import { readAlongRow } from '../read/plan.js';
import type { ConnectionValue } from '../relay/connection.type.js';
import { PageArguments } from '../relay/page-arguments.js';
import { quotesBySpeaker, type QuoteRow } from '../quote/quote.lists.js';
import { QuotePageArguments } from '../quote/quote.inputs.js';
import { QuoteConnection } from '../quote/quote.type.js';
import { PersonListArguments } from './person.inputs.js';
import { peopleByName, personFilter, personRows, type PersonRow } from './person.lists.js';
import { Person, PersonConnection } from './person.type.js';

/** The list of people `people(...)` reads for its arguments. */
function personList(args: PersonListArguments): TopList {
  return { spec: peopleByName, filter: personFilter(args) };
}

@Resolver(() => Person)
export class PersonResolver {
  @ReadsRowBySlug(personRows)
  @Query(() => Person, { nullable: true, description: 'The person with this slug, or null. A slug the person had before a rename, or of a person merged into them, finds them too.' })
  person(@Arg('slug', () => String) slug: string, @Ctx() { sql }: Context, @Info() info: GraphQLResolveInfo): Promise<PersonRow | null> {
    return findRowBySlug<PersonRow>(sql, personRows, slug, readAlongRow(info));
  }

  @ReadsTopList(personList)
  @Query(() => PersonConnection, { description: 'People in alphabetical order, optionally by name or alias prefix.' })
  people(@Args(() => PersonListArguments) args: PersonListArguments, @Ctx() context: Context, @Info() info: GraphQLResolveInfo): Promise<ConnectionValue<PersonRow>> {
    const { spec, filter } = personList(args);
    return listConnection<PersonRow>(context, spec, args, { filter, info });
  }

  @FieldResolver(() => ID, { description: "Global id, stable and unique across types; use it with `node(id)`." })
  id(@Root() person: PersonRow): string {
    return toGlobalId('Person', person.id);
  }

  @AnswersFromColumn()
  @FieldResolver(() => [String], { description: 'Every form of the name seen in articles ("Sergei Lavrov", "Lavrov").' })
  aliases(@Root() person: PersonRow, @Ctx() { loaders }: Context): Promise<string[]> {
    return person.aliases ? Promise.resolve(person.aliases) : loaders.values('PersonAlias', 'personId', 'alias', person.id);
  }

  @ReadsList(quotesBySpeaker, () => QuoteConnection, { description: 'What this person said, newest first (retracted quotes only when asked for).' })
  quotes(@Root() person: PersonRow, @Args(() => QuotePageArguments) page: QuotePageArguments, @Ctx() context: Context, @Info() info: GraphQLResolveInfo): Promise<ConnectionValue<QuoteRow>> {
    return nestedConnection<QuoteRow>(context, person, page, info);
  }

  @ReadsList(articlesMentioningPerson, () => ArticleConnection, { description: 'Articles that name this person, newest first.' })
  articles(@Root() person: PersonRow, @Args(() => PageArguments) page: PageArguments, @Ctx() context: Context, @Info() info: GraphQLResolveInfo): Promise<ConnectionValue<ArticleRow>> {
    return nestedConnection<ArticleRow>(context, person, page, info);
  }

  @ReadsList(articlesByAuthor, () => ArticleConnection, { description: 'Articles this person wrote (bylines), newest first.' })
  authoredArticles(@Root() person: PersonRow, @Args(() => PageArguments) page: PageArguments, @Ctx() context: Context, @Info() info: GraphQLResolveInfo): Promise<ConnectionValue<ArticleRow>> {
    return nestedConnection<ArticleRow>(context, person, page, info);
  }
}
