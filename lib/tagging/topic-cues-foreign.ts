// Cue words for the top-level topics in the beat's other languages, beside
// the English ones of topic-cues.ts and the IPTC labels in Spanish, French,
// German and Portuguese that topics.ts already reads. Wiredesk's own, written
// from newsroom usage in each language for the topics a desk covering Spain
// and Ukraine files most; not fitted to any corpus, and not measured (no
// labelled news in these languages could be had: decision 024).
//
// Same syntax as topic-cues.ts. Latin-script words are matched after the
// light stemmer (a plural's "s" drops: "detenidos" meets "detenido");
// Cyrillic nouns are listed in the nominative and get their case forms
// (places-foreign.ts, slavicForms), other Cyrillic words as written.
// A word that is also an English cue keeps its English weight (topics.ts),
// and words that are everyday English ("brand", "but", "fiscal") are left
// out. The learnt classifier reads cue strength as a feature; it was trained
// on English, where these words do not occur, so it needs no rebuild for them.

export const FOREIGN_TOPIC_CUES: Record<string, string> = {
  // arts, culture, entertainment and media
  "medtop:01000000": `cine^1.3; película^1.3; actor^1.2; actriz^1.3; cantante^1.3; música^1.2; canción^1.3; álbum^1.3; concierto^1.3; museo^1.3; novela^1.2; escritor^1.2; festival^1; exposición^1;
    cinéma^1.3; film^1.1; acteur^1.3; actrice^1.3; chanteur^1.3; chanteuse^1.3; musique^1.2; chanson^1.3; album^1.2; concert^1.2; musée^1.3; roman^1.1; écrivain^1.3; festival^1;
    exposition^1; tableaux^1.2; peintre^1.3; réalisateur^1.3; cinéaste^1.4; comédie^1.2; série télévisée^1.4; télévision^0.8; concours eurovision^1.5; eurovision^1.4; livre^0.8;
    kino^1.3; schauspieler^1.3; schauspielerin^1.3; sänger^1.3; sängerin^1.3; musik^1.2; lied^1.1; konzert^1.3; museum^1.2; roman^1.1; schriftsteller^1.3; ausstellung^1.2;
    cinema^1.1; filme^1.2; ator^1.3; atriz^1.3; cantor^1.3; cantora^1.3; música^1.2; canção^1.3; concerto^1.1; museu^1.3; romance^0.8; escritor^1.2;
    фільм^1.3; актор^1.3; співак^1.3; співачка^1.3; музика^1.2; концерт^1.3; музей^1.3; театр^1.2; письменник^1.3;
    фильм^1.3; актёр^1.3; актер^1.3; певец^1.3; певица^1.3; музыка^1.2; концерт^1.3; музей^1.3; театр^1.2; писатель^1.3`,
  // science and technology
  "medtop:13000000": `científicos^1.3; investigadores^1.1; estudio^0.6; descubrimiento^1.3; espacial^1.2; satélite^1.3; tecnología^1.2; internet^1; software^1.3;
    scientifiques^1.3; chercheurs^1.2; découverte^1.2; spatial^1.2; spatiale^1.2; satellite^1.2; technologie^1.2; logiciel^1.4; internet^1; ordinateur^1.3; archéologues^1.4;
    wissenschaftler^1.3; forscher^1.3; entdeckung^1.3; raumfahrt^1.4; satellit^1.3; technologie^1.2; software^1.3;
    cientistas^1.3; pesquisadores^1.2; descoberta^1.3; espacial^1.2; satélite^1.3; tecnologia^1.2;
    науковці^1.3; вчені^1.3; дослідження^1; технології^1.2; супутник^1.3;
    ученые^1.3; учёные^1.3; исследование^1; технологии^1.2; спутник^1.3`,
  // crime, law and justice
  "medtop:02000000": `policía^1.2; detenido^1.3; detenida^1.3; detención^1.2; arrestado^1.3; robo^1.3; asesinato^1.3; juzgado^1; tribunal^0.9;
    fiscalía^1.2; condenado^1.2; cárcel^1.2; prisión^1.1; delito^1.3; narcotráfico^1.5; estafa^1.3; corrupción^0.8;
    police^1; interpellé^1.3; arrêté^1.2; meurtre^1.3; procès^1; tribunal correctionnel^1.5; prison^1.1; escroquerie^1.3;
    polizei^1.2; festgenommen^1.3; festnahme^1.3; mord^1.3; diebstahl^1.3; gericht^1; staatsanwaltschaft^1.3; betrug^1.3;
    polícia^1.2; preso^1; detido^1.3; assassinato^1.3; roubo^1.3; tribunal de justiça^1.2; fraude^1.3;
    поліція^1.2; поліцейський^1.2; затримано^1.3; затримали^1.3; вбивство^1.3; крадіжка^1.3; суд^0.9; прокуратура^1.3; шахрайство^1.3;
    полиция^1.2; задержан^1.3; задержали^1.3; убийство^1.3; кража^1.3; прокуратура^1.3; мошенничество^1.3; арест^1.2;
    asesinado^1.3; asesinada^1.3; homicidio^1.4; tiroteo^1.3; secuestro^1.3; rehenes^1.2; juicio^1.1; acusado^1.2; acusada^1.2; sentencia^1.1; absuelto^1.3; robado^1.2;
    assassinat^1.3; assassiné^1.3; assassinée^1.3; tué^0.8; tuée^0.8; tuerie^1.4; fusillade^1.3; enlèvement^1.3; kidnapping^1.3; otages^1.2; meurtrier^1.3;
    accusé^1.2; accusée^1.2; inculpé^1.4; condamné^1.2; condamnée^1.2; acquittement^1.4; acquitté^1.4; enquête^0.8; juge^1; suspect^1.2; volés^1.2; cambriolage^1.4;
    tribunal^0.9; cour d'assises^1.5; peine de prison^1.5; garde à vue^1.5; gendarmerie^1.2; gendarmes^1.2; policiers^1.2; homicide^1.3;
    ermordet^1.3; getötet^0.8; schießerei^1.3; entführung^1.3; geiseln^1.2; angeklagt^1.3; verurteilt^1.3; prozess^1; ermittlungen^1; gestohlen^1.2;
    assassinado^1.3; assassinada^1.3; homicídio^1.4; tiroteio^1.3; sequestro^1.3; reféns^1.2; julgamento^1.2; acusado^1.2; condenado^1.2; roubados^1.2`,
  // disaster, accident and emergency incident
  "medtop:03000000": `incendio^1.2; inundación^1.3; inundaciones^1.3; terremoto^1.5; accidente^1.2; rescate^1; evacuados^1.1;
    incendie^1.2; inondation^1.3; séisme^1.5; tremblement de terre^1.5; accident^1.1; pompiers^1.2;
    überschwemmung^1.3; hochwasser^1.3; erdbeben^1.5; unfall^1.2; feuerwehr^1.2;
    incêndio^1.2; inundação^1.3; terremoto^1.5; acidente^1.2; bombeiros^1.2;
    пожежа^1.2; повінь^1.3; землетрус^1.5; аварія^1.2; рятувальники^1.3; ДСНС^1.3;
    пожар^1.2; наводнение^1.3; землетрясение^1.5; авария^1.2; спасатели^1.3; МЧС^1.3;
    naufragio^1.4; se estrella^1.3; estrelló^1.3; accidente aéreo^1.5; explosión^1; víctimas^0.8; heridos^0.8; damnificados^1.3; huracán^1.4; tsunami^1.5; sismo^1.5; avalancha^1.3;
    naufrage^1.4; s'écrase^1.4; écrasé^1.2; écrasement^1.4; catastrophe^1.3; explosion^1; victimes^0.8; blessés^0.8; sinistrés^1.3; ouragan^1.4; raz-de-marée^1.5;
    avalanche^1.3; secours^1.1; rescapés^1.3; disparus^0.8; effondrement^1.3; glissement de terrain^1.5; collision^1.1; déraillement^1.5; feux de forêt^1.5;
    tornade^1; intempéries^1.2; dégâts^0.8; tornado^1; temporal^0.8; daños^0.8; unwetter^0.8; schäden^0.8; tempestade^0.5; danos^0.8;
    katastrophe^1.3; absturz^1.4; abgestürzt^1.4; explosion^1; opfer^0.8; verletzte^0.8; orkan^1.3; lawine^1.3; rettungskräfte^1.3;
    naufrágio^1.4; queda do avião^1.5; explosão^1; vítimas^0.8; feridos^0.8; furacão^1.4; sismo^1.5; desabamento^1.3`,
  // economy, business and finance
  "medtop:04000000": `economía^1.2; empresa^0.8; empresas^0.8; mercado^0.8; inflación^1.3; paro^0.8; bolsa^1; beneficio^1; ventas^0.9;
    ibex^1.5; ibex 35^1.5; prima de riesgo^1.5; euríbor^1.5; pib^1.3;
    économie^1.2; entreprise^0.8; marché^0.8; croissance^0.8; chômage^0.8; bourse^1;
    wirtschaft^1.2; unternehmen^0.8; markt^0.8; arbeitslosigkeit^0.8; börse^1; konjunktur^1.2;
    economia^1.2; mercado^0.8; inflação^1.3; desemprego^0.8;
    економіка^1.2; інфляція^1.3; гривня^1.2; бюджет^0.7; банк^0.8; ринок^0.8; компанія^0.8;
    облікова ставка^1.5; облікову ставку^1.5; облікової ставки^1.5; НБУ^1.4; Нацбанк^1.4; ВВП^1.4;
    экономика^1.2; инфляция^1.3; рубль^1.2; бюджет^0.7; банк^0.8; рынок^0.8; компания^0.8;
    ключевая ставка^1.5; ключевую ставку^1.5; ключевой ставки^1.5; ЦБ^1.3; Центробанк^1.4; ВВП^1.4;
    empresario^1; mercados^0.8; acciones^0.8; precio^0.8; precios^0.8; ventas^0.9; fusión^1.2; quiebra^1.4;
    entreprises^0.8; ventes^1; vente^0.8; prix^0.5; actions^0.5; chiffre d'affaires^1.5; faillite^1.4; rachat^1.2; fusion^1; industrie^1; usine^1; salariés^1;
    verkauf^1; preise^0.8; aktien^1.1; umsatz^1.3; insolvenz^1.4; übernahme^1.1; industrie^1;
    empresas^0.8; vendas^1; preços^0.8; ações^0.8; falência^1.4; indústria^1`,
  // health
  "medtop:07000000": `sanidad^1.3; hospital^1.2; hospitales^1.2; médico^1.1; médicos^1.1; pacientes^1.3; salud^1.2; vacuna^1.3; enfermedad^1.2;
    santé^1.3; hôpital^1.2; médecin^1.1; patients^1.2; vaccin^1.3; maladie^1.2;
    gesundheit^1.3; krankenhaus^1.2; arzt^1.1; patienten^1.3; impfstoff^1.3; krankheit^1.2;
    saúde^1.3; médicos^1.1; doença^1.2;
    лікарня^1.2; лікар^1.1; пацієнт^1.3; здоров'я^1.3; вакцина^1.3; хвороба^1.2; реабілітація^1.3; реабілітаційний^1.2; реабілітаційного^1.2; МОЗ^1.4;
    больница^1.2; врач^1.1; пациент^1.3; здравоохранение^1.3; вакцина^1.3; болезнь^1.2; реабилитация^1.3; реабилитационный^1.2; Минздрав^1.4;
    tabaco^1.3; fumar^1.2; cáncer^1.2; epidemia^1.4; virus^1.1; gripe^1.3;
    tabac^1.3; fumer^1.2; fumeurs^1.3; cancer^0.8; épidémie^1.4; grippe^1.3; sida^1.4; virus^1.1; médicament^1.3; soins^1.1;
    rauchen^1.2; rauchverbot^1.5; krebs^1.2; epidemie^1.4; grippe^1.3; virus^1.1;
    tabaco^1.3; fumar^1.2; câncer^1.2; epidemia^1.4; gripe^1.3`,
  // politics
  "medtop:11000000": `gobierno^1; elecciones^1.4; congreso^1; parlamento^1.2; ministro^1; ministra^1; partido^0.8; votación^1.2; diputados^1.2;
    presidente^0.6; oposición^1; manifestación^1; manifestantes^1; dimisión^1.2; amnistía^1;
    gouvernement^1; élections^1.4; élection^1.4; assemblée nationale^1.4; ministre^1; député^1.2; députés^1.2; opposition^0.8;
    regierung^1; wahl^1.2; wahlen^1.4; bundestag^1.4; minister^1; kanzler^1.2; partei^1; opposition^0.8;
    governo^1; eleições^1.4; eleição^1.4; deputados^1.2; partido^0.8;
    уряд^1; вибори^1.4; парламент^1.2; Верховна Рада^1.5; депутат^1.2; міністр^1; президент^0.6; партія^1; опозиція^1;
    правительство^1; выборы^1.4; Госдума^1.5; депутат^1.2; министр^1; президент^0.6; партия^1; оппозиция^1`,
  // sport
  "medtop:15000000": `fútbol^1.4; partido de fútbol^1.5; gol^1.2; goles^1.2; liga^1.2; entrenador^1.2; selección^0.8; jugador^1.2; campeonato^1.2;
    football^1.3; entraîneur^1.2; championnat^1.2; joueur^1.2; match^0.6;
    fußball^1.4; bundesliga^1.5; spieler^1.2; meisterschaft^1.2;
    futebol^1.4; golo^1.2; treinador^1.2; jogador^1.2; campeonato^1.2;
    футбол^1.4; матч^1.2; тренер^1.2; чемпіонат^1.3; збірна^1; гравець^1.2;
    матч^1.2; тренер^1.2; чемпионат^1.3; сборная^1; игрок^1.2;
    torneo^1.3; copa^0.9; mundial^1; campeón^1.3; medalla^1.3; olímpicos^1.4; tenis^1.4; ciclismo^1.4; baloncesto^1.4;
    fichaje^1.4; delantero^1.3; portero^1.3; centrocampista^1.4; laliga^1.5; liga de campeones^1.5;
    tournoi^1.3; coupe du monde^1.4; champion^1.1; championne^1.3; médaille^1.3; jeux olympiques^1.5; tennis^1.3; cyclisme^1.4; tour de france^1.5; rugby^1.3; basket^1.3; finale^0.8; victoire^0.5;
    turnier^1.3; weltmeisterschaft^1.4; meister^0.8; medaille^1.3; olympische^1.4; tennis^1.3; radsport^1.4;
    torneio^1.3; copa do mundo^1.4; campeão^1.3; medalha^1.3; olímpicos^1.4; ciclismo^1.4`,
  // conflict, war and peace
  "medtop:16000000": `guerra^1.4; ejército^1.2; militares^1; ataque^1; bombardeo^1.4; misiles^1.3; drones^1; tropas^1.2; alto el fuego^1.5;
    guerre^1.4; armée^1.2; frappe^1.2; missiles^1.3; troupes^1.2; cessez-le-feu^1.5;
    krieg^1.4; armee^1.2; angriff^1.1; raketen^1.3; truppen^1.2; waffenruhe^1.5;
    guerra^1.4; exército^1.2; ataque^1; mísseis^1.3; tropas^1.2; cessar-fogo^1.5;
    війна^1.4; армія^1.2; атака^1.1; обстріл^1.4; ракета^1.3; дрон^1.2; окупант^1.4; фронт^1.2; ЗСУ^1.5; перемир'я^1.5; вибухи^0.8; ППО^1.4;
    протиповітряна оборона^1.5; війська^1.2; удар^1; ракетний удар^1.5; ракетного удару^1.5; ракетним ударом^1.5; ракетні удари^1.5;
    безпілотник^1.3; шахед^1.4; повітряна тривога^1.4; повітряної тривоги^1.4; обстріляли^1.3; загарбник^1.3;
    война^1.4; армия^1.2; атака^1.1; обстрел^1.4; ракета^1.3; дрон^1.2; фронт^1.2; ВСУ^1.5; перемирие^1.5; взрывы^0.8; ПВО^1.4; войска^1.2;
    удар^1; ракетный удар^1.5; ракетного удара^1.5; ракетная опасность^1.5; ракетную опасность^1.5; ракетной опасности^1.5; беспилотник^1.3;
    обстреляли^1.3; воздушная тревога^1.4; воздушной тревоги^1.4; СВО^1.5; спецоперация^1.4;
    atentado^1.3; terrorista^1.3; terroristas^1.3; insurgentes^1.3; rebeldes^1.2; talibanes^1.3;
    attentat^1.3; attentats^1.3; terroriste^1.3; terroristes^1.3; insurgés^1.3; rebelles^1.2; talibans^1.3; militaires^1; soldats^1.2; kamikaze^1.3;
    anschlag^1.3; terroristen^1.3; rebellen^1.2; soldaten^1.2; taliban^1.3;
    atentado^1.3; terroristas^1.3; rebeldes^1.2; soldados^1.2`,
  // weather: warnings and forecasts; storms weigh toward disaster as well (above), as in the English lists
  "medtop:17000000": `tiempo^0.4; lluvias^1.2; lluvia^1.1; temperaturas^1.2; ola de calor^1.5; aemet^1.5; tormenta^1;
    borrasca^1.5; dana^1.4; gota fría^1.5; nevadas^1.4; nevada^1.4; granizo^1; rachas^1.5; aviso rojo^1.5;
    aviso naranja^1.5; aviso amarillo^1.5; tormentas^1; chubascos^1.4; heladas^1.3; meteorología^1.5; tornado^1;
    météo^1.5; pluie^1.1; canicule^1.5; orages^1; orage^1.4; tempête^1; neige^1.2; chutes de neige^1.4; grêle^1;
    vigilance orange^1.5; vigilance rouge^1.5; vigilance jaune^1.5; météo-france^1.5; pluies^1.1; rafales^1.5; températures^1.3; vague de froid^1.5; tornade^1;
    wetter^1.3; regen^1.1; hitzewelle^1.5; unwetter^1.2; gewitter^1.4; sturm^1; schnee^1.2; hagel^1; wetterdienst^1.5;
    temperaturen^1.3; glätte^1.3; orkan^1.1; sturmböen^1.5; tornado^1;
    chuva^1.1; chuvas^1.1; tempestade^1; onda de calor^1.5; ipma^1.5; aviso vermelho^1.5; aviso laranja^1.5; aviso amarelo^1.5; neve^1.2;
    trovoada^1.4; tornado^1;
    погода^1.5; дощ^1.1; спека^1.3; гроза^1.3; грози^1.3; снігопад^1.4; хуртовина^1.4; ожеледиця^1.4; заморозки^1.4;
    синоптики^1.4; укргідрометцентр^1.5; негода^1.4; злива^1.3; зливи^1.3; шквальний вітер^1.4;
    погода^1.5; дождь^1.1; жара^1.3; гроза^1.3; грозы^1.3; снегопад^1.4; метель^1.4; гололёд^1.4; гололед^1.4;
    синоптики^1.4; гидрометцентр^1.5; непогода^1.4; ливень^1.3; ливни^1.3; заморозки^1.4`,
};
