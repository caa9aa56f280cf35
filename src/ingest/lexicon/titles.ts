// Honorifics, titles and role nouns: the words around a name that say what the person is.

/** Honorifics printed before a name, without the period, lower case. */
export const HONORIFICS: ReadonlySet<string> = new Set([
  'mr', 'mrs', 'ms', 'miss', 'mx', 'dr', 'sir', 'dame', 'lord', 'lady', 'prof', 'professor', 'rev', 'reverend',
  'fr', 'father', 'sister', 'brother', 'rabbi', 'imam', 'sheikh', 'sheik', 'mme', 'mlle', 'monsieur', 'madame',
  'herr', 'frau', 'messrs', 'st',
]);

/** Title words that may head a role before a name ("Foreign Minister", "Sen.", "spokesman"). Lower case, no period. */
export const TITLE_WORDS: ReadonlySet<string> = new Set([
  'president', 'vice', 'prime', 'minister', 'secretary', 'foreign', 'deputy', 'chief', 'general', 'gen', 'senator',
  'sen', 'representative', 'rep', 'congressman', 'congresswoman', 'governor', 'gov', 'mayor', 'judge', 'justice',
  'chancellor', 'king', 'queen', 'prince', 'princess', 'pope', 'cardinal', 'archbishop', 'bishop', 'ambassador',
  'envoy', 'spokesman', 'spokeswoman', 'spokesperson', 'commissioner', 'director', 'chairman', 'chairwoman', 'chair',
  'chairperson', 'ceo', 'founder', 'co-founder', 'leader', 'speaker', 'lt', 'lieutenant', 'col', 'colonel', 'capt',
  'captain', 'maj', 'major', 'sgt', 'sergeant', 'adm', 'admiral', 'cmdr', 'commander', 'officer', 'inspector',
  'detective', 'constable', 'superintendent', 'attorney', 'prosecutor', 'lawyer', 'coach', 'manager', 'striker',
  'midfielder', 'defender', 'goalkeeper', 'player', 'star', 'singer', 'actor', 'actress', 'author', 'writer',
  'economist', 'analyst', 'professor', 'prof', 'dr', 'emir', 'crown', 'sultan', 'ayatollah', 'sheikh', 'premier',
  'mp', 'mep', 'lawmaker', 'legislator', 'councillor', 'councilman', 'councilwoman', 'alderman', 'assemblyman',
  'assemblywoman', 'treasurer', 'auditor', 'comptroller', 'executive', 'head', 'official', 'adviser', 'advisor',
  'aide', 'counsel', 'diplomat', 'negotiator', 'marshal', 'field', 'brigadier', 'corporal', 'private', 'pastor',
  'chef', 'candidate', 'nominee', 'chief executive', 'owner', 'editor', 'correspondent', 'reporter', 'columnist',
  'president-elect', 'ex-president', 'former', 'acting', 'interim', 'special', 'senior', 'assistant', 'associate',
  'first', 'lady', 'opposition', 'party', 'state', 'defense', 'defence', 'interior', 'finance', 'trade', 'health',
  'education', 'justice', 'energy', 'economy', 'economic', 'affairs', 'home', 'environment', 'labour', 'labor',
  'agriculture', 'transport', 'culture', 'information', 'communications', 'treasury', 'homeland', 'security',
  'national', 'foreign', 'defence', 'attorney-general', 'solicitor', 'solicitor-general', 'deputy', 'under',
  'undersecretary', 'under-secretary', 'general-secretary', 'secretary-general', 'high', 'commissioner', 'rapporteur',
  'whip', 'majority', 'minority', 'house', 'senate', 'white', 'kremlin', 'military', 'army', 'police', 'fire',
  'team', 'club', 'company', 'government', 'ministry', 'department', 'cabinet', 'party', 'union', 'campaign',
  'shadow', 'housing', 'business', 'science', 'pensions', 'employment', 'immigration', 'policing', 'veterans',
  'tourism', 'climate', 'planning', 'schools', 'equalities', 'development', 'industry', 'infrastructure',
  'communities', 'welfare', 'financial', 'operating', 'technical', 'technology', 'councilor', 'councilmember',
  'alderwoman', 'selectman', 'selectwoman', 'republican', 'democrat', 'democratic', 'conservative', 'tory', 'liberal',
  'socialist', 'agent', 'supervisor', 'gm', 'mvp', 'referee', 'umpire', 'catcher', 'pitcher', 'outfielder', 'infielder',
  'shortstop', 'quarterback', 'winger', 'trainer', 'boss', 'sheriff', 'deputies', 'magistrate', 'coroner', 'registrar',
  'dean', 'provost', 'principal', 'headteacher', 'headmaster', 'headmistress', 'bishop', 'archdeacon', 'vicar', 'tsar', 'tzar', 'czar',
]);

