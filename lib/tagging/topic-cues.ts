// Wiredesk's own cue words for the 17 top-level IPTC Media Topics, on top
// of what the taxonomy's labels give (topics.ts reads those from
// data/medtop.json). Written from newsroom usage, not fitted to any corpus.
// Each cue is a word or phrase, matched after stemming ("arrests" meets
// "arrest"), with an optional weight after "^" (default 1). A phrase that
// belongs to no topic ("weather the storm") is listed under BLOCKED_CUES:
// the longest phrase wins, so it keeps its words from the topics.
// The learnt classifier reads each topic's cue strength as a feature
// (topic-model.ts): after changing a list, rebuild it (npm run topics:build).

export const TOPIC_CUES: Record<string, string> = {
  // arts, culture, entertainment and media
  "medtop:01000000": `art^0.6; arts; artist; artists; artwork; exhibition^1.2; exhibit; gallery; museum^1.2; painter;
    painting; sculpture; modernism; modernist; film; movie; cinema; director^0.3; actor; actress; box office; festival^0.6;
    music; musician; singer; band^0.4; album; concert; orchestra; opera; theatre; theater; ballet; novel; novelist; author^0.4;
    poet; poetry; literature; book^0.4; books^0.4; publisher^0.4; television series; tv series; documentary; broadcaster^0.5;
    streaming^0.4; netflix; hollywood; oscar; oscars; grammy; curator; collection^0.4; masterpiece; heritage^0.6; culture^0.7;
    cultural; photography; photographer^0.5; fashion; designer^0.4; comedian; comedy`,
  // crime, law and justice
  "medtop:02000000": `crime^1.2; crimes; criminal; criminals; police^1.2; policeman; officers^0.5; arrest^1.3; arrested^1.3; arrests^1.3;
    detained^0.8; suspect^1.2; suspects^1.2; suspected^0.6; charged^0.9; charges^0.6; accused^0.8; allegedly^0.6; alleged^0.5;
    court^0.9; judge^0.9; trial^0.9; prosecutor^1.2; prosecutors^1.2; prosecution; indictment; indicted; convicted^1.2; conviction;
    sentenced^1.3; sentence^0.6; jail^1.2; jailed^1.2; prison^1.1; prisoner^0.4; guilty^1.2; pleaded guilty^1.5; plea^0.8;
    murder^1.3; homicide; manslaughter; killing^0.4; robbery^1.3; robbed^1.3; burglary; theft^1.3; stole^1.2; stolen^1.1; stealing^1.2;
    fraud^1.3; fraudulent; scam^1.2; scammers; embezzlement; money laundering^1.5; bribery; bribe; corruption^0.8; smuggling;
    trafficking^1.1; trafficker; drug trafficking^1.5; cartel; gang^1.2; gangs; mafia^0.5; kidnapping; kidnapped; assault^0.8;
    rape; sexual abuse^1.5; child abuse^1.5; abuse images^1.5; child sexual exploitation^2; sexual exploitation^1.5;
    exploitation^0.6; investigation^0.6; investigators^0.8; investigate^0.5; probe^0.5; forensic^1; law enforcement^1.5;
    interpol^1.5; europol; fbi; detective; detectives; raid^0.8; seized^0.7; seizure^0.6; crackdown^0.8; perpetrators;
    offender; offenders; victim^0.4; victims^0.4; lawsuit^0.9; sued^0.8; lawyer^0.6; lawyers^0.6; attorney^0.6; legal^0.4;
    supreme court^0.8; jury; verdict; acquitted; bail^1.2; custody^0.7; fine^0.3; fined^0.8; penalty^0.3; death penalty^1.5; extradition; opened fire^0.6;
    counterfeit^1.2; fake^0.6; illegal^0.5; illegally^0.5; unlawful; armed robbery^1.5; gunman^0.8; shooting^0.6; stabbing;
    romance fraud^1.5; cybercrime; hacker^0.6; ransom`,
  // disaster, accident and emergency incident
  "medtop:03000000": `disaster^1.2; disasters; accident^1.2; accidents; crash^1; crashed^1; collision; derailed; derailment; explosion^0.9;
    blast^0.6; fire^0.6; fires^0.6; blaze; wildfire^1.3; wildfires^1.3; firefighters^1.2; earthquake^1.5; quake^1.3; tremor;
    aftershock; tsunami^1.5; flood^1.2; floods^1.3; flooding^1.3; flooded^1.3; flash floods^1.5; landslide^1.4; landslides^1.4;
    mudslide; avalanche; eruption; volcano; hurricane^1; cyclone^1; typhoon^1; tornado^1; storm^0.5; drought^0.5;
    famine^1.2; rescue^1; rescued^1; rescuers^1.3; evacuated^1.1; evacuation^1.1; evacuate; emergency services^1.4;
    emergency^0.5; death toll^1; survivors^0.7; missing^0.4; collapsed^0.8; collapse^0.5; rubble^0.9; relief^0.4; aid workers^0.6;
    power cuts^0.8; power outage^0.8; without power^0.9; capsized^1.3; shipwreck; sank; plane crash^1.5; road accident^1.5;
    emergency response^1.3; state of emergency^1; damage^0.5; damaged^0.5; destroyed^0.3; inundated; submerged; waterlogged;
    relief camps^1.2; stranded^0.8`,
  // economy, business and finance
  "medtop:04000000": `economy^1.2; economic^1; economist^1; economists^1; economics; business^0.7; businesses^0.6; company^0.8; companies^0.8;
    corporation^0.8; firm^0.6; firms^0.6; market^0.8; markets^0.9; stock^1; stocks^1.1; shares^1; share price^1.5; shareholders^1.2;
    shareholder^1.2; investor^1; investors^1.1; investment^1; investments^1; invest^0.8; profit^1.3; profits^1.3; loss^0.5;
    losses^0.6; net loss^1.3; net income^1.5; net profit^1.5; earnings^1.3; revenue^1.2; revenues^1.2; sales^0.9; turnover^0.7;
    quarter^0.8; quarterly^1; fiscal^0.9; dividend^1.5; dividends^1.5; merger^1.4; mergers^1.4; acquisition^1.3; acquisitions^1.3;
    acquire^1.2; acquired^1.1; takeover^1.4; buyout; bid^0.5; tender offer^1.5; stake^1; subsidiary^1.2; unit^0.4; bank^0.9;
    banks^0.9; banking^1; central bank^1.5; interest rate^1.5; interest rates^1.5; rate cut; rate hike; monetary policy^1.5;
    inflation^1.3; deflation; gdp^1.5; gross domestic product; growth^0.5; recession^1.3; unemployment rate^0.8; trade^0.8;
    trade deficit^1.5; trade surplus^1.5; exports^1.2; export^1; imports^1.2; import^0.9; tariff^1.2; tariffs^1.2; currency^1.2;
    currencies; dollar^1; dollars^0.9; euro^0.7; yen^1; sterling^0.9; peso^1; lira^1; exchange rate^1.5; forex; bonds^1.2; bond^0.9;
    treasury^0.7; yields^0.8; debt^0.9; loan^1; loans^1; credit^0.8; lending^1; lender^1; lenders^1; financing^1.2; finance^0.8;
    financial^0.9; capital^0.5; billion^0.3; prices^0.7; price^0.6; oil prices^1.5; crude^1.2; crude oil^1.5; oil^0.8; barrel^1;
    barrels^1.1; opec^1.5; commodity^1.2; commodities^1.2; futures^1.2; wheat^1; corn^1; grain^1; soybeans^1; sugar^0.8;
    coffee^0.6; cocoa^1; cotton^0.6; gold^0.6; copper^0.9; tonnes^0.8; tons^0.5; output^0.8; production^0.6; industry^0.7;
    industrial^0.8; manufacturing^1; manufacturer^1; factory^0.7; plant^0.4; jobs^0.4; consumer^0.8; consumers^0.8; retail^1;
    retailer^1; retailers^1; spending^0.7; budget^0.6; tax^0.6; taxes^0.6; ceo^1.2; chief executive^1.2; chairman^0.5; board^0.4;
    executive^0.5; analysts^1; analyst^1; forecast^0.5; outlook^0.6; guidance^0.5; stock exchange^1.5; nasdaq; dow; index^0.6;
    nikkei; ftse; wall street^1.3; ipo^1.5; listing^0.6; bankruptcy^1.4; insolvency; restructuring^1; contract^0.6; deal^0.6;
    agreement^0.3; supply^0.5; demand^0.6; customers^0.8; clients^0.6; brand^0.6; products^0.6; product^0.5; startup^1;
    venture^0.8; battery^0.5; trade talks^1; trade war^1.5; price war^1.2; exporters^1.2; importers^1.2; pipeline^0.5; energy^0.6; gas^0.5;
    natural gas^1; refinery^0.7; mln^1; bln^1; dlrs^1.3; pct^0.8; cts^1.2; shr^1.5; qtr^1.3; revs^1.5; net^0.5;
    per share^1.5; cents^0.5; fiscal year^1.3; year-on-year^1; annual^0.4; operating^0.6; margin^0.6; margins^0.8;
    prices rose^1; price rises^1; cost of living^1; mortgage^1; mortgages^1; housing market^1.3; real estate^1.2;
    property^0.5; tourism^0.6; airline^0.8; shipping^0.8; freight^1; cargo^0.7; supply chain^1.2; contracts^0.7; water pipeline^0.5`,
  // education
  "medtop:05000000": `education^1.5; educational; school^1.2; schools^1.3; pupils^1.5; pupil^1.5; students^1.3; student^1.2; teacher^1;
    teachers^1.2; teaching^1; classroom^1.5; classrooms^1.5; lessons^1.2; lesson^0.7; curriculum^1.5; exam^1.3; exams^1.3;
    examinations; university^1.1; universities^1.2; college^1; colleges^1; campus^1; lecturers^1.5; lecturer^1.5; professors^0.8;
    tuition^1.3; scholarship; schooling; kindergarten; nursery^0.6; headteacher; headmaster; principal^0.5; graduates^0.6;
    degree^0.4; literacy; academic^0.8; term^0.3; semester^1.2; enrolment; enrollment; school year^1.3; schoolteacher^0.3`,
  // environment
  "medtop:06000000": `environment^1.3; environmental^1.3; climate change^1.5; global warming^1.5; climate^1.1; emissions^1.3; carbon^1.1;
    greenhouse gas^1.5; pollution^1.3; polluted; deforestation^1.5; forest^1; forests^1; rainforest^1.5; amazon^0.5; logging^1;
    biodiversity^1.5; conservation^1.3; wildlife^1.2; species^1.1; endangered^1.2; habitat^1.2; ecosystem^1.2; ecosystems^1.2;
    ecologist^1.5; ecology; renewable^1.2; renewables^1.2; solar^0.9; wind power^1; wind farm^1; clean energy^1.2; recycling^1.2;
    waste^0.8; plastic^0.6; water supply^1; water shortage^1.3; water scarcity^1.5; desalination^1.5; brine^1.2; aquifer^1.3;
    groundwater^1.3; river^0.7; rivers^0.7; wetlands^1.3; restoration^0.9; sustainable^1; sustainability^1; net zero^1.5;
    cop29; cop30; fossil fuels^1.2; coal^0.5; drought^0.7; glacier^1; sea level^1.2; oceans^0.8; coral^1; national park^1;
    satellite data^0.5; water cuts^0.8; water rationing^1.2; reservoir^1; reservoirs^1; cutzamala^1; water levels^0.8;
    environmentalists^1.5; green^0.3; hectares^0.8; square kilometres^0.4; cleared^0.5; clearing^0.6; illegal logging^1.5`,
  // health
  "medtop:07000000": `health^1.3; healthcare^1.3; health care^1.3; hospital^1.2; hospitals^1.2; patients^1.3; patient^1.2; doctor^1.1;
    doctors^1.1; nurse^1; nurses^1.1; medical^1.1; medicine^1.2; medicines^1.2; medics^1.2; medic^1.1; paramedics^1; clinic^1.1;
    disease^1.3; diseases^1.3; illness^1.2; virus^1.1; vaccine^1.4; vaccines^1.4; vaccination^1.4; vaccinated^1.2; infection^1.2;
    infections^1.2; outbreak^1.1; epidemic^1.3; pandemic^1.3; covid^1.2; flu^1.3; influenza^1.4; cancer^1.3; diabetes^1.4;
    obesity^1.3; weight loss^1.2; weight-loss^1.2; drug^0.5; drugs^0.4; pharmaceutical^0.8; prescription^1.2; injections^0.9;
    injection^0.8; treatment^0.9; surgery^1.2; surgeon^1.2; mental health^1.5; nhs^1.5; world health organization^1.5;
    admissions^0.7; wards^1; intensive care^1.5; a&e; trauma^0.6; wounded^0.4; injured^0.4; injuries^0.5; blood^0.5; symptoms^1.2;
    health ministry^1.3; health authorities^1.3; public health^1.5; semaglutide^1.5; ozempic^1.5; pens^0.3; ambulance^0.8;
    first aid^0.8; stabilisation point^1.2; field hospital^1.3`,
  // human interest
  "medtop:08000000": `human interest^1.5; celebrity^1.2; celebrities^1.2; royal family^1.2; prince^0.6; princess^0.6; birthday^1; anniversary^0.8;
    wedding^0.8; centenarian^1.5; oldest^0.6; record-breaking^0.8; heartwarming^1.5; quirky^1.2; award^0.5; prize^0.5; pet^0.8;
    pets^0.8; dog^0.5; cat^0.4; zoo^1`,
  // labour
  "medtop:09000000": `labour^1.3; labor^1.3; workers^1.2; worker^1; employees^1; employee^0.8; employer^0.8; employers^1; union^0.9;
    unions^1.2; trade union^1.5; trade unions^1.5; labour union^1.5; strike^1.3; strikes^1.4; striking^1.3; walkout^1.5;
    walkouts^1.5; industrial action^1.5; picket^1.3; wages^1.3; wage^1.3; pay^0.6; pay rise^1.5; pay deal^1.5; salaries^1.2;
    salary^1; pension^1; pensions^1.1; jobs^0.8; job cuts^1.3; layoffs^1.3; unemployment^1.2; unemployed^1.2; employment^1.2;
    jobless^1.2; staff^0.5; collective bargaining^1.5; collective agreement^1.5; working conditions^1.5; minimum wage^1.5;
    overtime pay^1.2; overtime ban^1.2; unpaid overtime^1.2; shifts^0.4; arrears^1.2; lecturers' union^1.5; ig metall^1.5; verdi^1.5; warning strikes^1.5`,
  // lifestyle and leisure
  "medtop:10000000": `lifestyle^1.3; leisure^1.2; travel^0.8; tourists^0.8; tourism^0.6; holiday^0.8; holidays^0.8; vacation^1;
    food^0.8; recipe^1.5; recipes^1.5; cooking^1.3; cook^0.8; chef^1.2; restaurant^1; restaurants^1; dining^1.2; dinner^0.8;
    meal^0.9; meals^0.9; thanksgiving^1.3; christmas dinner^1.3; turkeys^0.8; grocery^0.8; groceries^0.8; shoppers^0.6;
    gardening^1.5; garden^0.7; hobby^1.3; fitness^0.8; wine^0.8; beer^0.8; fashion^0.4; shopping^0.6; feast^0.9; baking^1.2;
    roast^0.6; cranberry^1; stuffing^0.8; pumpkin^0.8; side dishes^1.2; festive^0.6; dating^0.6`,
  // politics
  "medtop:11000000": `politics^1.3; political^1.2; politician^1.2; politicians^1.2; government^1; governments^1; minister^1;
    ministers^1; prime minister^1.4; president^0.8; presidential^1.2; parliament^1.3; parliamentary^1.3; lawmakers^1.3;
    legislators^1.3; legislature^1.2; senate^1.2; senator^1.2; congress^1.1; congressional; election^1.5; elections^1.5;
    electoral^1.4; vote^1.1; votes^1.1; voting^1.2; voters^1.3; ballot^1.3; runoff^1.4; candidate^1.1; candidates^1.1;
    campaign^0.7; campaigning^0.8; polls^0.9; opinion poll^1.3; referendum^1.4; opposition^1.2; party^0.8; parties^0.7;
    coalition^1.1; socialist^1; socialists^1; conservative^1; conservatives^1; liberal^0.6; democrats^1; republicans^1;
    democrat^1; republican^0.9; democracy^1.1; democratic^0.7; no-confidence^1.5; confidence vote^1.5; no confidence^1.5;
    censure^1.3; motion^0.5; resign^0.9; resignation^0.9; cabinet^1.1; mayor^0.8; governor^0.9; diplomat^1; diplomats^1;
    diplomatic^1.1; diplomacy^1.2; sanctions^1.1; summit^0.9; treaty^1; foreign minister^1.3; foreign ministry^1.3;
    state department^1.3; embassy^1; ambassador^1; bill^0.7; legislation^1.1; law^0.5; reform^0.6; policy^0.7; policies^0.7;
    constitution^0.9; constitutional^0.9; rally^0.6; protest^0.8; protests^0.8; protesters^0.8; demonstrators^0.6;
    demonstration^0.4; opposition leader^1.4; ruling party^1.5; budget^0.6; budget bill^1.3; state budget^1.3; deficit^0.5;
    duma^1.4; kremlin^0.5; eu^0.6; european union^0.8; nato^0.6; veto^1.2; decree^0.8; mp^0.8; mps^1;
    speaker^0.4; premier^1; chancellor^0.8; broadcasting bill^1.2; foreign agents^1.3; state senate^1.5; county^0.3;
    corruption scandal^1.5; snap election^1.5; general election^1.5`,
  // religion and belief
  "medtop:12000000": `religion^1.5; religious^1.4; faith^1.2; church^1.3; churches^1.3; cathedral^1.3; basilica^1.5; mosque^1.5;
    mosques^1.5; synagogue^1.5; temple^1; pope^1.5; vatican^1.2; bishop^1.3; bishops^1.3; archbishop^1.5; priest^1.3; priests^1.3;
    imam^1.5; rabbi^1.5; clergy^1.5; worship^1.4; worshippers^1.5; prayer^1.3; prayers^1.3; pray; pilgrims^1.4; pilgrimage^1.4;
    christian^1.2; christians^1.2; muslim^1.2; muslims^1.2; jewish^1; jews^1; hindu^1.2; buddhist^1.2; sikh^1.2; catholic^1.2;
    protestant^1.2; anglican^1.3; orthodox^0.7; islam^1.2; islamic^0.6; christianity^1.3; bible^1.3; quran^1.3; ramadan^1.3;
    easter^0.8; christmas^0.5; parish^1.3; congregation^1.4; congregations^1.4; interfaith^1.5; sagrada familia^1.5; gaudi^0.7;
    consecrated^1.3; saint^0.5; spiritual^1; diocese^1.5; gurdwara^1.5; chapel^1.2; faith groups^1.5; faith leaders^1.5`,
  // science and technology
  "medtop:13000000": `science^1.4; scientific^1.4; scientist^1.4; scientists^1.4; research^1; researchers^1.2; study^0.5; laboratory^1.3;
    technology^1.2; technologies^1.2; tech^0.8; satellite^1.3; satellites^1.3; space^0.7; rocket^1.3; launch^0.6; launched^0.4;
    orbit^1.4; nasa^1.5; jaxa^1.5; space agency^1.5; astronaut^1.5; astronomers^1.5; telescope^1.5; radar^1.1; sensor^1.1;
    sensors^1.1; artificial intelligence^1.5; ai^1.1; algorithm^1.2; software^1; computer^1; computing^1; internet^0.8;
    digital^0.6; cyber^0.8; data^0.5; robot^1.3; robotics^1.3; physics^1.4; chemistry^1.3; biology^1.3; genetic^1.2; dna^1.3;
    quantum^1.4; engineers^0.8; engineering^0.8; innovation^1; experiment^1.2; discovery^0.8; fossil^1; archaeologists^1.5;
    smartphone^1.2; chip^0.9; chips^0.9; semiconductor^1.3; app^0.6; precipitation radar^1.5`,
  // society
  "medtop:14000000": `society^1.2; social^0.8; community^0.8; communities^0.9; homeless^1.5; homelessness^1.5; shelter^1; shelters^1;
    rough sleepers^1.5; poverty^1.4; welfare^1.2; charity^1.3; charities^1.3; volunteers^1.2; volunteer^1; food bank^1.5;
    families^0.6; family^0.4; children^0.5; elderly^1; pensioners^0.8; disability^1.2; disabled^1.2; discrimination^1.4;
    racism^1.5; equality^1.2; inequality^1.2; gender^0.9; lgbtq^1.5; migrants^1.2; migrant^1.2; migration^1.1; immigrants^1.2;
    immigration^1.2; asylum^1.3; asylum seekers^1.5; refugees^0.8; housing^0.8; social services^1.5; abortion^1.3;
    marriage^0.6; divorce^1; suicide^1; addiction^1.2; cost-of-living^0.8; soup kitchen^1.5; winter shelter^1.5; outreach^1;
    council^0.3; residents^0.5; neighbourhood^0.6`,
  // sport
  "medtop:15000000": `sport^1.4; sports^1.4; sporting^1.2; football^1.4; soccer^1.5; footballer^1.5; match^0.6; matches^0.6;
    game^0.4; games^0.3; league^1.2; premier league^1.5; champions league^1.5; cup^0.5; fa cup^1.5; world cup^1.5; tournament^1.2;
    championship^1.1; championships^1.1; title^0.3; final^0.3; semi-final^1.2; quarter-final^1.2; playoff^1.2; playoffs^1.2;
    season^0.4; club^0.6; clubs^0.6; coach^0.8; manager^0.3; player^0.8; players^0.8; squad^1; striker^1.5; midfielder^1.5;
    defender^0.8; goalkeeper^1.5; goal^0.5; goals^0.6; scored^0.9; scorer^1.2; score^0.3; kick-off^1.3; kickoff^1.3; penalty^0.3; penalty shootout^1.5;
    referee^1.4; stadium^1.2; fans^0.8; supporters^0.4; athlete^1.4; athletes^1.4; athletics^1.4; olympic^1.5; olympics^1.5;
    medal^1.3; medals^1.3; tennis^1.5; golf^1.4; cricket^1.5; rugby^1.5; basketball^1.5; baseball^1.5; hockey^1.4; boxing^1.3;
    boxer^1.3; cycling^1.1; cyclist^1.1; marathon^1.2; formula one^1.5; grand prix^1.4; race^0.3; racing^0.8; win^0.2; won^0.2;
    victory^0.2; defeat^0.3; beat^0.2; draw^0.3; replay^1; minute^0.2; half-time^1.3; halftime^1.3; second half^0.8;
    first half^0.6; injury time^1.5; equaliser^1.5; winner^0.4; underdogs^1; giant-killing^1.5; non-league^1.5; round^0.2;
    sixth-tier^1.5; fixture^1.2; fixtures^1.2; wicket^1.5; innings^1.5; overtime^0.8; extra time^1; rookie^0.8;
    quarterback^1.5; touchdown^1.5; linebacker^1.5; wide receiver^1.5; running back^1.2; field goal^1.2; super bowl^1.5;
    pitcher^1.2; home run^1.5; world series^1.5; slam dunk^1.5; three-pointer^1.5; rebounds^0.8; puck^1.5; stanley cup^1.5;
    nba^1.5; nfl^1.5; mlb^1.5; nhl^1.5; mls^1.5; wnba^1.5; ncaa^1.3;
    knicks^1.5; celtics^1.5; lakers^1.5; clippers^1.5; mavericks^1.3; nuggets^1.5; timberwolves^1.5; grizzlies^1.3;
    cavaliers^1.2; pistons^1.3; pacers^1.5; bucks^0.8; raptors^1.3; 76ers^1.5; sixers^1.5; hornets^1.2; trail blazers^1.5;
    cowboys^1; packers^1.5; steelers^1.5; broncos^1.5; seahawks^1.5; buccaneers^1.5; falcons^1.2; ravens^1.2; bengals^1.5;
    colts^1.3; jaguars^1.2; raiders^1.2; 49ers^1.5; niners^1.5;
    yankees^1.5; red sox^1.5; dodgers^1.5; mets^1.3; cubs^1.3; white sox^1.5; astros^1.5; phillies^1.5; padres^1.5;
    orioles^1.5; blue jays^1.5; mariners^1.2; diamondbacks^1.5; braves^1.3;
    canadiens^1.5; maple leafs^1.5; bruins^1.5; blackhawks^1.5; red wings^1.5; oilers^1.5; canucks^1.5; sabres^1.5;
    blue jackets^1.5; golden knights^1.5`,
  // conflict, war and peace
  "medtop:16000000": `war^1.4; wars^1.4; wartime^1.4; warfare^1.4; conflict^1.1; conflicts^1; armed conflict^1.5; fighting^1.2; fight^0.4;
    battle^0.9; battlefield^1.5; frontline^1.5; front line^1.5; front lines^1.5; front^0.4; troops^1.4; soldier^1.4;
    soldiers^1.4; army^1.2; armed forces^1.3; military^1.2; militia^1.3; militias^1.3; paramilitary^1.4; rebels^1.4; rebel^1.3;
    insurgents^1.4; militants^1.3; invasion^1.5; invaded^1.4; occupied^0.9; occupation^0.9; offensive^1.2; counteroffensive^1.5;
    attack^0.8; attacks^0.9; attacked^0.8; airstrike^1.5; airstrikes^1.5; air strike^1.5; air strikes^1.5; drone strike^1.5;
    drone strikes^1.5; drone^1; drones^1.1; missile^1.3; missiles^1.3; rocket attack^1.5; shelling^1.5; shelled^1.5;
    bombing^1.2; bombs^1.1; bomb^0.9; glide bombs^1.5; artillery^1.5; weapons^1; weapon^0.8; ammunition^1.2; ceasefire^1.5;
    cease-fire^1.5; truce^1.5; armistice^1.5; peace talks^1.5; peace deal^1.5; peace^1; negotiations^0.5; prisoner exchange^1.5;
    prisoner swap^1.5; prisoners of war^1.5; pows^1.5; captured^0.7; killed^0.5; casualties^1; civilians^1; civilian^0.9;
    wounded^0.7; massacre^1.4; genocide^1.4; war crimes^1.4; terrorism^1.2; terrorist^1.2; terrorists^1.2; air defence^1.5;
    air defense^1.5; air raid^1.5; sirens^0.8; platoon^1.5; commander^1.1; opened fire^0.6; came under fire^1; commanders^1.1; brigade^1.4; battalion^1.4;
    combat^1.4; ground forces^1.5; full-scale invasion^1.5; annexed^1.4; annexation^1.3; occupied territories^1.5;
    humanitarian corridor^1.5; convoy^0.9; gunmen^0.8; armed men^1.2; paramilitary rapid support forces^1.5; rsf^1.3;
    refinery^0.3; strike^0.3; evacuating the wounded^1.5; front-line^1.5; deputy commander^1.2; call sign^1.2; trenches^1.3`,
  // weather
  "medtop:17000000": `weather^1.5; forecast^0.8; forecasters^1.5; forecaster^1.5; meteorological^1.5; met office^1.5; rain^1.1;
    rainfall^1.4; heavy rain^1.5; showers^1; storm^1; storms^1; thunderstorm^1.4; thunderstorms^1.4; wind^0.9; winds^1;
    gusts^1.5; gale^1.5; snow^1.2; snowfall^1.4; ice^0.5; frost^1.3; hail^1; heatwave^1.5; heat wave^1.5; temperatures^1.3;
    temperature^1; degrees celsius^1.4; celsius^1.2; fahrenheit^1.2; monsoon^1.5; cyclone^1; hurricane^1.1; typhoon^1.1;
    tornado^1; fog^1.2; sunshine^0.8; sunny^0.8; cloudy^1.2; humid^0.9; humidity^1; drought^0.5; amber warning^1.5;
    red warning^1.5; yellow warning^1.5; weather warning^1.5; cold snap^1.5; freezing^1; mm of rain^1.5; millimetres^0.7;
    storm named^1.5; low pressure^1.3; climate^0.3; dry period^1; wet^0.4`,
};

/** Phrases that hold topic words but belong to no topic: they keep their words from the topics. */
export const BLOCKED_CUES = [
  "weather the storm", "weathered the storm", "storm of criticism", "political storm", "perfect storm", "firestorm",
  "under fire", "fire sale", "rain check", "level playing field",
  "game changer", "ball is in", "arms race", "race against time", "race to", "the race for",
  "war of words", "war chest", "culture war", "culture wars", "target", "goal of", "strike a deal", "struck a deal",
  "strike a balance", "hunger strike", "front page", "court of public opinion", "charge of", "in charge", "takes charge",
  "share of", "shared", "a fine line", "fine print", "the bill for", "foot the bill", "legal tender", "blazing sun",
  "soldier on", "rounds of talks", "heated", "cooling", "freeze", "freezes", "frozen", "iced",
  "hospitality", "oil painting", "party line", "stake out",
  // A holiday weekend, not a labour story (HuffPost's travel and food pieces name it).
  "labor day", "labour day",
];
