// The inputs of editorial mutations. Objects are named by their global id or by their slug (a quote
// by its id); `version` is the version the editor read (a change made since is a CONFLICT); `note`
// says why, and is printed with the public correction notice.
import { Field, ID, InputType, Int } from 'type-graphql';
import { DateTimeISO } from '../scalars/date-time.scalar.js';
import { QuoteKind } from '../quote/quote.type.js';

const VERSION = 'The version you read: if the object changed since, nothing is changed and the error is CONFLICT (with the current version). Leave it out to change it whatever its version.';
const NOTE = 'Why (printed with the public correction notice, and kept on the record): "speaker was misread".';

@InputType('NewPersonInput', { description: 'A person to create: a speaker the pipeline did not name.' })
export class NewPersonInput {
  @Field(() => String, { description: 'Their full name.' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'Role or title ("Russian Foreign Minister").' })
  role?: string | null;

  @Field(() => String, { nullable: true, description: 'Country or organisation they speak for.' })
  affiliation?: string | null;
}

@InputType('SpeakerInput', { description: 'Who said a quote: exactly one of a known person, a new person, or a description of an unnamed speaker.' })
export class SpeakerInput {
  @Field(() => ID, { nullable: true, description: 'A known person: their global id or slug.' })
  person?: string | null;

  @Field(() => NewPersonInput, { nullable: true, description: 'A person to create.' })
  newPerson?: NewPersonInput | null;

  @Field(() => String, { nullable: true, description: 'An unnamed speaker, described ("a Kremlin spokesman").' })
  description?: string | null;
}

@InputType('ChangeQuoteSpeakerInput', { description: 'Re-attributes a quote.' })
export class ChangeQuoteSpeakerInput {
  @Field(() => ID, { description: 'The quote\'s global id.' })
  quote!: string;

  @Field(() => SpeakerInput, { description: 'Who said it.' })
  speaker!: SpeakerInput;

  @Field(() => Int, { nullable: true, description: VERSION })
  version?: number | null;

  @Field(() => String, { nullable: true, description: NOTE })
  note?: string | null;
}

@InputType('FixQuoteSpanInput', { description: 'Sets a quote\'s words to those between two offsets of its article\'s current text.' })
export class FixQuoteSpanInput {
  @Field(() => ID, { description: 'The quote\'s global id.' })
  quote!: string;

  @Field(() => Int, { description: 'Offset of the first character, in code points of the article\'s raw text (as `Quote.startOffset`; the text is the last of `Article.revisions`).' })
  startOffset!: number;

  @Field(() => Int, { description: 'Offset after the last character.' })
  endOffset!: number;

  @Field(() => Int, { nullable: true, description: VERSION })
  version?: number | null;

  @Field(() => String, { nullable: true, description: NOTE })
  note?: string | null;
}

@InputType('ChangeQuoteKindInput', { description: 'Sets whether a quote is direct or partial.' })
export class ChangeQuoteKindInput {
  @Field(() => ID, { description: 'The quote\'s global id.' })
  quote!: string;

  @Field(() => QuoteKind, { description: 'The kind it is.' })
  kind!: QuoteKind;

  @Field(() => Int, { nullable: true, description: VERSION })
  version?: number | null;

  @Field(() => String, { nullable: true, description: NOTE })
  note?: string | null;
}

@InputType('QuoteRefInput', { description: 'A quote to retract, whose retraction to take back, or whose speaker to confirm.' })
export class QuoteRefInput {
  @Field(() => ID, { description: 'The quote\'s global id.' })
  quote!: string;

  @Field(() => Int, { nullable: true, description: VERSION })
  version?: number | null;

  @Field(() => String, { nullable: true, description: NOTE })
  note?: string | null;
}

@InputType('AddQuoteInput', { description: 'A quote the pipeline missed, between two offsets of the article\'s current text.' })
export class AddQuoteInput {
  @Field(() => ID, { description: 'The article: its global id or slug.' })
  article!: string;

  @Field(() => Int, { description: 'Offset of the first character of the quote\'s words, in code points of the article\'s raw text.' })
  startOffset!: number;

  @Field(() => Int, { description: 'Offset after the last character.' })
  endOffset!: number;

  @Field(() => QuoteKind, { defaultValue: QuoteKind.DIRECT, description: 'Direct (the default) or partial.' })
  kind!: QuoteKind;

  @Field(() => SpeakerInput, { nullable: true, description: 'Who said it; leave it out when the article does not say.' })
  speaker?: SpeakerInput | null;

