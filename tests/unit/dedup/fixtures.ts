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
