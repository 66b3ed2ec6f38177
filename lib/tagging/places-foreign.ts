// Place names of the beat as Ukrainian, Russian, Spanish, French, German and
// Portuguese copy writes them, beyond the native and translated country names
// gazetteer.json already has (Україна, Украина, España). Wiredesk's own list:
// the countries and cities a desk covering Spain and Ukraine reads about most.
//
// Ukrainian and Russian decline names ("у Києві", "з Харкова", "в Украине"),
// and copy rarely names a place in the nominative, so each Cyrillic name is
// added with its case forms (slavicForms); adjectives ("російські війська",
// "украинских") with theirs (slavicAdjectiveForms). A generated form that is
// no real word does no harm: the lookup is by exact token.

/** Countries: Ukrainian and Russian nominatives, the English name's usual abbreviation. */
export const CYRILLIC_COUNTRIES: Record<string, string[]> = {
  UA: ["Україна", "Украина"],
  RU: ["Росія", "Россия", "Російська Федерація", "Российская Федерация", "РФ"],
  ES: ["Іспанія", "Испания"],
  US: ["США", "Америка"],
  GB: ["Британія", "Великобритания", "Британия"],
  FR: ["Франція", "Франция"],
  DE: ["Німеччина", "Германия"],
  PL: ["Польща", "Польша"],
  BY: ["Білорусь", "Беларусь", "Белоруссия"],
  MD: ["Молдова", "Молдавия"],
  PT: ["Португалія", "Португалия"],
  IT: ["Італія", "Италия"],
  TR: ["Туреччина", "Турция"],
  CN: ["Китай"],
  IL: ["Ізраїль", "Израиль"],
  IR: ["Іран", "Иран"],
  RO: ["Румунія", "Румыния"],
  HU: ["Угорщина", "Венгрия"],
  GE: ["Грузія", "Грузия"],
  KZ: ["Казахстан"],
  // The names copy uses where the gazetteer's Ukrainian ones are official ("Республіка Корея").
  KP: ["Північна Корея", "КНДР"],
  KR: ["Південна Корея", "Южная Корея"],
};

