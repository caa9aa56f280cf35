// Capitalised words that are never part of a person's name: function words that start sentences, calendar words,
// words that make a phrase an organisation, a place, an event or a thing.

const words = (text: string): Set<string> => new Set(text.trim().split(/\s+/));

/** Common English words (lower case) that appear capitalised only because they start a sentence or a headline. */
export const COMMON_WORDS: ReadonlySet<string> = words(`
a an the this that these those there here it its it's he she his her hers him they them their we our us you your
i me my mine and or but nor so yet for of in on at to from by with without within into onto upon over under about
above below after before during since until till while when where why how what which who whom whose whoever
if then than though although because as also too very just only even still already again once twice both each
every either neither all any some many much more most few less least other another such same own several
no not nor none nothing something anything everything someone anyone everyone nobody somebody anybody everybody
is are was were be been being am has have had having do does did done will would shall should can could may
might must ought let lets now today tonight yesterday tomorrow earlier later meanwhile however moreover
furthermore nevertheless instead otherwise indeed perhaps maybe please thanks thank yes no okay ok well oh
first second third last next new old former latest early late recent recently currently finally eventually
initially previously overall asked said says told according despite amid among between across along around
against through throughout toward towards beyond behind beside besides near off out up down via per like unlike
following including regarding concerning given whether although unless whereas once rather quite almost nearly
about above just never always often sometimes usually ever soon already together alone else whatever wherever
speaking writing reporting additional editing compiled contributed photo photos image video watch read share
updated published posted breaking exclusive analysis opinion comment editorial live report reports sources
mostly mainly largely partly especially particularly notably clearly obviously apparently reportedly allegedly
officials police authorities critics experts analysts residents witnesses people officers troops forces
american british russian chinese french german european western eastern northern southern
one two three four five six seven eight nine ten eleven twelve dozens hundreds thousands millions
`);

/** Months, days and seasons. */
export const CALENDAR_WORDS: ReadonlySet<string> = words(`
january february march april may june july august september october november december
jan feb mar apr jun jul aug sep sept oct nov dec
monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thurs fri sat sun
spring summer autumn winter christmas easter ramadan eid diwali hanukkah thanksgiving halloween
`);

/** Words that make a capitalised phrase an organisation, a place, an event, a law or a thing. Lower case. */
export const NON_PERSON_HEADS: ReadonlySet<string> = words(`
department ministry council committee commission agency office bureau service services administration
government cabinet parliament congress senate assembly house court courts tribunal union party parties movement
front alliance coalition league federation association society institute institution foundation fund trust
organisation organization organisations organizations
university college school academy hospital clinic center centre museum library gallery theatre theater church
cathedral mosque temple synagogue company corporation corp inc ltd llc plc group holdings bank capital partners
airlines airways motors energy oil gas petroleum industries systems technologies technology labs media news
times post journal herald tribune gazette telegraph guardian press network channel radio television tv
magazine daily weekly club fc united city county state states province region district territory republic
kingdom empire federation nations island islands sea ocean river lake mountain mountains mount valley bay gulf
coast strait peninsula desert forest park square street road avenue boulevard lane bridge airport station port
harbour harbor base camp prison embassy consulate palace castle tower hall building plaza stadium arena
war wars battle crisis revolution treaty accord agreement pact deal act law bill amendment constitution charter
convention protocol summit conference forum festival games olympics cup championship league award awards prize
prizes program programme project plan initiative strategy doctrine day week month year era age
policy terms notice cookies newsletter subscription
forces force army navy guard guards corps brigade regiment division command police militia army's
province's region's airport's party's company's
initiative index exchange market markets stock stocks dollar euro yen rouble ruble pound
virus disease syndrome fever flu pandemic epidemic vaccine hurricane storm typhoon cyclone earthquake
north south east west northern southern eastern western central middle upper lower greater
international national federal royal imperial general supreme high grand global world
collective shipping lines logistics freight mobile telecom emergency management flats creek heights
falls springs canyon junction rail railways railway airline pharmaceuticals pharma foods brands mining resources
insurance investments ventures securities equity solutions networks communications telecom telecoms studios
entertainment publishing retail hotels resorts properties automotive aerospace chemicals laboratories robotics
internet web facebook twitter instagram youtube google apple microsoft amazon tiktok whatsapp telegram
god allah lord jesus christ bible koran quran
`);

