import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, Info, ID, Query, Resolver, Root } from 'type-graphql';
import { literalLikePattern } from '../../db/sql.js';
import { normalizeName } from '../../ingest/identity.js';
import { articlesByAuthor, articlesMentioningPerson, type ArticleRow } from '../article/article.lists.js';
import { ArticleConnection } from '../article/article.type.js';
import type { Context } from '../context.js';
import { findRowBySlug } from '../loaders.js';
import { toGlobalId } from '../node/global-id.js';
import type { ConnectionValue } from '../pagination/connection.type.js';
import type { Filter } from '../pagination/keyset.js';
import { PageArguments } from '../pagination/page-arguments.js';
import { ReadsList } from '../pagination/nested-pages.js';
import { readAlongRow } from '../pagination/read-along.js';
import { listConnection, nestedConnection } from '../pagination/resolve-connection.js';
import { quotesBySpeaker, type QuoteRow } from '../quote/quote.lists.js';
import { QuotePageArguments } from '../quote/quote.inputs.js';
import { QuoteConnection } from '../quote/quote.type.js';
import { PersonListArguments } from './person.inputs.js';
import { peopleByName, personRows, type PersonRow } from './person.lists.js';
import { Person, PersonConnection } from './person.type.js';

@Resolver(() => Person)
export class PersonResolver {
  @Query(() => Person, { nullable: true, description: 'The person with this slug, or null. A slug the person had before a rename, or of a person merged into them, finds them too.' })
  person(@Arg('slug', () => String) slug: string, @Ctx() { sql }: Context, @Info() info: GraphQLResolveInfo): Promise<PersonRow | null> {
    return findRowBySlug<PersonRow>(sql, personRows, slug, readAlongRow(personRows, info));
  }

  @Query(() => PersonConnection, { description: 'People in alphabetical order, optionally by name or alias prefix.' })
  people(@Args(() => PersonListArguments) args: PersonListArguments, @Ctx() context: Context, @Info() info: GraphQLResolveInfo): Promise<ConnectionValue<PersonRow>> {
    const filter: Filter = (parameters) => {
      if (!args.name) return [];
      // Prefix of any alias, or of any word inside one ("lav" finds "Sergey Lavrov"), taken literally.
      const normalized = normalizeName(args.name);
      if (normalized === '') return ['FALSE'];
      const prefix = parameters.add(literalLikePattern(normalized));
      return [`t."id" IN (SELECT alias."personId" FROM "PersonAlias" alias
        WHERE alias."normalized" LIKE ${prefix} || '%' OR alias."normalized" LIKE '% ' || ${prefix} || '%')`];
    };
    return listConnection<PersonRow>(context, peopleByName, args, { filter, info });
  }

  @FieldResolver(() => ID, { description: "Global id, stable and unique across types; use it with `node(id)`." })
  id(@Root() person: PersonRow): string {
    return toGlobalId('Person', person.id);
  }

  @FieldResolver(() => [String], { description: 'Every form of the name seen in articles ("Sergei Lavrov", "Lavrov").' })
  aliases(@Root() person: PersonRow, @Ctx() { loaders }: Context): Promise<string[]> {
    return person.aliases ? Promise.resolve(person.aliases) : loaders.values('PersonAlias', 'personId', 'alias', person.id);
  }

  @FieldResolver(() => QuoteConnection, { description: 'What this person said, newest first (retracted quotes only when asked for).' })
  @ReadsList(quotesBySpeaker)
  quotes(@Root() person: PersonRow, @Args(() => QuotePageArguments) page: QuotePageArguments, @Ctx() { loaders }: Context, @Info() info: GraphQLResolveInfo): Promise<ConnectionValue<QuoteRow>> {
    return nestedConnection<QuoteRow>(loaders, quotesBySpeaker.forArguments!({ ...page }), person.id, page, info);
  }

  @FieldResolver(() => ArticleConnection, { description: 'Articles that name this person, newest first.' })
  @ReadsList(articlesMentioningPerson)
  articles(@Root() person: PersonRow, @Args(() => PageArguments) page: PageArguments, @Ctx() { loaders }: Context, @Info() info: GraphQLResolveInfo): Promise<ConnectionValue<ArticleRow>> {
    return nestedConnection<ArticleRow>(loaders, articlesMentioningPerson, person.id, page, info);
  }

  @FieldResolver(() => ArticleConnection, { description: 'Articles this person wrote (bylines), newest first.' })
  @ReadsList(articlesByAuthor)
  authoredArticles(@Root() person: PersonRow, @Args(() => PageArguments) page: PageArguments, @Ctx() { loaders }: Context, @Info() info: GraphQLResolveInfo): Promise<ConnectionValue<ArticleRow>> {
    return nestedConnection<ArticleRow>(loaders, articlesByAuthor, person.id, page, info);
  }
}