/** Cities and regions: Ukrainian and Russian nominatives. */
export const CYRILLIC_CITIES: Record<string, string[]> = {
  UA: [
    "Київ", "Киев", "Харків", "Харьков", "Одеса", "Одесса", "Львів", "Львов", "Дніпро", "Днепр", "Запоріжжя",
    "Запорожье", "Миколаїв", "Николаев", "Херсон", "Маріуполь", "Мариуполь", "Донецьк", "Донецк", "Луганськ",
    "Луганск", "Краматорськ", "Краматорск", "Слов'янськ", "Славянск", "Бахмут", "Суми", "Сумы", "Полтава",
    "Чернігів", "Чернигов", "Житомир", "Вінниця", "Винница", "Рівне", "Ровно", "Ізюм", "Изюм", "Куп'янськ",
    "Купянск", "Покровськ", "Покровск", "Авдіївка", "Авдеевка", "Севастополь", "Сімферополь", "Симферополь",
    "Керч", "Керчь", "Ялта", "Чорнобиль", "Чернобыль", "Буча", "Ірпінь", "Ирпень", "Мелітополь", "Мелитополь",
    "Бердянськ", "Бердянск", "Енергодар", "Энергодар", "Кривий Ріг", "Кривой Рог", "Тернопіль", "Тернополь",
    "Ужгород", "Чернівці", "Черновцы", "Івано-Франківськ", "Ивано-Франковск", "Луцьк", "Луцк", "Черкаси",
    "Черкассы", "Донбас", "Донбасс", "Крим", "Крым",
    // Both words of these decline, and the noun's vowel turns (Ріг → Розі, Рог → Роге): past slavicForms, so spelt out.
    "Кривому Розі", "Кривого Рогу", "Кривим Рогом", "Кривом Роге", "Кривого Рога", "Кривым Рогом",
  ],
  RU: [
    "Москва", "Санкт-Петербург", "Петербург", "Бєлгород", "Белгород", "Курськ", "Курск", "Брянськ", "Брянск",
    "Ростов-на-Дону", "Калінінград", "Калининград", "Волгоград", "Новосибірськ", "Новосибирск", "Казань",
    "Краснодар", "Сочі", "Сочи", "Кремль",
  ],
  BY: ["Мінськ", "Минск"],
  MD: ["Кишинів", "Кишинев", "Придністров'я", "Приднестровье"],
  // English copy writes Beijing, which no Cyrillic spelling of Пекин resembles (places-glossed.ts reads the rest).
  CN: ["Пекін", "Пекин", "Шанхай"],
  ES: ["Мадрид", "Барселона", "Севілья", "Севилья", "Валенсія", "Валенсия", "Каталонія", "Каталония"],
  PL: ["Варшава", "Жешув"],
  DE: ["Берлін", "Берлин"],
  FR: ["Париж"],
  // Britain's nations and largest cities, and the United States' states and largest cities, as English copy
  // names them most (NTREX-128's translated news, decision 024: Ukrainian copy missed the US and Britain
  // most). Single words only: a name's last word declines, an adjective before it does too.
  GB: [
    "Лондон", "Англія", "Англия", "Шотландія", "Шотландия", "Уельс", "Уэльс", "Белфаст", "Единбург", "Эдинбург",
    "Глазго", "Манчестер", "Бірмінгем", "Бирмингем", "Ліверпуль", "Ливерпуль", "Кардіфф", "Кардифф",
  ],
  US: [
    "Вашингтон", "Нью-Йорк", "Каліфорнія", "Калифорния", "Техас", "Флорида", "Аризона", "Невада", "Луїзіана",
    "Луизиана", "Вірджинія", "Виргиния", "Вирджиния", "Пенсільванія", "Пенсильвания", "Огайо", "Мічиган", "Мичиган",
    "Джорджія", "Джорджия", "Массачусетс", "Колорадо", "Іллінойс", "Иллинойс", "Теннессі", "Теннесси", "Кентуккі",
    "Кентукки", "Алабама", "Міссісіпі", "Миссисипи", "Юта", "Орегон", "Мериленд", "Мэриленд", "Міннесота",
    "Миннесота", "Вісконсин", "Висконсин", "Айова", "Канзас", "Небраска", "Оклахома", "Арканзас", "Міссурі",
    "Миссури", "Нью-Джерсі", "Нью-Джерси", "Коннектикут", "Аляска", "Гаваї", "Гавайи", "Нью-Мексико", "Чикаго",
    "Лос-Анджелес", "Сан-Франциско", "Бостон", "Маямі", "Майами", "Лас-Вегас", "Фенікс", "Финикс", "Сіетл", "Сиэтл",
    "Детройт", "Г'юстон", "Хьюстон", "Атланта", "Філадельфія", "Филадельфия", "Пентагон",
    // States of two words, the adjective declined with the noun ("у Західній Вірджинії", "в Южной Каролине").
    "Західна Вірджинія", "Западная Вирджиния", "Западная Виргиния", "Південна Кароліна", "Южная Каролина",
    "Північна Кароліна", "Северная Каролина", "Південна Дакота", "Южная Дакота", "Північна Дакота", "Северная Дакота",
  ],
  BE: ["Брюссель"],
};

/** Adjectives of the country, as stems: "російськ" + ий, а, і, их … */
export const CYRILLIC_DEMONYM_STEMS: Record<string, string[]> = {
  UA: ["українськ", "украинск"],
  RU: ["російськ", "российск"],
  ES: ["іспанськ", "испанск"],
  US: ["американськ", "американск"],
  GB: ["британськ", "британск"],
  FR: ["французьк", "французск"],
  DE: ["німецьк", "немецк"],
  PL: ["польськ", "польск"],
  BY: ["білоруськ", "белорусск"],
};

/**
 * Regions as Ukrainian and Russian copy names them most: by the region's
 * adjective, the oblast's own name ("у Харківській області", "Херсонской
 * области", "Курська область"), as stems for slavicAdjectiveForms. An
 * adjective of a region's city names the same country as the city
 * ("київська влада"), so none of them can mislead. Ukrainian and Russian
 * stems side by side; Crimea under Ukraine, as ISO 3166 has it.
 */
