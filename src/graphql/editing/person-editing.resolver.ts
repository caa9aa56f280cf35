// Mutations that correct people: rename, role and affiliation, aliases, merges, and moving quotes
// between people. Each writes the record.
import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import { changeAliases, mergePeople, renamePerson, updatePerson, type PersonEditResult } from '../../editorial/person-edits.js';
import { moveQuotes } from '../../editorial/quote-edits.js';
import type { Context } from '../context.js';
import { toGlobalId } from '../node/global-id.js';
import { personRows, type PersonRow } from '../person/person.lists.js';
import { quoteRows, type QuoteRow } from '../quote/quote.lists.js';
import { changesByIds, editorially, editorOf, quoteIdOf, refOf, speakerChoice } from './editing-support.js';
import { MergeInput, MoveQuotesInput, PersonAliasesInput, RenameInput, UpdatePersonInput } from './editing.inputs.js';
import { MergePeoplePayload, MoveQuotesPayload, PersonPayload } from './payloads.type.js';

async function personPayload(context: Context, result: PersonEditResult) {
  return {
    person: (await context.loaders.row<PersonRow>(personRows, result.personId))!,
    changes: await changesByIds(context.sql, result.changeIds),
  };
}

@Resolver()
export class PersonEditingResolver {
  @Mutation(() => PersonPayload, {
    description: 'Renames a person. The new name becomes an alias; the slug follows the name, and the old slug still finds them. Needs an editor key.',
  })
  async renamePerson(@Arg('input', () => RenameInput) input: RenameInput, @Ctx() context: Context) {
    const editor = await editorOf(context, input.note);
    const result = await editorially(() => renamePerson(context.writer, editor, { person: refOf(input.id, 'Person'), name: input.name, version: input.version }));
    return personPayload(context, result);
  }

  @Mutation(() => PersonPayload, { description: 'Sets a person\'s role and affiliation. Needs an editor key.' })
  async updatePerson(@Arg('input', () => UpdatePersonInput) input: UpdatePersonInput, @Ctx() context: Context) {
    const editor = await editorOf(context, input.note);
    const result = await editorially(() =>
      updatePerson(context.writer, editor, { person: refOf(input.person, 'Person'), role: input.role, affiliation: input.affiliation, version: input.version }),
    );
    return personPayload(context, result);
  }

  @Mutation(() => PersonPayload, {
    description: 'Adds forms of a person\'s name: ingested articles using them are joined to this person. Needs an editor key.',
  })
  async addPersonAliases(@Arg('input', () => PersonAliasesInput) input: PersonAliasesInput, @Ctx() context: Context) {
    const editor = await editorOf(context, input.note);
    const result = await editorially(() => changeAliases(context.writer, editor, { person: refOf(input.person, 'Person'), add: input.aliases, version: input.version }));
    return personPayload(context, result);
  }

  @Mutation(() => PersonPayload, {
    description: 'Removes forms of a person\'s name (not their name itself): ingested articles using them are no longer joined to this person. Needs an editor key.',
  })
  async removePersonAliases(@Arg('input', () => PersonAliasesInput) input: PersonAliasesInput, @Ctx() context: Context) {
    const editor = await editorOf(context, input.note);
    const result = await editorially(() =>
      changeAliases(context.writer, editor, { person: refOf(input.person, 'Person'), remove: input.aliases, version: input.version }),
    );
    return personPayload(context, result);
  }

  @Mutation(() => MergePeoplePayload, {
    description:
      'Merges two records of one person: the quotes, mentions, bylines, aliases and corrections of `from` move to `into`, and the slug and global id of `from` find `into` from then on. BAD_USER_INPUT for a merge into itself. Needs an editor key.',
  })
  async mergePeople(@Arg('input', () => MergeInput) input: MergeInput, @Ctx() context: Context) {
    const editor = await editorOf(context, input.note);
    const result = await editorially(() =>
      mergePeople(context.writer, editor, {
        from: refOf(input.from, 'Person'),
        into: refOf(input.into, 'Person'),
        fromVersion: input.fromVersion,
        intoVersion: input.intoVersion,
      }),
    );
    return { ...(await personPayload(context, result)), mergedPersonId: toGlobalId('Person', result.mergedId) };
  }

  @Mutation(() => MoveQuotesPayload, {
    description:
      'Moves quotes to another (or a new) person, each as a correction of its speaker: to split a person merged by mistake. Needs an editor key.',
  })
  async moveQuotes(@Arg('input', () => MoveQuotesInput) input: MoveQuotesInput, @Ctx() context: Context) {
    const editor = await editorOf(context, input.note);
    const result = await editorially(() =>
      moveQuotes(context.writer, editor, {
        quoteIds: input.quotes.map(quoteIdOf),
        to: speakerChoice({ person: input.person, newPerson: input.newPerson }),
      }),
    );
    return {
      quotes: (await Promise.all(result.quoteIds.map((id) => context.loaders.row<QuoteRow>(quoteRows, id)))).filter((row) => row !== null),
      person: (await context.loaders.row<PersonRow>(personRows, result.speakerId!))!,
      changes: await changesByIds(context.sql, result.changeIds),
    };
  }
}
