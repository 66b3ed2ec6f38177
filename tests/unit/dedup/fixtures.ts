// Original, fictional copy written for these tests: one wire story and the
// shapes its copies take in other outlets. Names, figures and quotes are invented.

export const WIRE = `VALPARAÍSO, Chile (Lakeside Wire) — Dockworkers at Chile's second-largest container port walked off the job on Monday, halting loading at four terminals and stranding more than 30 ships in the bay, the port authority said.

The union representing about 2,400 stevedores called the 48-hour stoppage after talks on a new pension scheme broke down late on Sunday. It said members would return to work on Wednesday morning unless the government withdrew a plan to raise the retirement age for port workers from 60 to 63.

"We have been patient for two years, and patience has not paid our rent," union president Marisol Fuentes told reporters outside terminal two. "The ships can wait two days. Our families have waited long enough."

The port authority said refrigerated cargo, mostly cherries and blueberries bound for Asia, would be given priority once loading resumed. The exporters' association Frutas del Pacífico estimated losses at $12 million a day.

Labour Minister Tomás Riquelme said the government remained open to dialogue but would not negotiate "under the pressure of idle cranes." He said the pension changes were needed to keep the fund solvent beyond 2035.

Valparaíso handled about 1.1 million containers last year, according to port figures, roughly a fifth of Chile's maritime trade.`;

/** The same copy reflowed by a scraper: one line, straight quotes, accents and case lost, page spacing. */
export const WIRE_EXACT = `  VALPARAISO, CHILE (LAKESIDE WIRE) - Dockworkers at Chile’s second-largest container port walked off the job on Monday, halting loading at four terminals and stranding more than 30 ships in the bay, the port authority said. The union representing about 2,400 stevedores called the 48-hour stoppage after talks on a new pension scheme broke down late on Sunday. It said members would return to work on Wednesday morning unless the government withdrew a plan to raise the retirement age for port workers from 60 to 63. “We have been patient for two years, and patience has not paid our rent,” union president Marisol Fuentes told reporters outside terminal two. “The ships can wait two days. Our families have waited long enough.” The port authority said refrigerated cargo, mostly cherries and blueberries bound for Asia, would be given priority once loading resumed. The exporters’ association Frutas del Pacifico estimated losses at $12 million a day. Labour Minister Tomas Riquelme said the government remained open to dialogue but would not negotiate “under the pressure of idle cranes.” He said the pension changes were needed to keep the fund solvent beyond 2035. Valparaiso handled about 1.1 million containers last year, according to port figures, roughly a fifth of Chile's maritime trade.  `;

/** Republished with small edits: "on Monday" → "Monday", a phrase reworded, a typo, the closing sentence cut. */
export const WIRE_NEAR = `VALPARAÍSO, Chile (Lakeside Wire) — Dockworkers at Chile's second-largest container port went on strike Monday, halting loading at four terminals and stranding more than 30 ships in the bay, the port authority said.

The union representing about 2,400 stevedores called the 48-hour stoppage after talks on a new pension scheme broke down late on Sunday. It said members would return to work on Wednesday morning unless the goverment withdrew a plan to raise the retirement age for port workers from 60 to 63.

"We have been patient for two years, and patience has not paid our rent," union president Marisol Fuentes told reporters outside terminal two. "The ships can wait two days. Our families have waited long enough."

The port authority said refrigerated cargo, mostly cherries and blueberries bound for Asia, would be given priority once loading resumed. The exporters' association Frutas del Pacífico estimated losses at $12 million a day.

Labour Minister Tomás Riquelme said the government remained open to dialogue but would not negotiate "under the pressure of idle cranes." He said the pension changes were needed to keep the fund solvent beyond 2035.`;