export const CYRILLIC_REGION_STEMS: Record<string, string[]> = {
  UA: [
    "вінницьк", "винницк", "волинськ", "волынск", "луганськ", "луганск", "дніпропетровськ", "днепропетровск",
    "донецьк", "донецк", "житомирськ", "житомирск", "закарпатськ", "закарпатск", "запорізьк", "запорожск",
    "івано-франківськ", "ивано-франковск", "київськ", "киевск", "кіровоградськ", "кировоградск", "львівськ", "львовск",
    "миколаївськ", "николаевск", "одеськ", "одесск", "полтавськ", "полтавск", "рівненськ", "ровенск", "сумськ",
    "сумск", "тернопільськ", "тернопольск", "харківськ", "харьковск", "херсонськ", "херсонск", "хмельницьк",
    "хмельницк", "черкаськ", "черкасск", "чернівецьк", "черновицк", "чернігівськ", "черниговск", "кримськ", "крымск",
  ],
  RU: [
    "курськ", "курск", "бєлгородськ", "белгородск", "брянськ", "брянск", "ростовськ", "ростовск", "воронезьк",
    "воронежск", "московськ", "московск", "ленінградськ", "ленинградск", "краснодарськ", "краснодарск",
    "калінінградськ", "калининградск", "новосибірськ", "новосибирск", "свердловськ", "свердловск", "нижегородськ",
    "нижегородск", "самарськ", "самарск", "саратовськ", "саратовск", "волгоградськ", "волгоградск", "смоленськ",
    "смоленск", "псковськ", "псковск", "мурманськ", "мурманск", "астраханськ", "астраханск", "челябінськ", "челябинск",
  ],
};

/**
 * Regions named by a noun in Ukrainian and Russian: the Ukrainian "-щина"
 * names of oblasts ("на Харківщині"), historic regions, and Russia's
 * republics. Declined by slavicForms like the cities.
 */
export const CYRILLIC_REGIONS: Record<string, string[]> = {
  UA: [
    "Харківщина", "Херсонщина", "Київщина", "Львівщина", "Одещина", "Полтавщина", "Сумщина", "Чернігівщина",
    "Житомирщина", "Вінниччина", "Донеччина", "Луганщина", "Миколаївщина", "Дніпропетровщина", "Черкащина",
    "Хмельниччина", "Тернопільщина", "Рівненщина", "Кіровоградщина", "Івано-Франківщина", "Слобожанщина",
    "Волинь", "Буковина", "Закарпаття", "Прикарпаття", "Поділля",
  ],
  RU: [
    "Чечня", "Дагестан", "Татарстан", "Башкортостан", "Башкирія", "Башкирия", "Якутія", "Якутия", "Кубань",
    "Бурятія", "Бурятия", "Чувашія", "Чувашия", "Камчатка", "Сахалін", "Сахалин", "Калмикія", "Калмыкия",
    "Інгушетія", "Ингушетия", "Карелія", "Карелия", "Приморье", "Чукотка",
  ],
};

/**
 * Regions, provinces and départements as their own countries' copy names
 * them (ISO 3166-2 gives the same names), and a few English names the
 * lexicon lacked: where Latin-script copy sets a story when no city is
 * named ("la centrale nucléaire de Penly, en Seine-Maritime"). Left out:
 * names that are also common words or other places ("Nord", "Var", "Lot",
 * "Manche", "Vienne", "Marche", "Calvados", "Champagne", "Lorraine", "La
 * Rioja", "León", "Beira", "Piedmont"), and any a city of the gazetteer
 * names outside datelines (Murcia, Barcelona), which keeps its city.
 */