/** Nouns that name what someone is; the head of a role ("a Kremlin spokesman", "the official"). Lower case. */
export const ROLE_NOUNS: ReadonlySet<string> = new Set([
  'president', 'minister', 'secretary', 'spokesman', 'spokeswoman', 'spokesperson', 'official', 'officials',
  'counterpart', 'officer', 'diplomat', 'source', 'sources', 'analyst', 'analysts', 'expert', 'experts', 'lawyer',
  'attorney', 'aide', 'adviser', 'advisor', 'ambassador', 'envoy', 'leader', 'chief', 'director', 'chairman',
  'chairwoman', 'chair', 'executive', 'professor', 'researcher', 'scientist', 'witness', 'witnesses', 'resident',
  'residents', 'commander', 'general', 'governor', 'mayor', 'senator', 'lawmaker', 'lawmakers', 'legislator',
  'representative', 'manager', 'coach', 'player', 'doctor', 'nurse', 'teacher', 'student', 'mother', 'father',
  'wife', 'husband', 'son', 'daughter', 'sister', 'brother', 'friend', 'neighbour', 'neighbor', 'owner', 'founder',
  'candidate', 'prosecutor', 'prosecutors', 'judge', 'investigator', 'investigators', 'economist', 'economists',
  'activist', 'activists', 'campaigner', 'protester', 'protesters', 'worker', 'workers', 'farmer', 'victim',
  'survivor', 'employee', 'staffer', 'negotiator', 'premier', 'chancellor', 'king', 'queen', 'prince', 'pope',
  'predecessor', 'successor', 'deputy', 'ceo', 'head', 'boss', 'colleague', 'partner', 'journalist', 'reporter',
  'author', 'writer', 'actor', 'actress', 'singer', 'artist', 'star', 'striker', 'midfielder', 'defender',
  'goalkeeper', 'captain', 'veteran', 'soldier', 'pilot', 'engineer', 'economist', 'historian', 'politician',
  'commissioner', 'inspector', 'detective', 'superintendent', 'mp', 'mep', 'councillor', 'member', 'organiser',
  'organizer', 'founder', 'chairperson', 'physician', 'surgeon', 'psychologist', 'sociologist', 'lecturer',
  'administrator', 'regulator', 'trader', 'strategist', 'consultant', 'banker', 'entrepreneur', 'businessman',
  'businesswoman', 'man', 'woman', 'person', 'people', 'parent', 'parents', 'host', 'organizer', 'voter', 'voters',
  'fan', 'fans', 'user', 'users', 'customer', 'customers', 'patient', 'patients', 'passenger', 'passengers',
  'priest', 'cleric', 'bishop', 'rabbi', 'imam', 'monk', 'emir', 'sultan', 'speaker', 'whip', 'staff', 'observer',
  'observers', 'reviewer', 'reviewers', 'critic', 'critics', 'supporter', 'supporters', 'opponent', 'opponents', 'insider', 'insiders',
  'midwife', 'pharmacist', 'paramedic', 'firefighter', 'commuter', 'commuters', 'driver', 'drivers', 'shopkeeper',
  'volunteer', 'volunteers', 'participant', 'participants', 'neighbours', 'neighbors', 'relative', 'relatives',
  'grandmother', 'grandfather', 'aunt', 'uncle', 'cousin', 'widow', 'widower', 'teenager', 'pensioner', 'retiree',
  'landlord', 'tenant', 'tenants', 'shopper', 'shoppers', 'tourist', 'tourists', 'visitor', 'visitors', 'bystander',
  'eyewitness', 'novelist', 'poet', 'filmmaker', 'director', 'musician', 'designer', 'architect', 'academic',
  'mechanic', 'electrician', 'builder', 'accountant', 'solicitor', 'barrister', 'clerk', 'guard', 'warden',
  'ranger', 'firefighters', 'paramedics', 'nurses', 'doctors', 'teachers', 'students', 'parents', 'farmers',
  'treasurer', 'auditor', 'comptroller', 'coroner', 'sheriff', 'magistrate', 'registrar', 'ombudsman', 'trustee',
  'principal', 'headteacher', 'headmaster', 'headmistress', 'dean', 'provost', 'rector', 'vicar', 'archbishop',
  'cardinal', 'pastor', 'co-founder', 'cofounder', 'referee', 'umpire', 'manager',
]);

