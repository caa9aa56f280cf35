// Abbreviations that keep their period inside a sentence ("Mr.", "Sen.", "Jan."): the tokenizer ends no sentence at them.

/** Abbreviations that keep their period and do not end a sentence. */
export const ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'rev', 'fr', 'st', 'sen', 'rep', 'gov', 'gen', 'col', 'lt', 'capt', 'maj', 'sgt',
  'adm', 'cmdr', 'cpl', 'pvt', 'jr', 'sr', 'mt', 'ft', 'no', 'vs', 'etc', 'inc', 'corp', 'ltd', 'co', 'jan', 'feb',
  'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'approx', 'dept', 'est', 'messrs', 'mme',
  'mlle', 'ave', 'blvd', 'rd', 'gov', 'supt', 'insp', 'det', 'atty', 'ald',
]);
