// Function words of the beat's other languages. The learnt topic model and
// the English cue words were made from English, where "un", "eu", "dans" and
// "premier" say something (the UN, the EU, a premier); in French copy they say
// nothing, and read as English they filed French crime and culture under
// politics (decision 024, the Wikinews set). Copy in another language drops
// its own function words before the model and the single-word cues read it.
// The lists are Snowball's, from @orama/stopwords (Apache-2.0); Ukrainian's
// there is mis-encoded, so it is Wiredesk's own, short, like Snowball's.
import { stopwords as de } from "@orama/stopwords/german";
import { stopwords as es } from "@orama/stopwords/spanish";
import { stopwords as fr } from "@orama/stopwords/french";
import { stopwords as pt } from "@orama/stopwords/portuguese";
import { stopwords as ru } from "@orama/stopwords/russian";

const uk = (
  "і й та або але а що як чи не ні же ж би б бо в у на з із зі до від по за під над про для при через між біля після " +
  "перед без коли де куди тут там це цей ця ці той та ті то його її їх їм йому ним нею них він вона воно вони ми ви я " +
  "ти свій своя свої своє наш ваш який яка яке які котрий також ще вже лише тільки навіть дуже так було був була були " +
  "бути є буде будуть має мають можна треба тому тоді зараз усі всі все весь уся сам сама саме самі"
).split(" ");

// Snowball's Russian list and the Ukrainian one above name a pronoun or determiner in a form or two; read
// through English its other forms became content words: "это" eta (97 times in SIB-200's Russian train
// split), "других" friend, "своей" my, "всё" always, "является" show. Their every form, and "to be"'s
// Russian stand-in; and German auxiliaries Snowball's list lacks.
const FORMS: Record<string, string> = {
  ru:
    "это эта этот эти этого этой этому этим этом этих этими эту который которая которое которые которого которой " +
    "которому которым котором которых которыми которую другой другая другое другие другого другому другим другом " +
    "других другими другую свой своя своё свое свои своего своей своему своим своём своем своих своими свою весь " +
    "вся всё все всего всей всему всем всём всех всеми всю такой такая такое такие такого такому таким таком таких " +
    "такими такую являться является являются являлся являлась являлось являлись",
  uk:
    "цього цієї цьому цій цим цими цих цю якого якої якому якій яким якими яких яку інший інша інше інші іншого " +
    "іншої іншому іншій іншим іншими інших іншу свого своєї своєму своїй своїм своїми своїх свою такий така таке " +
    "такі такого такої такому такій таким такими таких таку всього всієї всьому всім всіх всіма всю є являється " +
    "являються того тому тим тієї тій ту тих тими будь само ніж " +
    // The year of every date ("3 грудня 2024 року"): its stem is рок's, rock.
    "рік року році роки років роком",
  // "wurde" read as Würde (dignity), "schon" as schön, "gab" as knack, "meisten" as Meister.
  de: "wurde wurden würde würden gab gaben schon denen ab meisten sollte sollten",
};

// Words Snowball keeps that read as English features with another meaning.
const FALSE_FRIENDS: Record<string, string[]> = {
  fr: ["premier", "première", "premiers", "premières", "fait", "faite", "faits", "plus", "tout", "toute", "toutes", "tous"],
  es: ["primer", "primera", "primeros", "primeras"],
  pt: ["primeiro", "primeira", "primeiros", "primeiras"],
  de: [],
  ru: [],
  uk: [],
};

const LISTS: Record<string, readonly string[]> = { de, es, fr, pt, ru, uk };
const sets = new Map<string, ReadonlySet<string>>();

/** The function words of a language other than English (an ISO 639-1 code, lower case), or undefined where none are known. */
export function foreignStopwords(code: string): ReadonlySet<string> | undefined {
  const list = LISTS[code];
  if (!list) return undefined;
  let s = sets.get(code);
  if (!s) sets.set(code, (s = new Set([...list, ...(FALSE_FRIENDS[code] ?? []), ...(FORMS[code]?.split(" ") ?? [])].map((w) => w.toLowerCase()))));
  return s;
}