export const LATIN_REGIONS: Record<string, string[]> = {
  FR: [
    "Normandie", "Bretagne", "Occitanie", "Occitania", "Nouvelle-Aquitaine", "Aquitaine", "Auvergne", "Auvergne-Rhône-Alpes",
    "Bourgogne-Franche-Comté", "Franche-Comté", "Grand Est", "Hauts-de-France", "Centre-Val de Loire", "Pays de la Loire",
    "Provence-Alpes-Côte d'Azur", "Côte d'Azur", "Picardie", "Picardy", "Burgundy", "Seine-Maritime", "Bouches-du-Rhône",
    "Alpes-Maritimes", "Pas-de-Calais", "Haute-Garonne", "Loire-Atlantique", "Ille-et-Vilaine", "Haute-Savoie", "Côtes-d'Armor",
    "Pyrénées-Atlantiques", "Pyrénées-Orientales", "Charente-Maritime", "Maine-et-Loire", "Indre-et-Loire", "Bas-Rhin",
    "Haut-Rhin", "Meurthe-et-Moselle", "Puy-de-Dôme", "Haute-Corse", "Corse-du-Sud", "Seine-et-Marne", "Seine-Saint-Denis",
    "Hauts-de-Seine", "Val-de-Marne", "Val-d'Oise", "Essonne", "Yvelines", "Finistère", "Morbihan", "Vendée", "Gironde",
    "Dordogne", "Ardèche", "Vaucluse", "Hérault", "Aveyron",
  ],
  ES: [
    "Andalucía", "Aragón", "Asturias", "Principado de Asturias", "Cantabria", "Navarra", "Islas Baleares", "Illes Balears", "Islas Canarias",
    "Comunidad de Madrid", "Región de Murcia", "Castile", "Castilla", "Gipuzkoa", "Guipúzcoa", "Bizkaia", "Vizcaya", "Álava",
    "Costa del Sol", "Costa Brava", "Tenerife", "Gran Canaria", "Lanzarote", "Fuerteventura", "Menorca", "Minorca",
  ],
  IT: [
    "Lombardia", "Toscana", "Sicilia", "Sardegna", "Piemonte", "Veneto", "Liguria", "Emilia-Romagna", "Lazio", "Campania",
    "Puglia", "Apulia", "Calabria", "Basilicata", "Abruzzo", "Molise", "Umbria", "Friuli Venezia Giulia", "Friuli",
    "Trentino-Alto Adige", "Trentino", "Alto Adige", "South Tyrol", "Südtirol", "Valle d'Aosta", "Aosta Valley",
  ],
  DE: [
    "Sachsen", "Niedersachsen", "Nordrhein-Westfalen", "Rheinland-Pfalz", "Rhineland-Palatinate", "Schleswig-Holstein",
    "Mecklenburg-Vorpommern", "Mecklenburg-Western Pomerania", "Sachsen-Anhalt", "Saxony-Anhalt", "Thüringen", "Thuringia",
    "Hessen", "Saarland", "Ruhrgebiet",
  ],
  PT: ["Algarve", "Alentejo", "Trás-os-Montes"],
  UA: ["Zakarpattia", "Transcarpathia", "Volyn", "Bukovina"],
  RU: [
    "Yakutia", "Kuban", "Bashkortostan", "Bashkiria", "Chuvashia", "Buryatia", "Kamchatka", "Primorye", "Sakhalin",
    "Kalmykia", "Ingushetia", "North Ossetia", "Kabardino-Balkaria", "Karachay-Cherkessia", "Adygea", "Mordovia", "Udmurtia",
    "Khakassia", "Chukotka", "Karelia",
  ],
};

/**
 * Demonyms in the beat's Latin-script languages, every gender and number
 * spelt out. Left out where the word is also an English name or word
 * ("Russo", "Alemán", "Russe").
 */
export const LATIN_DEMONYMS: Record<string, string[]> = {
  ES: ["español", "española", "españoles", "españolas", "espagnol", "espagnole", "espagnols", "espagnoles", "spanische",
    "spanischen", "spanischer", "spanisches", "espanhol", "espanhola", "espanhóis", "espanholas"],
  UA: ["ucraniano", "ucraniana", "ucranianos", "ucranianas", "ukrainien", "ukrainienne", "ukrainiens", "ukrainiennes",
    "ukrainische", "ukrainischen", "ukrainischer", "ukrainisches"],
  RU: ["rusos", "rusas", "russes", "russische", "russischen", "russischer", "russisches", "russos", "russas"],
  FR: ["francés", "francesa", "franceses", "francesas", "français", "française", "françaises", "französische",
    "französischen", "französischer", "francês"],
  // Not "deutsche": Deutsche Bank and Deutsche Telekom in English copy are no demonym.
  DE: ["alemana", "alemanes", "alemanas", "allemand", "allemande", "allemands", "allemandes", "alemã", "alemães"],
  US: ["estadounidense", "estadounidenses", "américain", "américaine", "américains", "américaines",
    "amerikanische", "amerikanischen", "amerikanischer", "norte-americano", "norte-americana", "norte-americanos"],
  PT: ["portugués", "portuguesa", "portugueses", "portuguesas", "portugais", "portugaise", "portugiesische", "portugiesischen"],
};

