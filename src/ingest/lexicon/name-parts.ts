// The parts of a name other than given names and surnames: particles ("von der"), suffixes ("Jr."), letters after
// it ("QC"), and titles printed before a surname alone ("Judge Early").

export const PARTICLES = new Set(['de', 'da', 'di', 'del', 'della', 'der', 'den', 'van', 'von', 'la', 'le', 'du', 'dos', 'das', 'bin', 'ibn', 'al', 'el', 'ter', 'ten', 'y', 'abu', 'bint', 'ben']);

/** Suffixes that are part of a name: "Jr", "Sr", "III". Lower case, no period. */
export const GENERATIONAL_SUFFIXES = new Set(['jr', 'sr', 'ii', 'iii', 'iv']);

/** Letters printed after a name that are not part of it: ranks, honours, degrees, seats. As printed. */
export const POST_NOMINALS = new Set(['QC', 'KC', 'SC', 'MP', 'MEP', 'MSP', 'MLA', 'TD', 'OBE', 'MBE', 'CBE', 'KBE', 'DBE', 'GBE', 'PhD', 'MD', 'FRS', 'Esq']);

/** Title words that are also common surnames. */
export const SURNAME_TITLES = new Set(['king', 'bishop', 'major', 'marshal', 'chancellor', 'pope', 'judge', 'cardinal', 'constable',
  'driver', 'dean', 'pastor', 'rector', 'cousin', 'warden', 'guard', 'sheriff', 'provost', 'clerk', 'ranger', 'porter', 'butler']);

/** Titles printed before one person's surname ("Judge Early", "Baroness Jolly", "Sheriff Young"). */
export const PERSON_TITLES = new Set(['judge', 'justice', 'sheriff', 'baron', 'baroness', 'lord', 'lady', 'sir', 'dame', 'captain', 'capt',
  'sergeant', 'sgt', 'detective', 'inspector', 'constable', 'coach', 'professor', 'senator', 'sen', 'governor', 'gov', 'mayor',
  'president', 'chancellor', 'councillor', 'commissioner', 'superintendent', 'colonel', 'general', 'admiral', 'bishop', 'rabbi', 'imam']);
