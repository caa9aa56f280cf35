import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../../src/ingest/extract.js';

function speakers(body: string): [string, string | null][] {
  return extractArticle(`A headline for the story\n\n${body}`).quotes.map((quote) => [quote.text, quote.speaker ?? quote.speakerDescription]);
}

describe('attribution', () => {
  it('reads "X said" and "said X"', () => {
    expect(speakers('"We will win," Jane Roe said.\n\n"We will lose," said John Doe.')).toEqual([
      ['We will win,', 'Jane Roe'], ['We will lose,', 'John Doe'],
    ]);
  });

  it('skips an appositive between the subject and the verb', () => {
    expect(speakers('Jane Roe, the finance minister, said the plan was "dead on arrival."')).toEqual([['dead on arrival.', 'Jane Roe']]);
    expect(speakers('Wang Li, who met the envoy on Monday, said China had "no interest at all."')).toEqual([['no interest at all.', 'Wang Li']]);
  });

  it('takes the subject of the reporting verb, not another person in the sentence', () => {
    expect(speakers('Jane Roe said that President John Doe was "committed to the deal."')).toEqual([['committed to the deal.', 'Jane Roe']]);
  });

  it('resolves pronouns across sentences and paragraphs', () => {
    expect(speakers('Finance Minister Jane Roe met bankers on Monday.\n\n"The budget is balanced," she said.')).toEqual([
      ['The budget is balanced,', 'Jane Roe'],
    ]);
  });

  it('resolves a title to the person of the story who holds it', () => {
    expect(speakers('U.S. District Judge Ray Cole sentenced him to six years.\n\n"This was a scheme," the judge said.')).toEqual([
      ['This was a scheme,', 'Ray Cole'],
    ]);
  });

  it('reads "according to X" and "X\'s tweet said"', () => {
    expect(speakers('The talks were "very productive," according to Jane Roe.')).toEqual([['very productive,', 'Jane Roe']]);
    expect(speakers('Jane Roe spoke on Monday. "We are ready for anything," Roe\'s tweet said.')).toEqual([['We are ready for anything,', 'Jane Roe']]);
  });

  it('keeps unnamed speakers and organisations unnamed, with who they are', () => {
    expect(speakers('"We are watching closely," a senior State Department official told reporters.')).toEqual([
      ['We are watching closely,', 'a senior State Department official'],
    ]);
    expect(speakers('The official added that it was "an opportunity to make our points clear."')).toEqual([
      ['an opportunity to make our points clear.', 'The official'],
    ]);
    const [[, speaker]] = speakers('The State Department said in a statement that it had "no plans to change course at this time."') as [[string, string | null]];
    expect(speaker).toMatch(/State Department/);
  });

  it('gives a quote with no cue the speaker of the quote or paragraph before it', () => {
    expect(speakers('"We won," Jane Roe said. "We deserved it."\n\n"Next season will be harder."')).toEqual([
      ['We won,', 'Jane Roe'], ['We deserved it.', 'Jane Roe'], ['Next season will be harder.', 'Jane Roe'],
    ]);
  });

  it('gives every paragraph of a multi-paragraph quotation one speaker', () => {
    expect(speakers('"We will fight on," said Jane Roe. "We will not stop.\n\n"Not now, not ever."')).toEqual([
      ['We will fight on,', 'Jane Roe'], ['We will not stop.', 'Jane Roe'], ['Not now, not ever.', 'Jane Roe'],
    ]);
  });

  it('reads honorific forms ("Mr. Doe said") as the full name', () => {
    expect(speakers('Senator John Doe opposed the bill.\n\n"It is a mistake," Mr. Doe said.')).toEqual([['It is a mistake,', 'John Doe']]);
  });
});

describe('attribution: subjects that are not the first name in the sentence', () => {
  it('takes the person named after a possessive role, not the possessor', () => {
    expect(speakers('Tom Doe, 34, pleaded guilty. Doe\'s lawyer, Mark Bellamy, had asked for probation, telling the court his client was "deeply sorry for it all."')).toEqual([
      ['deeply sorry for it all.', 'Mark Bellamy'],
    ]);
  });

  it('does not read the object of "told" as an inverted subject', () => {
    expect(speakers('Judge Ann Hale met Tom Reed in court. Hale said the apology was "a start," but told Reed it was not enough.')).toEqual([
      ['a start,', 'Ann Hale'],
    ]);
  });

  it('reads "said X" after a clause of indirect speech, but not "said" before a place', () => {
    expect(speakers('The walks need not be brisk, said Dr. Lena Haas of the institute.\n\n"A gentle stroll was enough," she said.')).toEqual([
      ['A gentle stroll was enough,', 'Lena Haas'],
    ]);
  });

  it('lets a verb after a quotation report it only when its clause follows the quotation directly', () => {
    expect(speakers('She talks about "sad-girl lit" and why she said no to her editor.')).toEqual([]);
    expect(speakers('"We expected more," the institute\'s chief executive, Paul Hart, said.')).toEqual([['We expected more,', 'Paul Hart']]);
  });
});

