// Places in the beat's other languages: Ukrainian and Russian names in every
// case, local datelines, and demonyms in Spanish, French, German, Portuguese.
import { describe, expect, it } from "vitest";
import { suggestPlaces, type PlaceSuggestion } from "../../../lib/tagging/index";
import { slavicAdjectiveForms, slavicForms } from "../../../lib/tagging/places-foreign";
import { withDateline } from "../../../lib/ingest/body";

const main = (places: PlaceSuggestion[]) => places.find((p) => p.rel === "main")?.code;
const codes = (places: PlaceSuggestion[]) => places.map((p) => p.code).sort();
/** As ingest reads a body: its dateline and the wire it names taken out first. */
const tag = (headline: string, body: string) => {
  const a = withDateline<{ bodyText: string; dateline?: string; credit?: string }>({ bodyText: body });
  return suggestPlaces({ headline, bodyText: a.bodyText, ...(a.dateline ? { dateline: a.dateline } : {}), ...(a.credit ? { credit: a.credit } : {}) });
};

describe("case forms of Ukrainian and Russian place names", () => {
  it("declines each class of name a place falls in", () => {
    expect(slavicForms("Україна")).toEqual(expect.arrayContaining(["Україна", "України", "Україні", "Україну", "Україною"]));
    expect(slavicForms("Москва")).toEqual(expect.arrayContaining(["Москви", "Москвы", "Москві", "Москве", "Москву", "Москвою", "Москвой"]));
    expect(slavicForms("Росія")).toEqual(expect.arrayContaining(["Росії", "Росію", "Росією"]));
    expect(slavicForms("Россия")).toEqual(expect.arrayContaining(["России", "Россию", "Россией"]));
    expect(slavicForms("Херсон")).toEqual(expect.arrayContaining(["Херсона", "Херсону", "Херсоні", "Херсоне", "Херсоном"]));
    expect(slavicForms("Маріуполь")).toEqual(expect.arrayContaining(["Маріуполя", "Маріуполі", "Маріуполем"]));
    expect(slavicForms("Дніпро")).toEqual(expect.arrayContaining(["Дніпра", "Дніпрі", "Дніпром"]));
  });

  it("turns the last і of Ukrainian -ів names, as the language does", () => {
    expect(slavicForms("Київ")).toEqual(expect.arrayContaining(["Києва", "Києву", "Києві", "Києвом"]));
    expect(slavicForms("Харків")).toEqual(expect.arrayContaining(["Харкова", "Харкові", "Харковом"]));
    expect(slavicForms("Львів")).toEqual(expect.arrayContaining(["Львова", "Львові"]));
  });

  it("leaves abbreviations and hyphenated tails as named, and declines the last word of two", () => {
    expect(slavicForms("США")).toEqual(["США"]);
    expect(slavicForms("Ростов-на-Дону")).toEqual(["Ростов-на-Дону"]);
    expect(slavicForms("Кривий Ріг")).toContain("Кривий Рога");
  });

  it("gives adjectives every gender, number and case", () => {
    expect(slavicAdjectiveForms("російськ")).toEqual(expect.arrayContaining(["російський", "російська", "російські", "російських", "російського"]));
    expect(slavicAdjectiveForms("российск")).toEqual(expect.arrayContaining(["российские", "российских", "российская", "российской"]));
  });
});

