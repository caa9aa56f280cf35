// Corrections as the public and editors see them: the notice printed with a corrected quote or
// article, as newspapers print corrections, and (for editors) the correction itself.
import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { DateTimeISO } from '../scalars/date-time.scalar.js';

@ObjectType('CorrectionNotice', {
  simpleResolvers: true,
  description: 'A correction printed with the quote or article it corrected ("The speaker of this quote was corrected: …").',
})
export class CorrectionNotice {
  @Field(() => String, {
    description:
      'What was corrected: "speaker", "words", "kind", "retracted" or "added" for a quote; "title", "publication date" or "source" for an article.',
  })
  what!: string;

  @Field(() => String, { nullable: true, description: 'The editor\'s note ("The speaker was misread").' })
  note!: string | null;

  @Field(() => DateTimeISO, { description: 'When the correction was made.' })
  correctedAt!: string;
}

export enum CorrectionKind {
  SPEAKER = 'SPEAKER',
  SPAN = 'SPAN',
  QUOTE_KIND = 'QUOTE_KIND',
  RETRACTION = 'RETRACTION',
  ADDITION = 'ADDITION',
  TITLE = 'TITLE',
  PUBLISHED_AT = 'PUBLISHED_AT',
  SOURCE = 'SOURCE',
}

registerEnumType(CorrectionKind, {
  name: 'CorrectionKind',
  description: 'What an editor corrected.',
  valuesConfig: {
    SPEAKER: { description: 'A quote\'s speaker.' },
    SPAN: { description: 'A quote\'s words and offsets.' },
    QUOTE_KIND: { description: 'Whether a quote is direct or partial.' },
    RETRACTION: { description: 'A quote withdrawn.' },
    ADDITION: { description: 'A quote the pipeline missed.' },
    TITLE: { description: 'An article\'s title.' },
    PUBLISHED_AT: { description: 'An article\'s publication date.' },
    SOURCE: { description: 'An article\'s publisher.' },
  },
});

@ObjectType('Correction', {
  simpleResolvers: true,
  description: 'An editor\'s correction, kept as a fact of its own: re-ingesting the article applies it again wherever its quote is still in the text.',
})
export class Correction {
  @Field(() => CorrectionKind, { description: 'What it corrects.' })
  kind!: CorrectionKind;

  @Field(() => String, {
    nullable: true,
    description: 'The words of the quote it corrects, as the pipeline extracted them (or as the editor added them); null for a correction of the article itself.',
  })
  quoteText!: string | null;

  @Field(() => String, { nullable: true, description: 'The editor\'s note.' })
  note!: string | null;

  @Field(() => String, { nullable: true, description: 'Name of the API key that made it; null when made from the command line.' })
  key!: string | null;

  @Field(() => DateTimeISO, { description: 'When it was made.' })
  correctedAt!: Date;
}
