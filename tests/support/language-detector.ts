// Loaded before each test file (vitest.config.mts): parseInput, the synchronous
// parser the unit tests use, needs the language detector ready, as ingest has it.
import { loadLanguageDetector } from "../../lib/ingest/language";

await loadLanguageDetector();