describe("places in Ukrainian and Russian copy", () => {
  it("finds the city of a local dateline and of an inflected name", () => {
    const places = tag("У Києві пролунали вибухи", "КИЇВ, 3 грудня – Сили протиповітряної оборони відбивали атаку на столицю України.");
    expect(main(places)).toBe("UA");
    const evidence = places.find((p) => p.code === "UA")!.evidence.map((e) => e.text);
    expect(evidence).toEqual(expect.arrayContaining(["КИЇВ", "Києві", "України"]));
  });

  it("reads Russian forms of the same places", () => {
    expect(main(tag("В Киеве прогремели взрывы", "Силы ПВО Украины отражали атаку на Киев, сообщили в городской администрации."))).toBe("UA");
    expect(main(tag("Взрывы в Харькове", "В Харькове ночью были слышны взрывы, сообщил мэр города."))).toBe("UA");
    // A name of two words, both declined.
    expect(main(tag("Вибух", "Вибух пролунав у Кривому Розі вночі."))).toBe("UA");
    expect(main(tag("Взрыв", "Взрыв прогремел в Кривом Роге ночью."))).toBe("UA");
  });

  it("knows Britain's nations and the United States' states and cities in both languages, in any case", () => {
    expect(main(tag("Повені в Каліфорнії", "Сильні дощі спричинили повені в Каліфорнії та Неваді, повідомила служба погоди."))).toBe("US");
    expect(main(tag("Ураган у Флориді", "Ураган обрушився на Флориду в неділю."))).toBe("US");
    expect(main(tag("Выборы в Шотландии", "Избиратели в Шотландии и Уэльсе голосовали в четверг."))).toBe("GB");
    expect(main(tag("Напад у Белфасті", "Поліція заарештувала двох чоловіків після нападу в Белфасті."))).toBe("GB");
    // A state of two words, its adjective declined with it: not a city inside a longer name.
    expect(main(tag("Трамп", "Трамп проводит предвыборную гонку в Западной Вирджинии."))).toBe("US");
    expect(main(tag("Трамп", "Трамп виступив у Південній Кароліні в суботу."))).toBe("US");
    // Beijing, which English copy names otherwise.
    expect(main(tag("Переговоры", "Переговоры прошли в Пекине в понедельник."))).toBe("CN");
    expect(main(suggestPlaces({ headline: "Trump", bodyText: "Trump realiza comício na Virgínia Ocidental.", language: "pt" }))).toBe("US");
  });

  it("knows every country by its Ukrainian name, in any case, not only the beat's", () => {
    expect(main(tag("Біженці", "У Сирії заявляють, що готові до повернення біженців."))).toBe("SY");
    expect(main(tag("Цунамі", "Кількість загиблих від цунамі в Індонезії перевищує 800."))).toBe("ID");
    expect(main(tag("Суд", "Болівія сподівається, що суд відкриє їй шлях до океану."))).toBe("BO");
  });

  it("declines the adjective of a two-word name with its noun", () => {
    expect(main(tag("Перебіжчики", "Кількість перебіжчиків із Північної Кореї скоротилася."))).toBe("KP");
    expect(main(tag("Перебежчики", "Число перебежчиков из Северной Кореи сократилось."))).toBe("KP");
    expect(slavicForms("Южный Судан")).toEqual(expect.arrayContaining(["Южного Судана", "Южном Судане"]));
    expect(slavicForms("Північна Корея")).toEqual(expect.arrayContaining(["Північної Кореї", "Північній Кореї", "Північну Корею"]));
  });

  it("reads adjectives of countries as demonyms: Russian troops are Russia's", () => {
    const places = tag("Російські війська обстріляли Херсон", "Російські війська обстріляли Херсон у ніч на вівторок, повідомила обласна адміністрація.");
    expect(codes(places)).toEqual(["RU", "UA"]);
    expect(main(places)).toBe("UA");
  });
});

describe("regions in Ukrainian and Russian copy", () => {
  it("reads an oblast by its adjective, in any case, and by its Ukrainian -щина name", () => {
    expect(main(tag("Вибухи в області", "У Херсонській області внаслідок обстрілу загинули двоє людей."))).toBe("UA");
    expect(main(tag("Атака дронів", "Сили ППО збили 12 дронів над Київською областю."))).toBe("UA");
    const places = tag("Обстріл Харківщини", "Села на Харківщині знову без світла, повідомила обласна адміністрація.");
    expect(main(places)).toBe("UA");
    expect(places.find((p) => p.code === "UA")!.evidence.map((e) => e.text)).toEqual(expect.arrayContaining(["Харківщини", "Харківщині"]));
  });

  it("reads Russian regions in Russian and in Ukrainian, and Ukraine's in Russian", () => {
    expect(main(tag("Воздушная тревога", "В Белгородской области объявлена воздушная тревога, сообщил губернатор."))).toBe("RU");
    expect(main(tag("Бої тривають", "У Курській області тривають бої."))).toBe("RU");
    expect(main(tag("Обстрел", "В Харьковской области повреждена подстанция."))).toBe("UA");
    expect(main(tag("Теракт", "В Дагестане ввели режим контртеррористической операции."))).toBe("RU");
  });
});

