// The desk's keyboard shortcuts, by page: what "?" lists and what the command
// palette offers. Page actions run by the same key handlers the pages bind.

export interface Shortcut {
  key: string;
  label: string;
  /** Shown for help only (movement), not offered as a palette action. */
  helpOnly?: boolean;
}

const everywhere: Shortcut[] = [
  { key: "Ctrl+K", label: "command palette", helpOnly: true },
  { key: "?", label: "show or hide these keys", helpOnly: true },
];

const queue: Shortcut[] = [
  { key: "j", label: "next article", helpOnly: true },
  { key: "k", label: "previous article", helpOnly: true },
  { key: "Enter", label: "open the article", helpOnly: true },
  { key: "o", label: "show or hide the story's copies (also → and ←)" },
  { key: "x", label: "select or unselect the story" },
  { key: "e", label: "mark reviewed (the selection, or the story with all its copies)" },
  { key: "#", label: "spike (the selection, or the story with all its copies)" },
  { key: "u", label: "reopen (the selection, or the story with all its copies)" },
  { key: "a", label: "accept the confident tag suggestions" },
  { key: "t", label: "tag the article" },
  { key: "d", label: "the article's duplicates" },
  { key: "/", label: "search" },
  { key: "Escape", label: "clear the selection", helpOnly: true },
];

const article: Shortcut[] = [
  { key: "e", label: "mark reviewed" },
  { key: "#", label: "spike" },
  { key: "u", label: "reopen" },
  { key: "a", label: "accept the confident tag suggestions" },
  { key: "t", label: "add a tag" },
  { key: "d", label: "the duplicates of this article" },
];

const links: Shortcut[] = [
  { key: "j", label: "next pair", helpOnly: true },
  { key: "k", label: "previous pair", helpOnly: true },
  { key: "Enter", label: "open the pair", helpOnly: true },
];

const link: Shortcut[] = [
  { key: "c", label: "confirm the duplicate, then the next open pair" },
  { key: "n", label: "not a duplicate, then the next open pair" },
  { key: "u", label: "reopen the decision" },
  { key: "j", label: "next pair (also ])", helpOnly: true },
  { key: "k", label: "previous pair (also [)", helpOnly: true },
  { key: "Escape", label: "back to the duplicates", helpOnly: true },
];

export function shortcutsFor(pathname: string): { page: string; keys: Shortcut[] } {
  if (pathname === "/") return { page: "Queue", keys: [...queue, ...everywhere] };
  if (/^\/articles\/\d+/.test(pathname)) return { page: "Article", keys: [...article, ...everywhere] };
  if (/^\/duplicates\/\d+/.test(pathname)) return { page: "Duplicate", keys: [...link, ...everywhere] };
  if (pathname === "/duplicates") return { page: "Duplicates", keys: [...links, ...everywhere] };
  return { page: "Desk", keys: everywhere };
}

/** Runs a page action as if its key had been pressed. */
export function pressKey(key: string) {
  window.dispatchEvent(new KeyboardEvent("keydown", { key, bubbles: true, cancelable: true }));
}