const CYRILLIC = /\p{Script=Cyrillic}/u;

/** Whether a name is written in Cyrillic: those get their case forms. */
export const isCyrillic = (name: string) => CYRILLIC.test(name);

const VOWELS = "аеєиіїоуюяыэ";

/**
 * A Ukrainian or Russian place name with its case forms (the last word of the
 * name declines: "Кривий Ріг" → "Кривому Розі" is past this rule, "Ріг" is
 * kept as named). Covers the noun classes place names fall in: -а, -я, -ія/-ия,
 * -ь, -о, -е and a consonant, and Ukrainian -ів/-їв, whose і turns to о/е in
 * the other cases (Харків → Харкова, Київ → Києва).
 */
export function slavicForms(name: string): string[] {
  const cut = name.lastIndexOf(" ");
  const head = cut === -1 ? "" : name.slice(0, cut + 1);
  const word = cut === -1 ? name : name.slice(cut + 1);
  // Indeclinable: abbreviations, and names with a hyphenated tail ("Ростов-на-Дону").
  if (word === word.toUpperCase() || word.includes("-на-")) return [name];
  const lower = word.toLowerCase();
  const forms = new Set<string>([word]);
  const add = (stem: string, endings: string[]) => endings.forEach((e) => forms.add(stem + e));
  const last = lower.slice(-1);
  if (/(?:ія|ия)$/.test(lower)) add(word.slice(0, -1), ["ї", "и", "ю", "єю", "ей", "і", "е"]);
  else if (last === "а") add(word.slice(0, -1), ["и", "ы", "і", "е", "у", "ою", "ой", "ій"]);
  else if (last === "я") add(word.slice(0, -1), ["і", "ї", "и", "ю", "ею", "ей", "єю", "ям", "е"]);
  else if (last === "ь") add(word.slice(0, -1), ["я", "ю", "і", "е", "ем"]);
  else if (last === "о" || last === "е") add(word.slice(0, -1), ["а", "у", "і", "е", "ом", "я", "ю", "ем"]);
  else if (last === "й") add(word.slice(0, -1), ["я", "ю", "ї", "і", "ем", "єм"]);
  else if (!VOWELS.includes(last)) {
    add(word, ["а", "у", "і", "е", "ом", "ові"]);
    // Ukrainian і/ї in the last syllable alternates: Харків → Харкова, Київ → Києва, Львів → Львова.
    const alt = /^(.*?)([іїо])(\p{L})$/u.exec(word);
    if (alt && /[ії]/.test(alt[2]!)) {
      const stem = alt[1]! + (alt[2] === "ї" ? "є" : "о") + alt[3]!;
      add(stem, ["а", "у", "і", "ом", "ові"]);
    }
  }
  // "Північна Корея", "Южный Судан": an adjective before the noun declines with it ("з Північної Кореї",
  // "в Южном Судане"). Its forms of the noun's gender, loosely, as the noun's are.
  const adjective = /^(\p{L}+?)(ая|а|ий|ый|ій)$/u.exec(head.trim());
  if (adjective && !head.trim().includes(" ")) {
    const endings = adjective[2]!.startsWith("а") ? FEMININE_ADJECTIVE : MASCULINE_ADJECTIVE;
    return endings.flatMap((e) => [...forms].map((w) => `${adjective[1]}${e} ${w}`));
  }
  return [...forms].map((w) => head + w);
}

/** A feminine and a masculine adjective's singular endings, Ukrainian and Russian, every case. */
const FEMININE_ADJECTIVE = ["а", "ая", "ої", "ой", "ій", "у", "ую", "ою"];
const MASCULINE_ADJECTIVE = ["ий", "ый", "ій", "ого", "ому", "им", "ым", "ім", "ом"];

