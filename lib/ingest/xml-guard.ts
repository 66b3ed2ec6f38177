import { IngestInputError } from "./types";

// Guards XML before any parser sees it. Pure: no I/O.

/**
 * The text with comments and CDATA sections blanked to spaces (newlines kept),
 * so markup can be searched by position without matching quoted content.
 */
export function maskXmlLiterals(text: string): string {
  return text.replace(/<!--[\s\S]*?(?:-->|$)|<!\[CDATA\[[\s\S]*?(?:\]\]>|$)/g, (m) =>
    m.replace(/[^\n]/g, " "),
  );
}

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