describe("regions in Latin-script copy", () => {
  it("reads regions and départements as their own countries name them", () => {
    expect(main(tag("Incendie dans une centrale", "Une alerte incendie s'est déclenchée dans la centrale nucléaire de Penly, en Seine-Maritime."))).toBe("FR");
    expect(main(tag("Tempête", "La tempête a frappé la Bretagne et la Normandie."))).toBe("FR");
    expect(main(tag("Incendios forestales", "Los bomberos trabajan en incendios en Asturias y Cantabria."))).toBe("ES");
    expect(main(tag("Maltempo", "Allerta rossa in Toscana e in Liguria per le piogge."))).toBe("IT");
    expect(main(tag("Hochwasser", "In Sachsen und Thüringen stieg das Wasser weiter."))).toBe("DE");
  });

  it("reads a region whose name a small town elsewhere shares as the region", () => {
    // GeoNames has a town of 17,000 called Andalucía in Colombia; Spanish copy means the region.
    expect(codes(tag("Ola de calor", "La ola de calor afecta a toda Andalucía."))).toEqual(["ES"]);
  });

  it("leaves names that are also words, and company names, alone", () => {
    expect(codes(tag("Marche pour le climat", "Des milliers de personnes ont défilé samedi."))).toEqual([]);
    expect(codes(tag("Essais", "La Corée du Nord a tiré un missile."))).toEqual(["KP"]);
    expect(codes(tag("Oil licences", "Norway offered blocks to Elf Aquitaine and Statoil."))).toEqual(["NO"]);
  });
});

