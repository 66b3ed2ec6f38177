import { describe, expect, it } from "vitest";

import { parseHtmlPage, stripSiteSuffix } from "../../../lib/ingest/html";
import { htmlToText, sanitizeBodyHtml } from "../../../lib/ingest/sanitize";
import { fixtureText, opts } from "./helpers";

describe("parseHtmlPage on an article page", () => {
  const result = parseHtmlPage(fixtureText("article-harbourpost.html"), opts("article-harbourpost.html"));
  const a = result.articles[0];

  it("gives one article and no errors", () => {
    expect(result.format).toBe("html");
    expect(result.errors).toEqual([]);
    expect(result.articles).toHaveLength(1);
  });

  it("reads the page's metadata", () => {
    expect(a).toMatchObject({
      headline: "City council approves cycle lanes on ring road",
      byline: "Priya Raman",
      sourceName: "The Harbour Post",
      language: "en-GB",
      // the relative canonical link resolves against og:url
      url: "https://harbourpost.example/news/2025/05/20/cycle-lanes-ring-road",
      uri: "https://harbourpost.example/news/2025/05/20/cycle-lanes-ring-road",
      firstCreated: new Date("2025-05-20T08:30:00Z"),
    });
  });

  it("separates caption, credit and dateline from the text", () => {
    expect(a?.caption).toBe("Cyclists wait at a junction on the ring road.");
    expect(a?.credit).toBe("AFP");
    expect(a?.dateline).toBe("HARBOURTON");
    expect(a?.bodyText.startsWith("The city council voted on Tuesday")).toBe(true);
    expect(a?.bodyText.split("\n\n")).toHaveLength(5);
    expect(a?.bodyText).not.toContain("Cyclists wait");
    expect(a?.bodyText).not.toContain("20 May 2025");
  });

  it("keeps page chrome and code out of the text", () => {
    for (const junk of ["Home", "Sport", "Copyright", "tracker", "tracking", "alert", "steal", "color: red"]) {
      expect(a?.bodyText).not.toContain(junk);
    }
  });

  it("sanitizes the HTML body", () => {
    const html = a?.bodyHtml ?? "";
    expect(html).toContain("<p>");
    expect(html).toContain('<a href="https://harbourpost.example/maps/ring-road">the consultation report</a>');
    expect(html).toContain("Click to see the map");
    for (const bad of ["<script", "alert", "onclick", "onmouseover", "javascript:", "<iframe", "<style", "<img", "class="]) {
      expect(html).not.toContain(bad);
    }
  });

  it("uses the fetched address for relative links when one is given", () => {
    const fetched = parseHtmlPage(fixtureText("article-harbourpost.html"), opts("page", { baseUrl: "https://mirror.example/a/b" }));
    expect(fetched.articles[0]?.url).toBe("https://mirror.example/news/2025/05/20/cycle-lanes-ring-road");
  });
});

describe("parseHtmlPage fallbacks", () => {
  const paragraphs = Array.from(
    { length: 5 },
    (_, i) => `<p>Paragraph ${i + 1} of a story about the new tram line, which will link the airport with the centre and carry thousands of passengers a day.</p>`,
  ).join("");

  it("takes <title> minus the site suffix, the meta author and the <time> element", () => {
    const html = `<html lang="fr"><head><title>Tram line opens next spring | Le Courrier</title><meta name="author" content="Jean Dupont"></head>
      <body><article><time datetime="2025-04-01T10:00:00+02:00">1 avril</time>${paragraphs}</article></body></html>`;
    const a = parseHtmlPage(html, opts("tram.html", { baseUrl: "https://www.courrier.example/tram" })).articles[0];
    expect(a).toMatchObject({
      headline: "Tram line opens next spring",
      byline: "Jean Dupont",
      language: "fr",
      sourceName: "courrier.example",
      url: "https://www.courrier.example/tram",
      firstCreated: new Date("2025-04-01T08:00:00Z"),
    });
  });

  it("derives a uri from source and headline when the page has no address", () => {
    const html = `<html><head><title>Tram line opens</title></head><body><article>${paragraphs}</article></body></html>`;
    const a = parseHtmlPage(html, opts("tram.html", { defaultSource: "Desk Upload" })).articles[0];
    expect(a?.sourceName).toBe("Desk Upload");
    expect(a?.uri).toMatch(/^urn:wiredesk:desk-upload:/);
    expect(a?.url).toBeUndefined();
  });

  it("reports a page without article text", () => {
    const result = parseHtmlPage("<html><head><title>Login</title></head><body><nav><a href='/'>Home</a></nav><form><input name=q></form></body></html>", opts("empty.html"));
    expect(result.articles).toEqual([]);
    expect(result.errors).toEqual([{ location: "item 1", message: "no article text found" }]);
  });
});

