// Small real-shaped feeds built in code, for tests that need a variant of one item.
export interface FeedItem {
  guid: string;
  title?: string;
  body?: string;
  pubDate?: string;
  /** Raw XML put in place of the item, for broken items. */
  raw?: string;
}

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

export function rss(channel: string, items: FeedItem[]): string {
  const body = items
    .map((i) =>
      i.raw ??
      `    <item>
      <guid isPermaLink="false">${esc(i.guid)}</guid>
      ${i.title !== undefined ? `<title>${esc(i.title)}</title>` : ""}
      <link>https://example.org/${encodeURIComponent(i.guid)}</link>
      ${i.pubDate ? `<pubDate>${i.pubDate}</pubDate>` : ""}
      ${i.body !== undefined ? `<description>${esc(i.body)}</description>` : ""}
    </item>`,
    )
    .join("\n");
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0">
  <channel>
    <title>${esc(channel)}</title>
    <link>https://example.org/</link>
    <description>Test feed</description>
    <language>en</language>
${body}
  </channel>
</rss>
`;
}

export const bytes = (s: string) => new TextEncoder().encode(s);