/** A business roundup that carries the wire story whole between items of its own. */
export const ROUNDUP = `Latin America business briefing: Chilean ports stall, Peru's copper output climbs, Argentine prices cool.

Here is what markets in the region are watching this Tuesday.

${WIRE}

LIMA — Peru's copper production rose 7.4% in October from a year earlier, the mines ministry said, as the expanded Quellaveco pit and a recovery at two southern mines offset road blockades in Apurímac. Output for the first ten months reached 2.25 million tonnes. Analysts at Banco Andino said the figures put Peru on track to overtake its record 2024 total if protests do not return in December.

BUENOS AIRES — Monthly inflation in Argentina slowed to 1.9% in October, the statistics office reported, the lowest reading in four years. Food prices rose 1.4% while regulated utility tariffs climbed 3.8%. The central bank kept its benchmark rate unchanged and said it would continue buying dollars in the official market to rebuild reserves, which stand at about $31 billion.`;

/** A rewrite by another outlet: new wording throughout, but the quotes and one sentence lifted word for word. */
export const WIRE_REWRITE = `Chile's busiest ports after San Antonio ground to a halt as thousands of stevedores in Valparaíso began a two-day strike over pension reform, leaving dozens of vessels at anchor off the coast.

Negotiations between the dockers' union and the Labour Ministry collapsed over the weekend. At issue is a government proposal that would push back the age at which port workers can retire by three years.

"We have been patient for two years, and patience has not paid our rent," union president Marisol Fuentes told reporters outside terminal two. "The ships can wait two days. Our families have waited long enough."

Fruit growers fear the timing could not be worse, with the cherry harvest at its peak and Chinese New Year orders due to ship within weeks. The port authority said refrigerated cargo, mostly cherries and blueberries bound for Asia, would be given priority once loading resumed.

Labour Minister Tomás Riquelme said the government remained open to dialogue but would not negotiate "under the pressure of idle cranes." Opposition lawmakers accused him of provoking the walkout by announcing the changes without consulting unions.

The strike is the third at Chilean ports this year.`;

/** The same port, the same authority, another story: must not be linked. */
export const LOOKALIKE = `SAN ANTONIO, Chile (Lakeside Wire) — Chile's government approved on Thursday a $2.1 billion expansion of the port of San Antonio, the country's largest container terminal, clearing the way for construction of a new breakwater and two deep-water berths.

The port authority said the project would double capacity to about 6 million containers a year by 2034 and allow the largest ships now serving Asian routes to call without waiting for high tide.

Environmental groups said they would challenge the approval in court, arguing that dredging would damage a wetland used by migratory birds south of the river mouth. Public Works Minister Carolina Ossandón said the plan included a protected reserve of 150 hectares and a monitoring programme run with the University of Valparaíso.

Tenders for the breakwater are expected to open in March, the ministry said.`;

// Decision 011's rewrites: one wire story, a rewrite and a brief of it by other papers, and another story on the same subject.
/** A wire story (Lakeside Wire) that the three below are read against. */
export const WIRE_STORY = `HALVERTON, March 4 (Lakeside Wire) - Brenner Motors said on Tuesday it would close its Halverton assembly plant by the end of 2027, cutting 1,840 jobs, as demand for its Corvane sedan fell for a third straight year.

The company said production of the Corvane would move to its plant in Oskarsfeld, which it is converting to build electric vehicles at a cost of 620 million euros.

"This was the hardest decision this board has taken in forty years," chief executive Ingrid Vasquez told a news conference in Halverton. "We owe our workers every support we can give them."

The United Auto Workers local said it would fight the closure and called a mass meeting for Thursday. Union leader Marcus Pell said members had accepted a wage freeze in 2024 to keep the plant open.

Brenner shares rose 3.2 percent in Frankfurt after the announcement, which analysts at Keller Securities said would save the company about 210 million euros a year.

Halverton Mayor Dana Ruiz said the city would seek federal help to retrain workers.`;

/** A regional paper's story written from the wire: shortened, reordered, paraphrased throughout, quotes kept, a local angle added. */
export const NEWSPAPER_REWRITE = `Brenner to shut Halverton car plant, 1,840 jobs to go

Carmaker Brenner Motors will shut its Halverton factory by late 2027, axing 1,840 posts after sales of its Corvane saloon slid for three years running.

For families in Eastbrook, just across the river, the news lands hard: roughly one in five of the plant's staff live in the town, according to Eastbrook council leader Priya Anand, who said she had asked for an urgent meeting with the firm.

"This was the hardest decision this board has taken in forty years," chief executive Ingrid Vasquez told a news conference in Halverton. "We owe our workers every support we can give them."

Work on the Corvane is being shifted to Oskarsfeld, where Brenner is spending 620 million euros retooling a plant for electric models.

Union leader Marcus Pell vowed to resist, recalling that workers took a pay freeze in 2024 to save the site. Investors cheered, sending the stock 3.2 percent higher in Frankfurt.`;

