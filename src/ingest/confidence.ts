// How sure the pipeline is of each kind of attribution: the share of attributions made by each rule (and kind of
// subject) that were right, estimated conservatively as the lower end of a one-sided 95% Wilson interval, so that a
// rule seen right on few quotes claims no certainty. Two estimates are taken and the lower kept: one on the tuning
// corpus (test/fixtures/real/tune, 119 articles), and one on text the rules had not been tuned on (the held-out
// parts of rounds 3 and 4, 34 articles, each scored once before it joined the tuning part), where the rules do
// worse; a rule seen fewer than 5 times there keeps its tuning estimate, under 0.9. `npm run eval:extraction --
// --calibration` prints the counts and the tuning estimates. Editors review the least sure attributions first.
import type { AttributionRule } from './attribution/attribution.js';
import type { AttributionEvidence } from './draft.js';

/** Confidence by rule and subject; a rule's own entry covers subjects too rare to measure alone. Counts: quotes
 * attributed this way and right, on the tuning corpus; then on the held-out rounds. */
const CONFIDENCE: Record<string, number> = {
  'speech-verb:person': 0.94, // 375, 365; 98, 96: "…," Smith said (the reporting clause beside the quotation)
  // 55, 54 on the tuning corpus; every miss on the held-out rounds (8 of 10) was a piece whose first piece had the
  // wrong speaker, which the cap by the source's confidence below accounts for.
  'run-on': 0.92, // a piece of a quotation run over paragraphs
  'speech-verb:pronoun': 0.8, // 204, 192; 55, 49: "…," she said
  'reported-clause:person': 0.76, // 157, 148; 56, 48: Smith said the plan was "dead"
  'adjacent-quote': 0.68, // 194, 180; 63, 49: the quotation beside it in the paragraph
  'reported-clause:pronoun': 0.65, // 61, 56; 18, 15: she said the plan was "dead"
  'according-to': 0.6, // 2, 2: according to X
  colon: 0.58, // 12, 11; 2, 2: X said: "…"
  'previous-paragraph': 0.58, // 99, 81; 35, 25: the speaker of the paragraph before
  'possessive-message': 0.5, // 1, 1: "“…,” was Millington's assessment"
  'speech-verb:title': 0.46, // 8, 6; 1, 0: "…," the minister said, resolved to a person
  'reported-clause:description': 0.44, // 25, 17; 10, 7: a spokesman said the plan was "dead"
  'reported-clause:organisation': 0.44, // 23, 23; 5, 4: the ministry said the talks were "over"
  'speech-verb:description': 0.43, // 35, 29; 14, 9: "…," a spokesman said
  'reported-clause': 0.41, // 20, 16; 7, 5: an unnamed subject phrase ("the county board said")
  'paragraph-subject': 0.39, // 13, 10; 11, 7: the person an earlier sentence of the paragraph is about, or whose words it reported
  'speech-verb:organisation': 0.35, // 21, 17; 8, 5: "…," the ministry said
  none: 0.26, // 11, 6: no speaker found
  'speech-verb': 0.25, // 3, 2: an unnamed subject phrase beside the quotation
  'reported-clause:title': 0.14, // 14, 8; 5, 2: the minister said the plan was "dead"
};

export function attributionEvidence(rule: AttributionRule): AttributionEvidence {
  const method = rule.subject ? `${rule.rule}:${rule.subject}` : rule.rule;
  const own = CONFIDENCE[method] ?? CONFIDENCE[rule.rule] ?? 0.5;
  // A speaker inherited from another quotation is no surer than the attribution it came from.
  const confidence = rule.source ? Math.min(own, attributionEvidence(rule.source).confidence) : own;
  return { method, confidence };
}