describe("places in Spanish, French and Portuguese copy", () => {
  it("takes a Spanish agency dateline and Spanish demonyms", () => {
    expect(main(tag("Miles de personas se manifiestan contra la amnistía", "MADRID, 3 dic. (EFE) – Decenas de miles de personas recorrieron el centro de la capital."))).toBe("ES");
    expect(main(tag("El Gobierno español aprueba el plan", "El Consejo de Ministros aprobó el plan de vivienda."))).toBe("ES");
  });

  it("reads Valencia and Córdoba as Spain's unless the story says Venezuela or Argentina", () => {
    expect(main(tag("Temporal de lluvias", "VALÈNCIA, 3 dic. (EFE) – La dana ha dejado lluvias intensas en la Comunitat."))).toBe("ES");
    expect(main(tag("Detenido un hombre", "CÓRDOBA, 3 dic. (EFE) – La Policía Nacional ha detenido a un hombre."))).toBe("ES");
    expect(main(tag("Protesta", "VALENCIA, Venezuela, 3 dic. (EFE) – Cientos de personas protestaron en Carabobo."))).toBe("VE");
    expect(main(tag("Concierto", "El concierto será en Córdoba, en el centro de Argentina."))).toBe("AR");
  });

  it("reads a national agency's bare dateline at home, and a qualified one where it says", () => {
    // The bigger León is Nicaragua's and the bigger Salamanca and Mérida Mexico's; EFE qualifies those.
    expect(main(tag("Nuevo plan de movilidad", "LEÓN, 3 dic. (EFE).- El alcalde ha presentado el nuevo plan de movilidad urbana."))).toBe("ES");
    expect(main(tag("Curso de verano", "SALAMANCA, 3 dic. (EFE).- La universidad ha presentado el curso de verano."))).toBe("ES");
    expect(main(tag("Presupuestos", "MÉRIDA, 3 dic. (EFE).- El gobierno regional ha aprobado los presupuestos."))).toBe("ES");
    expect(main(tag("Nuevo plan de movilidad", "LEÓN (México), 3 dic. (EFE).- El alcalde ha presentado el nuevo plan."))).toBe("MX");
    expect(main(tag("Visita", "LEÓN, 3 dic. (EFE).- El presidente de Nicaragua visitó la ciudad."))).toBe("NI");
    // Without an agency: the bigger place, unless the story speaks only for the smaller one's country.
    expect(main(tag("Presupuestos", "MÉRIDA – La Junta de Extremadura ha aprobado los presupuestos."))).toBe("ES");
    expect(main(tag("Presupuestos", "MÉRIDA – El gobernador de Yucatán ha aprobado los presupuestos."))).toBe("MX");
    expect(main(tag("Nuevo plan", "LEÓN (Reuters) - El alcalde ha presentado el nuevo plan."))).toBe("NI");
    // An international wire is no national agency, and a town abroad far smaller than the one meant is no reading.
    expect(main(tag("Rates", "LONDON (AFP) - The Federal Reserve in the United States raised rates."))).toBe("GB");
  });

  it("finds a place after an elided article in French and Italian copy, names with one inside too", () => {
    const fr = (headline: string, bodyText: string, language = "fr") => suggestPlaces({ headline, bodyText, language });
    expect(codes(fr("Accident de car", "Les élèves rentraient d'un voyage dans un domaine skiable bien connu d'Italie."))).toEqual(["IT"]);
    expect(main(fr("L'armée avance", "Les troupes de l'Ukraine ont repris le village."))).toBe("UA");
    expect(main(fr("Visita", "Il presidente dell'Ucraina è arrivato ieri.", "it"))).toBe("UA");
    expect(main(fr("Élection", "Le président de la Côte d'Ivoire a prêté serment."))).toBe("CI");
    expect(main(fr("Election", "The president of Côte d'Ivoire was sworn in.", "en"))).toBe("CI");
  });

  it("reads the beat's demonyms in French and Portuguese", () => {
    expect(main(tag("Les soldats ukrainiens reprennent un village", "L'armée a annoncé la reprise du village mardi."))).toBe("UA");
    expect(main(tag("Governo espanhol anuncia medidas", "O executivo aprovou o pacote na terça-feira."))).toBe("ES");
  });

  it("reads every country's French demonym in lower case, singular and plural, as French writes the adjective", () => {
    expect(codes(tag("Décès d'un acteur", "L'acteur britannique est mort hier à l'âge de 69 ans."))).toEqual(["GB"]);
    expect(codes(tag("Fin de mois meurtrière", "Quatre militaires canadiennes ont été blessées mardi."))).toEqual(["CA"]);
    expect(codes(tag("Réaction officielle", "Les autorités chinoises ont réagi, comme le gouvernement japonais."))).toEqual(["CN", "JP"]);
    // A French demonym two countries share names neither ("congolais": both Congos).
    expect(codes(tag("Réaction officielle", "Le gouvernement congolais a réagi."))).toEqual([]);
  });

  it("knows the names French, Spanish and German give places that English names otherwise", () => {
    expect(main(tag("Décès d'une chanteuse", "Elle est morte lundi à Londres."))).toBe("GB");
    expect(main(tag("Attentat", "Une bombe a explosé en Irlande du Nord."))).toBe("GB");
    expect(main(tag("Ouragan", "L'ouragan a frappé La Nouvelle-Orléans."))).toBe("US");
    expect(main(tag("Manifestación", "Miles de personas marcharon en Nueva York."))).toBe("US");
    expect(main(tag("Gipfel", "Die Minister trafen sich in Brüssel."))).toBe("BE");
    expect(main(tag("Sommet", "Les ministres se sont réunis à Varsovie."))).toBe("PL");
  });

  it("reads a country name that is an English word as the country in copy in its own language only", () => {
    const inLanguage = (headline: string, body: string, language: string) => suggestPlaces({ headline, bodyText: body, language });
    expect(main(inLanguage("Liban : frappes sur le sud du pays", "L'armée a mené de nouvelles frappes dans le sud du Liban, selon l'agence officielle.", "fr"))).toBe("LB");
    expect(main(inLanguage("Séisme au Chili", "Un séisme a frappé le nord du Chili mardi, sans faire de victimes.", "fr"))).toBe("CL");
    expect(main(inLanguage("L'île Maurice vote", "Les électeurs de Maurice ont voté dimanche.", "fr"))).toBe("MU");
    expect(main(inLanguage("Vulkanausbruch", "Auf Island ist erneut ein Vulkan ausgebrochen.", "de"))).toBe("IS");
    // In English copy, and in copy of another language, they are the words they are.
    expect(codes(inLanguage("Chili cook-off draws a record crowd", "Chili fans packed the fairground on Saturday.", "en"))).not.toContain("CL");
    expect(codes(inLanguage("Island life", "Island hopping is back, tour operators in Greece said.", "en"))).not.toContain("IS");
    expect(codes(inLanguage("Vulkan", "Auf Island ist erneut ein Vulkan ausgebrochen.", "fr"))).not.toContain("IS");
  });

  it("reads a place name that is an everyday word of the copy's language only where the word would not be capitalised", () => {
    const inLanguage = (headline: string, body: string, language: string) => suggestPlaces({ headline, bodyText: body, language });
    // "Reunión", "Réunion", "Reunião": a meeting at a headline's or sentence's start, the island inside one.
    expect(codes(inLanguage("Reunión de ministros en Bruselas", "Los ministros se reunieron el lunes en Bruselas.", "es"))).toEqual(["BE"]);
    expect(codes(inLanguage("Réunion des ministres à Bruxelles", "Les ministres se sont réunis lundi à Bruxelles.", "fr"))).toEqual(["BE"]);
    expect(codes(inLanguage("Reunião em Lisboa", "A reunião dos ministros decorreu em Lisboa.", "pt"))).toEqual(["PT"]);
    expect(main(inLanguage("Cyclone sur l'île", "Un cyclone a frappé La Réunion dans la nuit de lundi.", "fr"))).toBe("RE");
    expect(main(inLanguage("Ciclón", "Un ciclón golpeó la isla de la Reunión el lunes.", "es"))).toBe("RE");
    expect(main(inLanguage("Reunion cyclone", "Reunion was hit by a cyclone on Monday.", "en"))).toBe("RE");
    // Resistance, loneliness and a table are no Argentine, Colombian or American city at a headline's start.
    expect(codes(inLanguage("Resistencia ucraniana en el este", "Las tropas resisten en Járkov, según el Ministerio de Defensa.", "es"))).toEqual(["UA"]);
    expect(codes(inLanguage("Soledad no deseada: un estudio alerta", "Uno de cada cinco mayores en Madrid vive solo.", "es"))).toEqual(["ES"]);
    expect(codes(inLanguage("Praia cheia no Algarve", "Milhares de turistas encheram as praias do Algarve.", "pt"))).toEqual(["PT"]);
    // Inside a sentence, capitalised, they are the places.
    expect(main(inLanguage("Inundaciones", "La provincia argentina sufre inundaciones; en Corrientes hay evacuados.", "es"))).toBe("AR");
  });

  it("reads a place name that is a capitalised noun of the copy's language only after a preposition of place, or in a dateline", () => {
    const inLanguage = (headline: string, body: string, language: string, dateline?: string) =>
      suggestPlaces({ headline, bodyText: body, language, ...(dateline ? { dateline } : {}) });
    // "Natal" is Christmas in Portuguese: a Lisbon Christmas story is no Brazilian one.
    const christmas = inLanguage("Preços da ceia de Natal sobem", "As famílias gastam mais no Natal deste ano em Lisboa e no Porto. O Natal custa 300 euros.", "pt");
    expect(codes(christmas)).toEqual(["PT"]);
    expect(main(inLanguage("Chuvas fortes", "Em Natal, ruas ficaram alagadas na terça-feira.", "pt"))).toBe("BR");
    expect(main(inLanguage("Chuvas fortes", "Ruas ficaram alagadas na terça-feira.", "pt", "NATAL"))).toBe("BR");
    // German writes every noun capitalised: a meal and suffering are no city of the Ruhr or of Holland.
    expect(codes(inLanguage("Kantinen", "Das Essen in Kantinen wird teurer, sagte der Verband in Berlin. Das Leiden der Rentner wächst.", "de"))).toEqual(["DE"]);
    expect(codes(inLanguage("Streik", "Die Busfahrer streiken. Besucher kamen aus Leiden und fuhren nach Essen.", "de"))).toEqual(["DE", "NL"]);
    // Other languages read them as before: a capital inside an English sentence is the city.
    expect(codes(inLanguage("Floods", "Streets were flooded in the Brazilian city of Natal on Tuesday.", "en"))).toEqual(["BR"]);
  });

  it("reads a German genitive and a city's German adjective, in German copy only; 'Mann' is no island", () => {
    const inLanguage = (headline: string, body: string, language: string) => suggestPlaces({ headline, bodyText: body, language });
    expect(codes(inLanguage("Pubs im Aufwind", "Die Hitzewelle hat Großbritanniens Pubs mehr Einnahmen gebracht.", "de"))).toEqual(["GB"]);
    expect(codes(inLanguage("Messerangriff", "In einem Belfaster Restaurant wurde ein Mann verletzt.", "de"))).toEqual(["GB"]);
    expect(codes(inLanguage("Ermittlungen", "Die Londoner Polizei sucht Zeugen.", "de"))).toEqual(["GB"]);
    // Not where the form is an English word: Hamm's adjective is a hammer.
    expect(codes(inLanguage("Werkzeug", "Der Hammer lag auf dem Tisch.", "de"))).toEqual([]);
    // A German man is nobody's Isle of Man, in German or in English.
    expect(codes(inLanguage("Unfall", "Ein Mann wurde am Montag schwer verletzt.", "de"))).toEqual([]);
    expect(codes(inLanguage("Award", "The prize went to Thomas Mann for the novel.", "en"))).toEqual([]);
    // The German forms are read in German copy only.
    expect(codes(inLanguage("Pubs", "Großbritanniens pubs did well.", "en"))).toEqual([]);
  });

  it("reads a city that is an English word at a sentence's start in copy of its own country's language", () => {
    const inLanguage = (headline: string, body: string, language: string) => suggestPlaces({ headline, bodyText: body, language });
    expect(main(inLanguage("Nice accueille le sommet", "Nice accueillera le sommet européen en juin, a annoncé la mairie.", "fr"))).toBe("FR");
    expect(main(inLanguage("Universität", "Jena bekommt ein neues Forschungszentrum, teilte das Land mit.", "de"))).toBe("DE");
    // In English copy the word stays a word; in Spanish copy "Nice" is no Spanish city's name.
    expect(codes(inLanguage("Nice weather ahead", "Nice and sunny days are forecast for the weekend.", "en"))).toEqual([]);
    expect(codes(inLanguage("Cumbre", "Nice acogerá la cumbre europea en junio.", "es"))).toEqual([]);
  });

  it("leaves English copy as it was: a French name is not an English word", () => {
    expect(codes(tag("Minister visits", "The minister flew to London and then to Brussels."))).toEqual(["BE", "GB"]);
    expect(codes(tag("Gales lash the coast", "Strong gales hit the coast of Wales on Monday."))).toEqual(["GB"]);
  });

  it("reads any country's demonym, in every form, through the dictionary", () => {
    const inLanguage = (headline: string, body: string, language: string) => suggestPlaces({ headline, bodyText: body, language });
    expect(codes(inLanguage("Elfmeter", "Der Schiedsrichter ließ die Beschwerden des Kolumbianers nicht gelten.", "de"))).toEqual(["CO"]);
    expect(codes(inLanguage("Ryder Cup", "Europa führte mit fünf Punkten vor den Amerikanern.", "de"))).toEqual(["US"]);
    expect(codes(inLanguage("Ryder Cup", "Europa tenía una ventaja de cinco puntos sobre los americanos.", "es"))).toEqual(["US"]);
    expect(codes(inLanguage("Райдер Кап", "Европа имела преимущество в пять очков над американцами.", "ru"))).toEqual(["US"]);
    expect(codes(inLanguage("Райдер Кап", "Команда випереджала американців на п'ять очок.", "uk"))).toEqual(["US"]);
    // A nation's demonym is its country's: Scottish is British.
    expect(codes(inLanguage("Rugby", "Eine Gelbe Karte für den schottischen Kapitän Rory Hughes.", "de"))).toEqual(["GB"]);
    expect(codes(inLanguage("Регбі", "Жовта картка для шотландського капітана Рорі Г'юза.", "uk"))).toEqual(["GB"]);
    // A sense that is slang or a figure of speech names no country: "Einkaufswagen" glosses as British (trolley), "gringo" as American.
    expect(codes(inLanguage("Supermarkt", "Der Einkaufswagen stand vor der Tür des Supermarkts.", "de"))).toEqual([]);
    expect(codes(inLanguage("Turismo", "Un gringo pidió café en la plaza del pueblo.", "es"))).toEqual([]);
  });

  it("reads a name the dictionary renders as a place the English gazetteer knows, capitalised and alike in its consonants", () => {
    const inLanguage = (headline: string, body: string, language: string) => suggestPlaces({ headline, bodyText: body, language });
    expect(codes(inLanguage("Выборы", "Губернатор выступил в Мичигане во вторник.", "ru"))).toEqual(["US"]);
    expect(codes(inLanguage("Вибори", "Губернатор виступив у Техасі у вівторок.", "uk"))).toEqual(["US"]);
    // "Китая" is China's genitive and, by its stem, a whale's: a glossed name must look like the English one.
    expect(codes(inLanguage("Киты", "Учёные изучают кита у берегов.", "ru"))).toEqual([]);
    // Part of a hyphenated name is no place: Berners-Lee glosses to Bern.
    expect(codes(inLanguage("Internet", "Tim Berners-Lee presentó su nueva empresa, dijo Berners-Lee.", "es"))).toEqual([]);
    // English copy reads its own words only.
    expect(codes(inLanguage("Ryder Cup", "Europe led the Amerikanern by five points.", "en"))).toEqual([]);
  });
});