  @Field(() => String, { nullable: true, description: NOTE })
  note?: string | null;
}

@InputType('MoveQuotesInput', { description: 'Quotes to move to another person (to split a person merged by mistake): exactly one of person and newPerson.' })
export class MoveQuotesInput {
  @Field(() => [ID], { description: 'The quotes\' global ids (at most 500).' })
  quotes!: string[];

  @Field(() => ID, { nullable: true, description: 'A known person: their global id or slug.' })
  person?: string | null;

  @Field(() => NewPersonInput, { nullable: true, description: 'A person to create.' })
  newPerson?: NewPersonInput | null;

  @Field(() => String, { nullable: true, description: NOTE })
  note?: string | null;
}

@InputType('RenameInput', { description: 'A new name for a person, source or topic; its slug follows, and the old slug keeps finding it.' })
export class RenameInput {
  @Field(() => ID, { description: 'The person, source or topic: its global id or slug.' })
  id!: string;

  @Field(() => String, { description: 'The new name.' })
  name!: string;

  @Field(() => Int, { nullable: true, description: VERSION })
  version?: number | null;

  @Field(() => String, { nullable: true, description: NOTE })
  note?: string | null;
}

@InputType('UpdatePersonInput', { description: 'A person\'s role and affiliation: a field left out stays as it is; null clears it.' })
export class UpdatePersonInput {
  @Field(() => ID, { description: 'The person: their global id or slug.' })
  person!: string;

  @Field(() => String, { nullable: true, description: 'Role or title ("Russian Foreign Minister").' })
  role?: string | null;

  @Field(() => String, { nullable: true, description: 'Country or organisation they speak for.' })
  affiliation?: string | null;

  @Field(() => Int, { nullable: true, description: VERSION })
  version?: number | null;

  @Field(() => String, { nullable: true, description: NOTE })
  note?: string | null;
}

@InputType('PersonAliasesInput', { description: 'Forms of a person\'s name to add or remove.' })
export class PersonAliasesInput {
  @Field(() => ID, { description: 'The person: their global id or slug.' })
  person!: string;

  @Field(() => [String], { description: 'The forms of the name ("Sergei Lavrov", "Lavrov"); at most 100.' })
  aliases!: string[];

  @Field(() => Int, { nullable: true, description: VERSION })
  version?: number | null;

  @Field(() => String, { nullable: true, description: NOTE })
  note?: string | null;
}

@InputType('MergeInput', { description: 'Two records of one person (or source, or topic) to merge: `from` goes into `into`.' })
export class MergeInput {
  @Field(() => ID, { description: 'The one merged away: its global id or slug.' })
  from!: string;

  @Field(() => ID, { description: 'The one that stays: its global id or slug.' })
  into!: string;

  @Field(() => Int, { nullable: true, description: `The version of \`from\` you read. ${VERSION}` })
  fromVersion?: number | null;

  @Field(() => Int, { nullable: true, description: `The version of \`into\` you read. ${VERSION}` })
  intoVersion?: number | null;

  @Field(() => String, { nullable: true, description: NOTE })
  note?: string | null;
}

@InputType('UpdateArticleInput', {
  description: 'An article\'s metadata: a field left out stays as it is. A title, date or source set here is a correction, which a re-ingested text does not undo.',
})
export class UpdateArticleInput {
  @Field(() => ID, { description: 'The article: its global id or slug.' })
  article!: string;

  @Field(() => String, { nullable: true, description: 'The headline.' })
  title?: string | null;

  @Field(() => DateTimeISO, { nullable: true, description: 'When it was published; null when unknown.' })
  publishedAt?: Date | null;

  @Field(() => String, { nullable: true, description: 'The publisher\'s name (found, or created); null for none.' })
  source?: string | null;

  @Field(() => String, { nullable: true, description: 'Where it is published (its identity: new text for this url is its next revision); null for none.' })
  url?: string | null;

  @Field(() => Int, { nullable: true, description: VERSION })
  version?: number | null;

  @Field(() => String, { nullable: true, description: NOTE })
  note?: string | null;
}

@InputType('ObjectRefInput', { description: 'An article, source or topic to publish, unpublish or delete.' })
export class ObjectRefInput {
  @Field(() => ID, { description: 'Its global id or slug.' })
  id!: string;

  @Field(() => Int, { nullable: true, description: VERSION })
  version?: number | null;

  @Field(() => String, { nullable: true, description: NOTE })
  note?: string | null;
}
