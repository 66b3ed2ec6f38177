import { IngestInputError } from "./types";

// Guards XML before any parser sees it. Pure: no I/O.

/**
 * The text with comments and CDATA sections blanked to spaces (newlines kept),
 * so markup can be searched by position without matching quoted content.
 */
export function maskXmlLiterals(text: string): string {
  return text.replace(/<!--[\s\S]*?(?:-->|$)|<!\[CDATA\[[\s\S]*?(?:\]\]>|$)/g, blank);
}

// Not m.replace(/[^\n]/g, " "): V8 built that as a rope of one node (32 bytes)
// per character, so a 10 MiB feed of CDATA bodies held 240 MiB of ropes while
// it was read. Runs of spaces made by repeat() and joined are flat.
const blank = (m: string): string => (m.includes("\n") ? m.split("\n").map((line) => " ".repeat(line.length)).join("\n") : " ".repeat(m.length));

/**
 * Refuses XML that declares entities or carries a DTD internal subset: those
 * are how billion-laughs expansion and external-entity reads get in.
 * A bare `<!DOCTYPE rss>` or a public DTD reference is harmless and allowed.
 */
export function assertSafeXml(text: string, name: string): void {
  // Cheap pre-check: most feeds never mention either keyword.
  if (!/<!(?:ENTITY|DOCTYPE)/i.test(text)) return;
  const markup = maskXmlLiterals(text);
  if (/<!ENTITY/i.test(markup)) {
    throw new IngestInputError(name, "XML entity declarations are not allowed (entity expansion)");
  }
  if (/<!DOCTYPE[^>[]*\[/i.test(markup)) {
    throw new IngestInputError(
      name,
      "XML DOCTYPE with an internal subset is not allowed (entity expansion)",
    );
  }
}