/** A brief from another paper: every sentence in its own words, no quote, the names and figures kept. */
export const NEWSPAPER_BRIEF = `Halverton loses its car plant

Carmaker Brenner Motors is to close the Halverton factory by late 2027 with the loss of 1,840 posts, blaming three years of falling Corvane sales.

Corvane output moves to Oskarsfeld, where Brenner is investing 620 million euros to retool for electric models. Union leader Marcus Pell promised resistance; Brenner stock gained 3.2 percent in Frankfurt. Analysts at Keller Securities put annual savings near 210 million euros, and Mayor Dana Ruiz wants federal retraining money.`;

/** Another story on the same industry and the same town, to be left alone. */
export const SAME_TOPIC_OTHER_STORY = `HALVERTON, May 20 (Lakeside Wire) - Voss Components said on Wednesday it had won a 95 million euro contract to supply battery housings to three European carmakers, and would hire 300 workers at its Halverton site.

The company said deliveries would begin in the second half of 2026. Chief financial officer Leon Aranda said the order book now stood at a record 1.3 billion euros.

Voss shares were little changed in Frankfurt trading.`;

/**
 * A long wire story whose later paragraphs bring many names of their own
 * (reactions, background, other cities), and a brief of its lead by another
 * paper: the brief holds the lead's names, a small part of the story's.
 */
export const LONG_WIRE_STORY = `ORLENBURG, June 9 (Lakeside Wire) - Kestrel Airways will buy 42 Altair 600 jets from Mirandel Aerospace for about 6.3 billion dollars, the carrier's chief executive Helena Varga said on Monday, in the largest order in the airline's history.

The jets will replace Kestrel's ageing Tamsin 300 fleet from 2028, Varga told a news conference at the carrier's Orlensee base, and will let the airline open routes to Quillon, Batavia and Port Ardent.

Mirandel's sales chief Ruben Ostrow said deliveries would begin in March 2028 at a rate of one aircraft a month, built at the company's Calloway and Whitmere plants.

Unions at Kestrel welcomed the order. Pilots' association chairman Dariusz Lenko said the Altair's range would bring "real long-haul flying back to Orlenburg", while the cabin crew union Aerovia asked for talks on staffing levels.

Shares in Kestrel rose 3.8 percent on the Tessaly stock exchange, while Mirandel gained 1.2 percent in Brennholt. Analysts at Corvin Partners and Ashdown Securities said the price implied a discount of about 45 percent on list prices.

The order follows Kestrel's purchase of the regional carrier SkyLink Nordmark in 2024 and a fleet review led by former transport minister Oskar Bellweather, now chairman of the board.

Rival Pelican Air, which flies from Orlenburg to Quillon six times a week, said it had no plans to change its own order for 18 Corsaire jets from Fennick Industries.

In Varnholm, mayor Ingrid Sollberg said the city hoped Kestrel would move its maintenance hangar to Varnholm Airport, as the Lindqvist commission proposed in 2025. The regional development fund Nordhaven Invest has offered 120 million dollars towards it.

Kestrel carried 14.2 million passengers last year and employs about 9,600 people, most of them in Orlenburg and Varnholm.`;

export const LEAD_BRIEF = `Kestrel Airways orders 42 Altair jets

Kestrel Airways has agreed to buy 42 Altair 600 aircraft from Mirandel Aerospace in a deal worth roughly 6.3 billion dollars, Helena Varga, the airline's chief executive, announced at its Orlensee base. The new planes arrive from 2028 to take the place of the Tamsin 300 fleet and will open services to Quillon, Batavia and Port Ardent.`;
