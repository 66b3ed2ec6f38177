// The desk's keyboard shortcuts, by page: what "?" lists and what the command
// palette offers. Page actions run by the same key handlers the pages bind.

export interface Shortcut {
  key: string;
  label: string;
  /** Shown for help only (movement), not offered as a palette action. */
  helpOnly?: boolean;
  /** Changes the story: editors and admins only. */
  edits?: boolean;
  /** Offered only when the current story's status is not this one (no "reopen" on a new story). */
  unless?: string;
}

const everywhere: Shortcut[] = [
  { key: "z", label: "undo the last action", edits: true },
  { key: "Ctrl+K", label: "command palette", helpOnly: true },
  { key: "?", label: "show or hide these keys", helpOnly: true },
];

const queue: Shortcut[] = [
  { key: "j", label: "next story", helpOnly: true },
  { key: "k", label: "previous story", helpOnly: true },
  { key: "Enter", label: "open the story's full page", helpOnly: true },
  { key: "o", label: "show or hide the story's copies (also → and ←)" },
  { key: "x", label: "select or unselect the story", edits: true },
  { key: "e", label: "mark reviewed (the selection, or the story with all its copies)", edits: true, unless: "reviewed" },
  { key: "#", label: "spike (the selection, or the story with all its copies)", edits: true, unless: "spiked" },
  { key: "u", label: "reopen (the selection, or the story with all its copies)", edits: true, unless: "new" },
  { key: "a", label: "accept the confident tag suggestions", edits: true },
  { key: "t", label: "add a tag to the story", edits: true },
  { key: "d", label: "the story's duplicates" },
  { key: "/", label: "search" },
  { key: "Escape", label: "clear the selection; leave the search box", helpOnly: true },
];

const article: Shortcut[] = [
  { key: "j", label: "next story in the queue (also ])", helpOnly: true },
  { key: "k", label: "previous story in the queue (also [)", helpOnly: true },
  { key: "e", label: "mark reviewed", edits: true, unless: "reviewed" },
  { key: "#", label: "spike", edits: true, unless: "spiked" },
  { key: "u", label: "reopen", edits: true, unless: "new" },
  { key: "a", label: "accept the confident tag suggestions", edits: true },
  { key: "t", label: "add a tag", edits: true },
  { key: "d", label: "the duplicates of this article" },
  { key: "Escape", label: "back to the queue, at the same place", helpOnly: true },
];

const links: Shortcut[] = [
  { key: "j", label: "next pair", helpOnly: true },
  { key: "k", label: "previous pair", helpOnly: true },
  { key: "Enter", label: "open the pair", helpOnly: true },
];

const link: Shortcut[] = [
  { key: "c", label: "confirm the duplicate, then the next open pair", edits: true, unless: "confirmed" },
  { key: "n", label: "not a duplicate, then the next open pair", edits: true, unless: "dismissed" },
  { key: "u", label: "reopen the decision", edits: true, unless: "open" },
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