/**
 * A common noun's plural forms, Ukrainian and Russian ("ракета": ракети,
 * ракет, ракетам, ракетами, ракетах), for cue words: places are named in the
 * singular, but a story's missiles and drones come in the plural. Loose, as
 * slavicForms is: a form the language lacks only matches nothing.
 */
export function slavicPluralForms(noun: string): string[] {
  if (noun.includes(" ") || noun === noun.toUpperCase()) return [];
  const lower = noun.toLowerCase();
  const last = lower.slice(-1);
  const stem = noun.slice(0, -1);
  const forms = (base: string, endings: string[]) => endings.map((e) => base + e);
  if (last === "а") return forms(stem, ["и", "ы", "", "ам", "ами", "ах"]);
  if (last === "я") return forms(stem, ["і", "и", "ь", "й", "ям", "ями", "ях"]);
  if (last === "ь") return forms(stem, ["і", "и", "ей", "ів", "ям", "ями", "ях"]);
  if (last === "о" || last === "е") return forms(stem, ["а", "", "ам", "ами", "ах"]);
  if (last === "й") return forms(stem, ["ї", "и", "їв", "ев", "ям", "ями", "ях"]);
  if (VOWELS.includes(last)) return [];
  return forms(noun, ["и", "ы", "і", "ів", "ов", "ам", "ами", "ах"]);
}

/** An adjective stem's forms, Ukrainian and Russian, every gender, number and case. */
export function slavicAdjectiveForms(stem: string): string[] {
  const endings = [
    "ий", "а", "е", "і", "ого", "ому", "им", "ій", "у", "ою", "их", "ими", "ої", "ім",
    "ая", "ое", "ие", "ой", "ую", "ых", "ыми", "ом", "ее", "ые",
  ];
  return endings.map((e) => stem + e);
}

/**
 * Country names that are English words or names ("Chili", "Island",
 * "Maurice"), so the gazetteer leaves them out of English copy: each is read
 * as its country in copy in its own language only, where it is the country's
 * one name ("le sud du Liban", "auf Island").
 */
export const COUNTRY_NAMES_IN_THEIR_LANGUAGE: Record<string, Record<string, string[]>> = {
  fr: { CL: ["Chili"], LB: ["Liban"], MU: ["Maurice", "île Maurice"] },
  de: { IS: ["Island"] },
  pt: { GH: ["Gana"] },
};

/**
 * Place names that are everyday words in a language: in its copy they count
 * only capitalised inside a sentence, where the word would be written in
 * lower case ("Reunión de ministros en Bruselas" is a meeting; "en la
 * Reunión", the island), as English words among place names do in English.
 */
export const PLACE_NAMES_THAT_ARE_WORDS: Record<string, string[]> = {
  fr: ["Réunion", "Tête"],
  es: ["Reunión", "Resistencia", "Corrientes", "Posadas", "Libertad", "Mesa", "Soledad", "Concordia", "Progreso", "Salto", "Esperanza"],
  pt: ["Reunião", "Praia", "Santos", "Plano", "Banda", "Cabo", "Barreiras", "Prato"],
};

/**
 * Where each of the beat's languages is the main one. A city of these
 * countries that is an English word ("Nice", "Tours", "Worms") is the city
 * at a sentence's start in copy in that language: the English word is not a
 * word there. The language's own words among place names are listed above.
 */
export const COUNTRIES_OF_LANGUAGE: Record<string, string[]> = {
  fr: ["FR", "BE", "CH", "LU", "MC"],
  es: ["ES", "MX", "AR", "CO", "CL", "PE", "VE", "EC", "GT", "CU", "BO", "DO", "HN", "PY", "SV", "NI", "CR", "PA", "UY"],
  de: ["DE", "AT", "CH", "LI"],
  pt: ["PT", "BR", "AO", "MZ"],
  uk: ["UA"],
  ru: ["RU", "BY", "KZ"],
};

/**
 * Place names that are nouns everyone writes capitalised in a language:
 * German capitalises every noun ("das Essen", a meal; "das Leiden",
 * suffering) and Portuguese its feasts ("no Natal", at Christmas). In that
 * language's copy such a name counts only right after one of these
 * prepositions of place ("in Essen", "aus Leiden", "em Natal") or in a
 * dateline; the capital tells nothing there, as it does for the words above.
 */
