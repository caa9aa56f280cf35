// The kinds of attribution a reader resolves and a first round of the pipeline got wrong on real news, each in a
// sentence written for the purpose: reported clauses, passives, relative clauses, colons, titles, honorifics,
// spelling variants, post-nominals, surnames that are ordinary words, shared surnames, late attributions,
// organisations, "according to", pronouns and run-on quotations.
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../../src/ingest/extract.js';

/** The speaker of the story's last quotation (null: unnamed), or '(no quote)'. */
function lastSpeaker(body: string): string | null {
  const quotes = extractArticle(`Headline here\n\n${body}`).quotes;
  const quote = quotes[quotes.length - 1];
  return quote ? quote.speaker : '(no quote)';
}

describe('attribution patterns', () => {
  it.each([
    ['a reported clause names its subject, not the nearer name', 'Council member Rosa Ortiz said Mark Hale "never fought for the district" during his years in office.', 'Rosa Ortiz'],
    ['a passive makes the subject the one spoken to', 'Jane Cole, the nurse, was warned by managers that "nothing would change". She left a week later.', null],
    ['a passive\'s agent is the speaker', 'The residents were told by council leader Tom Reed that the plan was "final".', 'Tom Reed'],
    ['a relative clause belongs to its antecedent', 'Anita Patel, who accused the board of "hiding the figures", resigned on Monday.', 'Anita Patel'],
    ['an office named alone is the lead\'s holder, when the text gives the lead no other role', 'Tony Blair has defended the pension plans.\n\nThe prime minister told the Commons: "We have made the right choices."', 'Tony Blair'],
    ['but a president of something else is nobody named', 'George Floyd died in police custody.\n\nThe president of the city\'s police union called the protests "a terrorist movement".', null],
    ['a given name that is an ordinary word still starts a name', '"This is the worst case," said Santa Barbara County Sheriff Bill Brown.', 'Bill Brown'],
    ['an ordinary word after a judge\'s title is a surname', 'Judge Early warned the man. "You will go to prison," the judge said.', 'Early'],
    ['a participle opening a sentence is no name', 'Chloe Morris was jailed for a year.\n\nAddressing Morris, the judge said she had been "cruel and cowardly".', null],
    ['a person of an organisation speaks, not the organisation', 'Dr. Tristan Smith of University College London, a shipping researcher, explained that crews "turn the transponders off".', 'Tristan Smith'],
    ['a name after an organisation\'s noun is the organisation', 'Research by the network Parlireach found staff were "mixed up with other colleagues by managers".', null],
    ['a surname stays a person\'s after an appositive of one mention', 'Crishala Reed was struck from the jury. When Reed, a 28-year-old mail carrier, got the summons she was keen.\n\n"I felt targeted," Reed said.', 'Crishala Reed'],
    ['a participle phrase set off by commas is an aside', 'Andrew Tucker, defending Darby, said she was "not deliberately lying in wait for anyone", but admitted she had "become involved".', 'Andrew Tucker'],
    ['a long surname one letter off is the same person', 'Ben Bradley wrote to the minister.\n\n"Nobody doubts that racism exists," Mr Bradlery added.', 'Ben Bradley'],
    ['a subordinate clause\'s subject is not the one a pronoun means', 'Paul Mitchell used Michael Bloomberg as an example.\n\nIf Bloomberg won 14% of the vote, then the rules would change.\n\n"But those votes still count," he said.', 'Paul Mitchell'],
    ['a name governed by a preposition is part of an unnamed subject', 'Boris Johnson has ruled himself out. A source close to Johnson said he was "not interested in the job".', null],
    ['a person of the World Health Organization speaks', 'Mike Ryan of the World Health Organization (WHO) told the press the drugs were "only part of the solution".', 'Mike Ryan'],
    ['the lead is the office-holder only when the lead opens its paragraph', 'MPs voted again on plans put forward by a group led by Oliver Letwin.\n\nThe prime minister had said she would "engage constructively" with the process.', null],
    ['a surname that is a month is the person once named in full', 'Theresa May met the cabinet on Friday.\n\n"It has been the honour of my life," May said.', 'Theresa May'],
    ['a modal-looking surname before a verb is no auxiliary', 'Theresa May told MPs: "I hope the house will reflect on its values."', 'Theresa May'],
    ['an account\'s handle is no person', '@TimSwinyard wrote: "How utterly childish and pathetic your tweet is."', null],
    ['a team named after its city is no person', 'The New Orleans Saints said the emails should "stay private and out of the public record".', null],
    ['a name in apposition to an object is no subject', 'A visibly emotional David Cameron, standing alongside his wife, Samantha, said: "The will of the British people must be delivered."', 'David Cameron'],
    ['an epithet before a role is a description of the role', 'Chancellor Rishi Sunak took office in February.\n\nThe 39-year-old Chancellor, in a post on social media, said he was a "strong believer in the Union".', 'Rishi Sunak'],
    ['a name after a title the lexicon does not know is the inverted subject', '"We have not found a single crater," said co-investigator John Spencer.', 'John Spencer'],
    ['texting reports words', 'Corey Scott was in the thread.\n\n"Not sure how to handle him," Scott texted.', 'Corey Scott'],
    ['a noun governed by a preposition is no participle\'s subject', 'Diane Abbott apologised over comments she made in The Observer.\n\nAbbott apologised over remarks she made in The Observer suggesting people are not subject to racism "all their lives".\n\nShe said on Twitter: "I wish to withdraw my remarks."', 'Diane Abbott'],
    ['after a sentence reporting someone\'s words, a quotation is theirs, not the person the words were about', 'Julie Berman was a lovely person, Olivia Nuamah said. "She will be well missed."', 'Olivia Nuamah'],
    ['coordinated speakers: the first named stands for both', 'Chrystia Freeland and Robert Lighthizer said in a joint statement that the deal was "a good day for North America".', 'Chrystia Freeland'],
    ['an abstract noun after "and" in an organisation\'s name is no person', 'The Centers for Disease Control and Prevention has said the virus is linked to "a seafood market".', null],
    ['every speaker of a sentence is remembered for a later pronoun', 'Donald Trump met Barack Obama.\n\nTrump\'s campaign manager Kellyanne Conway said Trump described the meeting as "very productive."\n\n"He felt they both would have stayed longer," she said.', 'Kellyanne Conway'],
    ['a shared surname alone is the person named most', 'Donald Trump met Barack Obama. Trump arrived early. Trump spoke first.\n\nMelania Trump met Michelle Obama.\n\n"It went well," Trump said.', 'Donald Trump'],
    ['the president is not the president-elect', 'President Barack Obama met President-elect Donald Trump.\n\nThe president told reporters they had an "excellent" conversation.', 'Barack Obama'],
    ['a document speaks in the present tense', 'Paul Southwick said the college had broken the law.\n\n"Mrs. Maxon is a Christian woman," the lawsuit states.', null],
    ['a quotation named as someone\'s assessment is theirs', 'Town manager Chris Millington saw his side lose.\n\nLuca Thomas came off the bench.\n\n"Beaten by the better team," was Millington\'s assessment.', 'Chris Millington'],
    ['"she" never means a man described ("her son")', 'Layla Kamal says that she argued with a policeman. Her son was later arrested.\n\n"I would have given them all the clothes I have," she says.', 'Layla Kamal'],
    ['a date before a name does not hide it', 'On 2025-02-12 Chris Millington admitted his side was beaten.\n\n"We looked tired," he said.', 'Chris Millington'],
    ['"the governor" is the person titled "Gov.", not the lieutenant governor', 'Gov. Greg Abbott and Lt. Gov. Dan Patrick spoke.\n\nOn the radio, the Republican governor said: "We can handle that."', 'Greg Abbott'],
    ['a person\'s reporting clause closing the sentence reports the quotation in it', 'Rong Xu works at Case Western Reserve University.\n\n"We will use this as a starting point" to design computer algorithms, Xu says.', 'Rong Xu'],
    ['an appositive that opens with a possessive name is a role', 'Rory Gamble said the deal was good.\n\nJoe Hinrichs, Ford\'s president of Automotive, said the company reached an "agreement quickly".', 'Joe Hinrichs'],
    ['a party tag in brackets does not hide the person', 'Lawmakers met.\n\n"Clearly, he is off-pattern," Rep. Mike Rogers (R) of Michigan, the chairman of the committee, observed.', 'Mike Rogers'],
    ['a name whose coach is named is a team', 'The league suspended the season.\n\nCharlotte Hornets coach James Borrego, speaking before the game -- where the news broke -- said, "These are scary times.\'\'', 'James Borrego'],
    ['a colon hands the quotation to the subject', 'Health Secretary Alan Milburn told MPs: "We will not accept this."', 'Alan Milburn'],
    ['a programme named before a colon is no title of the quotation', 'Conservative leader Michael Howard told BBC Radio 4\'s Today programme: "It is a shambles."', 'Michael Howard'],
    ['an honorific and a surname are the person named in full before', 'Tom Hargreaves runs the mill.\n\n"We need more orders," said Mr Hargreaves.', 'Tom Hargreaves'],
    ['a peer\'s title and surname too', 'Anthony Fenwick led the inquiry.\n\n"The evidence was clear," said Lord Fenwick.', 'Anthony Fenwick'],
    ['a surname spelled another way is the same person', 'Carla De Marco chairs the board.\n\n"We will appeal," DeMarco said.', 'Carla De Marco'],
    ['letters after a name are no organisation', 'Michael Mansfield QC, for the family, said the ruling was "a disgrace".', 'Michael Mansfield'],
    ['a generational suffix is part of the name', 'Martin Luther King Jr. once said the arc was "long".', 'Martin Luther King Jr.'],
    ['a surname that is a title word', 'Mervyn King, the Bank of England governor, said rates would "stay on hold".', 'Mervyn King'],
    ['a surname that is an ordinary word', 'Film director Jack Young said the festival was "a triumph".', 'Jack Young'],
    ['two people sharing a surname', 'David Miliband and Ed Miliband spoke at the rally.\n\n"We are united," Ed Miliband said.', 'Ed Miliband'],
    ['an attribution at the end of a long sentence', 'The proposals, which would cut waiting times and give patients more choice over where they are treated, were "the biggest shake-up in a generation", Health Secretary John Reid said.', 'John Reid'],
    ['a company that speaks of "its" own is no person', 'Tesco said its sales were "better than expected".', null],
    ['names joined by an ampersand are a firm', '"Sales were strong," Marks & Spencer said in a statement.', null],
    ['an unnamed spokesman', '"The prime minister has full confidence in her," a Downing Street spokesman said.', null],
    ['a pronoun in the next sentence', 'Charles Kennedy met voters in Bath. Afterwards he said the campaign was "going well".', 'Charles Kennedy'],
    ['a pronoun by gender', 'Ann Taylor and John Smith clashed in the debate. "It is nonsense," she said.', 'Ann Taylor'],
    ['"according to" an unnamed speaker', '"The talks have stalled," according to a senior diplomat.', null],
    ['"according to" a named one', 'According to Defence Secretary Geoff Hoon, the troops "did their duty".', 'Geoff Hoon'],
    ['a run-on quotation across paragraphs', 'Mr Blair said: "We will not back down.\n\n"We have a mandate."', 'Blair'],
    ['a run-on quotation within a paragraph, straight marks', 'Mr Blair said: "We will not back down. "We have a mandate and we will use it.', 'Blair'],
  ] as const)('%s', (_name, body, speaker) => {
    expect(lastSpeaker(body)).toBe(speaker);
  });

  it('splits a run-on quotation with straight marks into its pieces, each its own quote', () => {
    const quotes = extractArticle('Headline here\n\nMr Blair said: "We will not back down. "We have a mandate. "The country expects nothing less," he added.').quotes;
    expect(quotes.map((quote) => quote.text)).toEqual(['We will not back down.', 'We have a mandate.', 'The country expects nothing less,']);
  });
});