/** Role nouns that say a woman or a man is meant, for pronoun agreement. */
export const FEMININE_WORDS: ReadonlySet<string> = new Set([
  'mrs', 'ms', 'miss', 'dame', 'lady', 'madame', 'mme', 'mlle', 'frau', 'sister', 'spokeswoman', 'chairwoman',
  'congresswoman', 'councilwoman', 'assemblywoman', 'businesswoman', 'queen', 'princess', 'actress', 'mother',
  'wife', 'daughter', 'woman', 'grandmother', 'aunt', 'niece', 'girl', 'widow',
]);
export const MASCULINE_WORDS: ReadonlySet<string> = new Set([
  'mr', 'sir', 'lord', 'monsieur', 'herr', 'father', 'brother', 'spokesman', 'chairman', 'congressman',
  'councilman', 'assemblyman', 'businessman', 'king', 'prince', 'actor', 'husband', 'son', 'man', 'grandfather',
  'uncle', 'nephew', 'boy', 'widower', 'rabbi', 'imam', 'pope', 'cardinal', 'archbishop', 'sheikh', 'emir', 'sultan',
]);

/** Demonyms that a role may open with, to the country or body they point at. */
export const DEMONYMS: ReadonlyMap<string, string> = new Map([
  ['american', 'United States'], ['u.s.', 'United States'], ['us', 'United States'], ['russian', 'Russia'],
  ['chinese', 'China'], ['french', 'France'], ['german', 'Germany'], ['british', 'United Kingdom'],
  ['uk', 'United Kingdom'], ['u.k.', 'United Kingdom'], ['italian', 'Italy'], ['spanish', 'Spain'],
  ['japanese', 'Japan'], ['korean', 'Korea'], ['south korean', 'South Korea'], ['north korean', 'North Korea'],
  ['indian', 'India'], ['pakistani', 'Pakistan'], ['iranian', 'Iran'], ['iraqi', 'Iraq'], ['syrian', 'Syria'],
  ['turkish', 'Turkey'], ['israeli', 'Israel'], ['palestinian', 'Palestine'], ['egyptian', 'Egypt'],
  ['saudi', 'Saudi Arabia'], ['emirati', 'United Arab Emirates'], ['qatari', 'Qatar'], ['ukrainian', 'Ukraine'],
  ['polish', 'Poland'], ['dutch', 'Netherlands'], ['belgian', 'Belgium'], ['swedish', 'Sweden'],
  ['norwegian', 'Norway'], ['danish', 'Denmark'], ['finnish', 'Finland'], ['greek', 'Greece'],
  ['portuguese', 'Portugal'], ['irish', 'Ireland'], ['scottish', 'Scotland'], ['welsh', 'Wales'],
  ['english', 'England'], ['canadian', 'Canada'], ['mexican', 'Mexico'], ['brazilian', 'Brazil'],
  ['argentine', 'Argentina'], ['argentinian', 'Argentina'], ['venezuelan', 'Venezuela'], ['colombian', 'Colombia'],
  ['chilean', 'Chile'], ['peruvian', 'Peru'], ['cuban', 'Cuba'], ['australian', 'Australia'],
  ['new zealand', 'New Zealand'], ['nigerian', 'Nigeria'], ['kenyan', 'Kenya'], ['ethiopian', 'Ethiopia'],
  ['south african', 'South Africa'], ['ghanaian', 'Ghana'], ['afghan', 'Afghanistan'], ['indonesian', 'Indonesia'],
  ['malaysian', 'Malaysia'], ['thai', 'Thailand'], ['vietnamese', 'Vietnam'], ['filipino', 'Philippines'],
  ['philippine', 'Philippines'], ['swiss', 'Switzerland'], ['austrian', 'Austria'], ['hungarian', 'Hungary'],
  ['czech', 'Czech Republic'], ['romanian', 'Romania'], ['bulgarian', 'Bulgaria'], ['serbian', 'Serbia'],
  ['croatian', 'Croatia'], ['belarusian', 'Belarus'], ['georgian', 'Georgia'], ['armenian', 'Armenia'],
  ['azerbaijani', 'Azerbaijan'], ['kazakh', 'Kazakhstan'], ['lebanese', 'Lebanon'], ['jordanian', 'Jordan'],
  ['libyan', 'Libya'], ['sudanese', 'Sudan'], ['yemeni', 'Yemen'], ['european', 'European Union'],
  ['eu', 'European Union'], ['un', 'United Nations'], ['u.n.', 'United Nations'], ['nato', 'NATO'],
]);

