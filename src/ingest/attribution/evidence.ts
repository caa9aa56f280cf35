// What an attribution is: the speaker a quotation was given and the evidence for it (the rule that named them), in
// a file of its own so that the rules (sentence-rules.ts, inheritance.ts) and the sequence that tries them
// (attribution.ts) all import it from below, with no import circle.
import type { SpeakerMention } from '../speaker-mentions.js';
import type { Speaker } from './discourse.js';

/** What named a speaker: the rule, and for rules that read a subject, what kind of words it was. */
export interface AttributionRule {
  rule: 'speech-verb' | 'reported-clause' | 'according-to' | 'colon' | 'possessive-message' | 'run-on' | 'adjacent-quote' | 'paragraph-subject' | 'previous-paragraph' | 'none';
  subject: SpeakerMention['kind'] | 'title' | null;
  /** For a speaker inherited from another quotation (run-on, adjacent-quote, previous-paragraph): the rule that named
   * it there; an inherited speaker is no surer than that. */
  source?: AttributionRule;
}

export interface Attribution {
  speaker: Speaker | null;
  rule: AttributionRule;
  /** The quote's own sentence has a reporting verb with a subject. */
  ownCue: 'strong' | 'weak' | null;
  /** The subject of that verb names a person or a person-like description (not an organisation). */
  personLikeSubject: boolean;
}