describe('attribution: organisations', () => {
  it('keeps a short quotation an organisation reports with a reporting verb', () => {
    expect(speakers('The union said further stoppages were "not ruled out" if talks fail.')).toEqual([['not ruled out', 'The union']]);
  });

  it('drops a short label in front of a noun', () => {
    expect(speakers('The weather office warned that the "long rains" season could last until May.')).toEqual([]);
  });

  it('does not take a company named in apposition for a person', () => {
    const draft = extractArticle('A headline for the story\n\nThe state-owned operator, Trenes Metropolitanos, said it had "activated a contingency plan" on Monday.');
    expect(draft.people).toEqual([]);
    expect(draft.quotes.map((quote) => quote.speaker)).toEqual([null]);
  });
});

describe('attribution: pronouns', () => {
  it('gives a verb joined by "and" the subject of the verb before it', () => {
    expect(speakers('Coach Elena Vidal described the defeat as "cruel" and said her players had "given everything and more."\n\n"We lost the second ball," she said.')).toEqual([
      ['cruel', 'Elena Vidal'], ['given everything and more.', 'Elena Vidal'], ['We lost the second ball,', 'Elena Vidal'],
    ]);
  });

  it('does not let a description inside a relative clause take the pronoun', () => {
    expect(speakers('Ms. Ana Reyes has started packing. A car seat is next to a box of gloves her sister bought online.\n\n"Nobody asked us," she said.')).toEqual([
      ['Nobody asked us,', 'Ana Reyes'],
    ]);
  });

  it('refers a pronoun to the person a sentence without a subject is about', () => {
    expect(speakers('Dr. Tom Hale said the trial was short.\n\nFor Birgit Holm, 68, who took part in the study, the habit has outlasted the trial.\n\n"My husband thought I had joined a cult," she said.')).toEqual([
      ['My husband thought I had joined a cult,', 'Birgit Holm'],
    ]);
  });
});

describe('attribution: descriptions of people named later', () => {
  it('takes the description that opens a story for the person the next paragraph introduces', () => {
    expect(speakers('The leader of Brackley council has resigned, saying the housing policy was "broken beyond repair".\n\nAnne Mabry, who had led the council since 2019, announced her decision on Thursday.')).toEqual([
      ['broken beyond repair', 'Anne Mabry'],
    ]);
  });

  it('resolves "the minister" to a secretary of state, not to a shadow one', () => {
    expect(speakers([
      'The housing secretary has insisted she will not water down the plans.',
      'Rachel Dunmore told MPs on Wednesday that the bill was needed.',
      'Shadow housing secretary Owen Pryce said the row showed a government at war with itself.',
      'Responding to Mr Pryce, the minister said the opposition had "no plan, no numbers and no shame".',
    ].join('\n\n'))).toEqual([['no plan, no numbers and no shame', 'Rachel Dunmore']]);
  });

  it('does not take a company named in apposition after its name for a person', () => {
    const draft = extractArticle('A headline for the story\n\nLumora, the venture-backed startup behind the app, pulled it on Monday. Lumora said it was "deeply sorry for the error."');
    expect(draft.people).toEqual([]);
  });
});

describe('attribution: asides, colons and things that speak', () => {
  it('skips a reporting aside between a subject and its verb', () => {
    expect(speakers('Ms. Ana Reyes is due in March. Her midwife, she said, had already told her to "pack the bag early and keep the tank full."')).toEqual([
      ['pack the bag early and keep the tank full.', 'Her midwife'],
    ]);
  });

  it('gives a quotation after a colon to the subject of its sentence', () => {
    expect(speakers('Judge Ann Hale spoke first.\n\nThe victim\'s daughter, Sofia Ruiz, read a statement to the court: "My mother rode that road every Sunday for twenty years."')).toEqual([
      ['My mother rode that road every Sunday for twenty years.', 'Sofia Ruiz'],
    ]);
  });

  it('leaves unnamed what a letter or a union said in its own words', () => {
    expect(speakers('Mr. Tom Okafor spoke.\n\nHe read from a letter the company had sent, which described the closure as "a realignment of services."')).toEqual([
      ['a realignment of services.', null],
    ]);
    expect(speakers('The drivers walked out after their union rejected a pay offer it called "insulting."')).toEqual([['insulting.', 'their union']]);
  });
});