/**
 * Nouns for a person in the story rather than an office: "the mother-of-four said", "the offender said" refer back to
 * someone already named, as a pronoun does, with the gender the noun carries (null: either). Lower case.
 */
export const ANAPHORIC_PERSON_NOUNS: ReadonlyMap<string, 'female' | 'male' | null> = new Map([
  ['mother', 'female'], ['mum', 'female'], ['mom', 'female'], ['woman', 'female'], ['wife', 'female'], ['daughter', 'female'],
  ['girl', 'female'], ['widow', 'female'], ['grandmother', 'female'], ['granddaughter', 'female'], ['sister', 'female'],
  ['aunt', 'female'], ['father', 'male'], ['dad', 'male'], ['man', 'male'], ['husband', 'male'], ['son', 'male'], ['boy', 'male'],
  ['widower', 'male'], ['grandfather', 'male'], ['grandson', 'male'], ['brother', 'male'], ['uncle', 'male'],
  ['victim', null], ['offender', null], ['defendant', null], ['accused', null], ['pensioner', null], ['retiree', null],
  ['teenager', null], ['suspect', null], ['attacker', null], ['survivor', null], ['patient', null], ['claimant', null],
  ['plaintiff', null], ['complainant', null], ['deceased', null],
]);

/** "mother-of-four", "father-of-two": the noun before "-of-". */
export function anaphoricHead(word: string): string {
  const hyphen = /^([a-z]+)-of-[a-z]+$/u.exec(word);
  return hyphen ? hyphen[1]! : word;
}

/** Nouns for a nationality that stand for a person ("the Spaniard"); demonym adjectives count too ("the Russian"). */
export const NATIONALITY_NOUNS = new Set(['spaniard', 'briton', 'frenchman', 'frenchwoman', 'dutchman', 'dutchwoman', 'swede', 'dane',
  'finn', 'pole', 'scot', 'welshman', 'welshwoman', 'irishman', 'irishwoman', 'englishman', 'englishwoman', 'kiwi', 'aussie']);

/** Epithets that refer back to someone named before rather than to an office ("the teenager", "the champion"). */
export const EPITHET_NOUNS = new Set(['teenager', 'youngster', 'veteran', 'champion', 'winner', 'newcomer', 'rookie', 'debutant', 'runner-up']);

/** Modifiers that are part of an office's name ("prime minister", "foreign secretary", "deputy leader"). */
export const OFFICE_WORDS = new Set(['prime', 'deputy', 'vice', 'first', 'foreign', 'home', 'finance', 'defence', 'defense', 'health',
  'education', 'justice', 'interior', 'chief', 'attorney', 'shadow', 'general', 'district']);

/** Offices a story may name its lead by without repeating the name ("the prime minister", "the president"). */
export const LEAD_OFFICES = new Set(['minister', 'president', 'chancellor', 'premier', 'governor', 'mayor', 'taoiseach']);