/** Country, region and major-city names (lower case, may be several words): places, never people. */
export const PLACE_NAMES: ReadonlySet<string> = new Set(`
afghanistan|albania|algeria|andorra|angola|argentina|armenia|australia|austria|azerbaijan|bahamas|bahrain|bangladesh
barbados|belarus|belgium|belize|benin|bhutan|bolivia|bosnia|botswana|brazil|brunei|bulgaria|burkina faso|burundi
cambodia|cameroon|canada|chad|chile|china|colombia|comoros|congo|costa rica|croatia|cuba|cyprus|czechia|denmark
djibouti|dominica|ecuador|egypt|el salvador|eritrea|estonia|eswatini|ethiopia|fiji|finland|france|gabon|gambia
georgia|germany|ghana|greece|grenada|guatemala|guinea|guyana|haiti|honduras|hungary|iceland|india|indonesia|iran
iraq|ireland|israel|italy|jamaica|japan|jordan|kazakhstan|kenya|kiribati|korea|kosovo|kuwait|kyrgyzstan|laos
latvia|lebanon|lesotho|liberia|libya|liechtenstein|lithuania|luxembourg|madagascar|malawi|malaysia|maldives|mali
malta|mauritania|mauritius|mexico|micronesia|moldova|monaco|mongolia|montenegro|morocco|mozambique|myanmar|burma
namibia|nauru|nepal|netherlands|holland|new zealand|nicaragua|niger|nigeria|north korea|south korea|norway|oman
pakistan|palau|palestine|panama|papua new guinea|paraguay|peru|philippines|poland|portugal|qatar|romania|russia
rwanda|samoa|san marino|saudi arabia|senegal|serbia|seychelles|sierra leone|singapore|slovakia|slovenia
somalia|south africa|south sudan|spain|sri lanka|sudan|suriname|sweden|switzerland|syria|taiwan|tajikistan
tanzania|thailand|togo|tonga|trinidad|tunisia|turkey|turkmenistan|tuvalu|uganda|ukraine|united arab emirates
uae|u.a.e.|united kingdom|uk|u.k.|britain|great britain|england|scotland|wales|northern ireland|united states
us|u.s.|usa|u.s.a.|america|uruguay|uzbekistan|vanuatu|vatican|venezuela|vietnam|yemen|zambia|zimbabwe
europe|asia|africa|antarctica|arctic|oceania|latin america|north america|south america|middle east|gulf
balkans|caucasus|scandinavia|siberia|crimea|donbas|donbass|gaza|west bank|kashmir|tibet|xinjiang|hong kong|macau
kurdistan|catalonia|chechnya|darfur|sahel|sahara|idlib|aleppo|damascus|homs|raqqa|mosul|baghdad|basra|tehran
kabul|kandahar|islamabad|karachi|lahore|delhi|new delhi|mumbai|kolkata|chennai|bangalore|dhaka|kathmandu|colombo
beijing|shanghai|shenzhen|guangzhou|wuhan|taipei|tokyo|osaka|seoul|pyongyang|manila|jakarta|bangkok|hanoi
kuala lumpur|singapore|sydney|melbourne|canberra|brisbane|perth|auckland|wellington|moscow|st petersburg
saint petersburg|sochi|kyiv|kiev|kharkiv|odesa|odessa|mariupol|minsk|warsaw|krakow|prague|vienna|budapest
bucharest|sofia|belgrade|zagreb|athens|istanbul|ankara|rome|milan|naples|venice|florence|madrid|barcelona|lisbon
paris|marseille|lyon|brussels|amsterdam|the hague|rotterdam|berlin|munich|frankfurt|hamburg|cologne|zurich|geneva
bern|copenhagen|stockholm|oslo|helsinki|tallinn|riga|vilnius|dublin|belfast|london|manchester|liverpool
birmingham|leeds|glasgow|edinburgh|cardiff|bristol|oxford|cambridge|washington|new york|los angeles|chicago
houston|boston|miami|atlanta|dallas|denver|seattle|san francisco|detroit|philadelphia|phoenix|las vegas
new orleans|baltimore|pittsburgh|cleveland|minneapolis|st. louis|nashville|portland|sacramento|san diego
austin|charlotte|orlando|tampa|honolulu|anchorage|ottawa|toronto|montreal|vancouver|calgary|quebec
mexico city|havana|caracas|bogota|lima|quito|santiago|buenos aires|montevideo|brasilia|rio de janeiro|sao paulo
cairo|alexandria|tripoli|tunis|algiers|rabat|casablanca|khartoum|addis ababa|nairobi|mogadishu|kampala|kigali
dar es salaam|lagos|abuja|accra|dakar|kinshasa|luanda|johannesburg|cape town|pretoria|harare|lusaka
jerusalem|tel aviv|beirut|amman|riyadh|jeddah|mecca|medina|doha|dubai|abu dhabi|muscat|sanaa|aden|kuwait city
manama|fujairah|strait of hormuz|hormuz|black sea|baltic|mediterranean|pacific|atlantic|indian ocean
texas|california|florida|new jersey|virginia|west virginia|ohio|michigan|pennsylvania|illinois|arizona|nevada
oregon|alabama|alaska|arkansas|colorado|connecticut|delaware|hawaii|idaho|indiana|iowa|kansas|kentucky|louisiana
maine|maryland|massachusetts|minnesota|mississippi|missouri|montana|nebraska|new hampshire|new mexico
north carolina|south carolina|north dakota|south dakota|oklahoma|rhode island|tennessee|utah|vermont|wisconsin
wyoming|ontario|alberta|british columbia|queensland|victoria|tasmania|bavaria|normandy|brittany|tuscany|sicily
kremlin|pentagon|white house|downing street|capitol hill|wall street|silicon valley|hollywood|westminster|whitehall
`.split(/[|\n]/).map((name) => name.trim()).filter((name) => name !== ''));