export const PLACE_NAMES_AFTER_PREPOSITIONS: Record<string, { names: string[]; prepositions: string[] }> = {
  de: { names: ["Essen", "Leiden"], prepositions: ["in", "aus", "nach"] },
  pt: { names: ["Natal"], prepositions: ["em"] },
};

/**
 * One place's names across scripts and spellings, for search: a query for
 * any of them finds copy that uses another ("Kyiv" finds "у Києві").
 * Cyrillic names stand for all their case forms (slavicForms).
 */
export const PLACE_NAME_GROUPS: string[][] = [
  ["Kyiv", "Kiev", "Київ", "Киев"],
  ["Kharkiv", "Kharkov", "Харків", "Харьков"],
  ["Odesa", "Odessa", "Одеса", "Одесса"],
  ["Lviv", "Lvov", "Львів", "Львов"],
  ["Dnipro", "Dnepr", "Дніпро", "Днепр"],
  ["Zaporizhzhia", "Zaporizhia", "Zaporozhye", "Запоріжжя", "Запорожье"],
  ["Mykolaiv", "Nikolaev", "Миколаїв", "Николаев"],
  ["Kherson", "Херсон"],
  ["Mariupol", "Маріуполь", "Мариуполь"],
  ["Donetsk", "Донецьк", "Донецк"],
  ["Luhansk", "Lugansk", "Луганськ", "Луганск"],
  ["Bakhmut", "Бахмут"],
  ["Crimea", "Крим", "Крым"],
  ["Donbas", "Donbass", "Донбас", "Донбасс"],
  ["Ukraine", "Україна", "Украина", "Ucrania", "Ukraina"],
  ["Russia", "Росія", "Россия", "Rusia"],
  ["Moscow", "Москва", "Moscú"],
  ["Belarus", "Білорусь", "Беларусь", "Bielorrusia"],
  ["Minsk", "Мінськ", "Минск"],
  ["Spain", "España", "Іспанія", "Испания", "Espagne", "Spanien", "Espanha"],
  ["Madrid", "Мадрид"],
  ["Barcelona", "Барселона"],
  ["Seville", "Sevilla", "Севілья", "Севилья", "Séville"],
  ["Catalonia", "Cataluña", "Catalunya", "Каталонія", "Каталония", "Catalogne"],
  ["Poland", "Polonia", "Pologne", "Polen", "Польща", "Польша"],
  ["Warsaw", "Varsovia", "Varsovie", "Warschau", "Варшава"],
  ["Germany", "Alemania", "Allemagne", "Deutschland", "Німеччина", "Германия"],
  ["Berlin", "Берлін", "Берлин"],
  ["France", "Francia", "Frankreich", "Франція", "Франция"],
  ["Paris", "París", "Париж"],
  ["London", "Londres", "Лондон"],
  ["Brussels", "Bruselas", "Bruxelles", "Brüssel", "Брюссель"],
  ["Washington", "Вашингтон"],
];

/**
 * Places as Spanish, French, German and Portuguese copy names them where the
 * English or GeoNames name differs: the cities and regions a desk covering
 * Spain and Ukraine reads about most, the parts of the United Kingdom, and
 * the US states whose names change. Left out where the word is also an
 * English word or another place ("Gales", "Roma", "Vienne", "Valence").
 */