describe('attribution: unnamed sources', () => {
  it('does not take one spokesperson for another with a different owner', () => {
    expect(speakers('A spokesperson for the interior ministry said "all available officers" were deployed. Rishi Sunak\'s spokesperson said the prime minister was "disappointed" by it.')).toEqual([
      ['all available officers', 'A spokesperson for the interior ministry'], ['disappointed', 'Rishi Sunak\'s spokesperson'],
    ]);
  });

  it('reads "blamed … on" as an organisation\'s words', () => {
    expect(speakers('The Port of Dover blamed the delays on "insufficient resourcing" at passport control.')).toEqual([['insufficient resourcing', 'The Port of Dover']]);
  });
});

describe('attribution: epithets and paragraph subjects', () => {
  it('reads "the 20-year-old" and "the Russian" as the person just named', () => {
    expect(speakers('Carlos Mendes won the final on Sunday.\n\n"It is a dream," the 20-year-old told reporters.\n\nDaniil Petrov was gracious in defeat. "He was better today," the Russian said.')).toEqual([
      ['It is a dream,', 'Carlos Mendes'], ['He was better today,', 'Daniil Petrov'],
    ]);
  });

  it('gives a quotation without a cue to the person its paragraph is about before the paragraph before', () => {
    expect(speakers('"He has grown up a lot," said his coach, Luis Ortega.\n\nAsked about his next goal, Carlos Mendes smiled. "Roland Garros, of course."')).toEqual([
      ['He has grown up a lot,', 'Luis Ortega'], ['Roland Garros, of course.', 'Carlos Mendes'],
    ]);
  });

  it('reads a possessive with the apostrophe alone and a first name set off after a role', () => {
    expect(speakers('Carlos Mendes won.\n\nMendes\' mother, Elena, watched from the stands. "I cried the whole second set," she said.')).toEqual([
      ['I cried the whole second set,', 'Elena'],
    ]);
  });

  it('allows lower-case modifiers between a quotation and its speaker', () => {
    expect(speakers('"We are very proud of these numbers," tournament director Feliciano Lopez said.')).toEqual([
      ['We are very proud of these numbers,', 'Feliciano Lopez'],
    ]);
  });
});

describe('attribution: offices and affiliations', () => {
  it('names the treasurer of a lead after the next paragraph, also for a short quotation before an adverb', () => {
    expect(speakers('The state\'s treasurer has warned of "hard choices" ahead, as figures showed the deficit grew.\n\nJordan Ellis said the government would act.')).toEqual([
      ['hard choices', 'Jordan Ellis'],
    ]);
  });

  it('skips an affiliation set off by commas between the speaker and the verb', () => {
    expect(speakers('Det Sgt Paul Harris, of Redford Police, said the investigation had been "heartbreaking".')).toEqual([['heartbreaking', 'Paul Harris']]);
  });
});

describe('attribution: gender and number of pronouns', () => {
  it('takes the gender of a common given name for pronoun agreement', () => {
    expect(speakers('Sarah Jennings, the council leader, met union boss Tom Baker on Monday. Baker said talks went well.\n\n"We are close to a deal," she said.')).toEqual([
      ['We are close to a deal,', 'Sarah Jennings'],
    ]);
  });

  it('falls back to the last person of the pronoun\'s gender, and never gives "she" to a group', () => {
    expect(speakers('Maria Gonzalez and her lawyer, David Kim, left the court together.\n\n"I am relieved," she said.\n\n"We will not appeal," he added.')).toEqual([
      ['I am relieved,', 'Maria Gonzalez'], ['We will not appeal,', 'David Kim'],
    ]);
    expect(speakers('Chief executive Anna Berg called the results "exceptional".\n\nAnalysts were less sure. "The growth is slowing," said Peter Lund of Nordea.\n\n"We remain confident," she said.')).toEqual([
      ['exceptional', 'Anna Berg'], ['The growth is slowing,', 'Peter Lund'], ['We remain confident,', 'Anna Berg'],
    ]);
  });
});

describe('attribution: present tense of noun-like verbs', () => {
  it('reads "calls" as a cue right after its subject, not as a plural noun', () => {
    expect(speakers('Fiona Grant, who runs the shop, calls her "a treasure". Others are less kind.')).toEqual([['a treasure', 'Fiona Grant']]);
  });
});

describe('attribution: lead descriptions and other people', () => {
  it('does not take a lead description for a person the next paragraph gives another role', () => {
    expect(speakers('The prime minister has resigned, saying the job had become "impossible to do".\n\nJohn Smith, the opposition leader, said the country deserved better.')).toEqual([
      ['impossible to do', 'The prime minister'],
    ]);
  });
});