/** Nouns that say a company or an organisation is meant ("the state-owned operator, Trenes Metropolitanos,"). */
export const COMPANY_NOUNS: ReadonlySet<string> = words(`
operator company firm carrier airline maker manufacturer producer retailer lender insurer broadcaster publisher
developer supplier provider chain brand startup start-up conglomerate subsidiary group utility
distributor exporter importer miner shipper outlet newspaper network agency charity organisation organization
nonprofit non-profit collective platform app website contractor consultancy
`);

/** Plural organisation words that open sentences ("Unions said"); not derived, since "Parks" and "Banks" are names. */
export const ORGANISATION_PLURALS = new Set(['unions', 'councils', 'ministries', 'agencies', 'companies', 'governments', 'committees',
  'courts', 'authorities', 'officials', 'charities', 'hospitals', 'schools', 'universities', 'airlines', 'insurers',
  'lenders', 'regulators', 'firms']);

/** Lower-case nouns that a place's or a publication's name follows ("the village Salmon Flats", "the journal X"). */
export const NAMED_THING_NOUNS = new Set(['journal', 'newspaper', 'magazine', 'station', 'village', 'town', 'city', 'district',
  'province', 'region', 'county', 'suburb', 'neighbourhood', 'neighborhood', 'street', 'road', 'river', 'lake', 'island',
  'hospital', 'school', 'university', 'festival', 'book', 'novel', 'film', 'album', 'ship', 'vessel', 'app', 'brand',
  // Organisations named after their noun ("the network Parlireach", "the charity Mind", "the firm Ahrefs").
  'network', 'charity', 'organisation', 'organization', 'firm', 'company', 'group', 'union', 'party', 'agency',
  'consultancy', 'think-tank', 'startup', 'start-up', 'platform', 'website', 'outlet', 'publication', 'broadcaster', 'team', 'club', 'band']);

export const ORGANISATION_NOUNS = new Set(['ministry', 'government', 'department', 'company', 'agency', 'embassy', 'court', 'army', 'military', 'police', 'council', 'committee', 'party', 'group', 'firm', 'union', 'statement', 'report', 'office', 'administration', 'campaign', 'club', 'team', 'organisation', 'organization', 'authority', 'authorities', 'regulator', 'board', 'commission', 'kremlin', 'pentagon', 'study', 'survey', 'document', 'letter', 'website', 'newspaper', 'paper', 'agency', 'network', 'broadcaster', 'channel', 'service', 'bank', 'charity', 'coalition', 'alliance', 'bloc', 'navy', 'junta', 'regime', 'cabinet', 'parliament', 'congress', 'senate', 'assembly', 'council', 'tribunal', 'panel', 'inquiry', 'investigation', 'filing', 'lawsuit', 'indictment', 'complaint', 'memo', 'draft', 'plan', 'bill', 'law', 'treaty', 'resolution', 'decision', 'ruling', 'order', 'declaration', 'communique', 'manifesto', 'notice']);