describe("stripSiteSuffix", () => {
  it.each([
    ["Tram line opens | Le Courrier", undefined, "Tram line opens"],
    ["Kenya floods kill 10 - BBC News", undefined, "Kenya floods kill 10"],
    ["Peace talks - what comes next", undefined, "Peace talks - what comes next"],
    ["Markets rally — The Daily Example Times Online", "The Daily Example Times Online", "Markets rally"],
    ["No suffix here", undefined, "No suffix here"],
  ])("%j", (title, site, expected) => {
    expect(stripSiteSuffix(title, site)).toBe(expected);
  });
});

describe("sanitizeBodyHtml", () => {
  it("keeps the story tags and drops everything else", () => {
    const out = sanitizeBodyHtml(
      '<h1>T</h1><div class="x"><p style="color:red">A <strong>b</strong> <em>c</em><br>d</p><ul><li>e</li></ul><blockquote>f</blockquote><figure><img src="x.jpg"><figcaption>g</figcaption></figure><table><tr><td>h</td></tr></table></div>',
    );
    expect(out).toBe("<h2>T</h2><p>A <strong>b</strong> <em>c</em><br />d</p><ul><li>e</li></ul><blockquote>f</blockquote><figure><figcaption>g</figcaption></figure>h");
  });

  it.each([
    '<a href="javascript:alert(1)">x</a>',
    '<a href="JaVaScRiPt:alert(1)">x</a>',
    '<a href="java&#x09;script:alert(1)">x</a>',
    '<a href="  javascript:alert(1)">x</a>',
    '<a href="data:text/html,<script>alert(1)</script>">x</a>',
    '<a href="vbscript:msgbox(1)">x</a>',
    '<a href="//evil.example/x">x</a>',
  ])("removes the dangerous link %s but keeps its text", (html) => {
    expect(sanitizeBodyHtml(`<p>${html}</p>`)).toBe("<p>x</p>");
  });

  it("keeps http(s) and mailto links and resolves relative ones against a base", () => {
    expect(sanitizeBodyHtml('<a href="https://a.example/x" target="_blank" rel="x">a</a>')).toBe('<a href="https://a.example/x">a</a>');
    expect(sanitizeBodyHtml('<a href="mailto:desk@a.example">m</a>')).toBe('<a href="mailto:desk@a.example">m</a>');
    expect(sanitizeBodyHtml('<a href="/news/1">r</a>', { baseUrl: "https://a.example/x/y" })).toBe('<a href="https://a.example/news/1">r</a>');
    expect(sanitizeBodyHtml('<a href="/news/1">r</a>')).toBe("r");
  });

  it("drops scripts, styles, frames and event handlers", () => {
    const out = sanitizeBodyHtml(
      '<p onclick="x()" onmouseover="y()">ok</p><script>bad()</script><style>p{}</style><iframe src="https://x.example">frame text</iframe><svg><text>svg</text></svg><noscript>ns</noscript>',
    );
    expect(out).toBe("<p>ok</p>");
  });
});

describe("htmlToText", () => {
  it("turns blocks into paragraphs and decodes entities", () => {
    expect(htmlToText("<p>One &amp; two</p><p>Caf&eacute; <b>three</b></p><ul><li>four</li><li>five</li></ul>")).toBe(
      "One & two\n\nCafé three\n\nfour\n\nfive",
    );
  });

  it("treats one <br> as a space and two as a paragraph break", () => {
    expect(htmlToText("a<br>b<br><br>c")).toBe("a b\n\nc");
  });

  it("skips code and, unless asked, captions", () => {
    const html = "<figure><figcaption>Caption</figcaption></figure><p>Text</p><script>var x</script><style>p{}</style>";
    expect(htmlToText(html)).toBe("Text");
    expect(htmlToText(html, { keepCaptions: true })).toBe("Caption\n\nText");
  });

  it("passes plain text through with paragraph breaks", () => {
    expect(htmlToText("Line one\n\n\nLine   two")).toBe("Line one\n\nLine two");
  });
});