export const LATIN_PLACE_NAMES: Record<string, string[]> = {
  GB: ["Londres", "Angleterre", "Inglaterra", "Écosse", "Escocia", "Schottland", "Escócia", "Pays de Galles", "País de Gales",
    "Irlande du Nord", "Irlanda del Norte", "Nordirland", "Irlanda do Norte", "Édimbourg", "Edimburgo", "Grande-Bretagne",
    "Gran Bretaña", "Großbritannien", "Grã-Bretanha"],
  US: ["Nueva York", "Nova Iorque", "La Nouvelle-Orléans", "Nouvelle-Orléans", "Nueva Orleans", "Californie", "Kalifornien",
    "Floride", "Florida", "Louisiane", "Luisiana", "Virginie", "Caroline du Nord", "Caroline du Sud", "Carolina del Norte",
    "Carolina del Sur", "Pennsylvanie", "Pensilvania", "Nouveau-Mexique", "Nuevo México", "Hawaï", "Washington D.C.", "Filadelfia", "Philadelphie",
    "Virgínia Ocidental", "Virginia Occidental", "Virginie-Occidentale", "Carolina do Sul", "Carolina do Norte", "Califórnia",
    "Flórida", "Pensilvânia", "Alasca", "Havaí", "Nova Jérsia", "Nova Jersey", "Nueva Jersey"],
  CA: ["Colombie-Britannique", "Terre-Neuve", "Québec", "Montréal"],
  ES: ["Séville", "Sevilla", "Saragosse", "Zaragoza", "Cordoue", "Córdoba", "Barcelone", "Catalogne", "Cataluña", "Catalunya",
    "Katalonien", "Catalunha", "Andalousie", "Andalucía", "Andalusien", "Andaluzia", "Pays basque", "País Vasco", "Euskadi",
    "Baskenland", "Galice", "Majorque", "Mallorca", "Baléares", "Baleares", "Canaries", "Canarias", "Kanaren", "Castilla y León",
    "Castilla-La Mancha", "Comunidad Valenciana", "Comunitat Valenciana"],
  UA: ["Kiew", "Kyïv", "Kiïv", "Jarkov", "Járkov", "Charkiw", "Carcóvia", "Leópolis", "Lemberg", "Zaporijia", "Zaporiyia",
    "Saporischschja", "Zaporíjia", "Marioupol", "Mariúpol", "Donezk", "Louhansk", "Jersón", "Cherson", "Mykolaïv", "Mikolaiv",
    "Bakhmout", "Bajmut", "Bachmut", "Crimée", "Krim", "Crimeia", "Donbás", "Sébastopol", "Sewastopol", "Tchernobyl", "Tschernobyl",
    "Tchernihiv", "Chernígov", "Soumy", "Poltava", "Jitomir", "Jytomyr", "Kramatorsk", "Sloviansk", "Dnipró"],
  RU: ["Moscou", "Moscú", "Moskau", "Moscovo", "Saint-Pétersbourg", "San Petersburgo", "Sankt Petersburg", "São Petersburgo", "Kremlin"],
  BE: ["Bruxelles", "Bruselas", "Brüssel", "Bruxelas", "Anvers", "Amberes"],
  NL: ["La Haye", "La Haya", "Den Haag", "Haia"],
  CH: ["Genf", "Ginebra", "Genebra", "Berne", "Zúrich"],
  PL: ["Varsovie", "Varsovia", "Warschau", "Varsóvia", "Cracovie", "Cracovia", "Krakau", "Cracóvia"],
  AT: ["Viena", "Wien"],
  IT: ["Nápoles", "Neapel", "Milán", "Mailand", "Milão", "Turín", "Venise", "Venecia", "Venedig", "Veneza", "Sicile", "Sizilien",
    "Sardaigne", "Cerdeña", "Sardinien"],
  DE: ["Múnich", "München", "Köln", "Francfort", "Fráncfort", "Hambourg", "Hamburgo", "Berlín", "Bavière", "Baviera", "Bayern"],
  FR: ["París", "Marsella", "Marselha", "Burdeos", "Bordéus", "Corse", "Córcega", "Korsika", "Córsega"],
  PT: ["Lisbonne", "Lisboa", "Lissabon"],
  CN: ["Pékin", "Pekín", "Pequim", "Shanghái", "Xangai"],
  JP: ["Tokio", "Tóquio"],
  TR: ["Estambul", "Istambul"],
  GR: ["Athènes", "Atenas", "Athen"],
  EG: ["Le Caire", "El Cairo", "Kairo"],
  DZ: ["Alger", "Argel", "Algier"],
  IL: ["Jérusalem", "Jerusalén", "Jerusalém"],
  PS: ["Cisjordanie", "Cisjordania", "Westjordanland", "Cisjordânia", "Gaza"],
  LB: ["Beyrouth"],
  SY: ["Damas", "Damasco", "Damaskus"],
  IR: ["Téhéran", "Teherán", "Teheran", "Teerã"],
  MX: ["Ciudad de México", "Mexico"],
};
