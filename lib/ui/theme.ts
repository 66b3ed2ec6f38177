// The colour theme: the system's, or light or dark as chosen in the top bar
// and remembered in this browser. The page is dark when <html> has the class
// "dark" (Tailwind's dark variant, app/globals.css); the head script
// (theme-script.ts) sets it before the first paint, the toggle afterwards.
import { useLayoutEffect, useSyncExternalStore } from "react";
import { SYSTEM_DARK, THEME_KEY as KEY, type ThemeChoice } from "./theme-script";

export type { ThemeChoice };
export const THEME_CHOICES: readonly ThemeChoice[] = ["system", "light", "dark"];

function read(): ThemeChoice {
  try {
    const v = localStorage.getItem(KEY);
    return v === "light" || v === "dark" ? v : "system";
  } catch {
    return "system";
  }
}

function apply(choice: ThemeChoice) {
  const dark = choice === "dark" || (choice === "system" && window.matchMedia(SYSTEM_DARK).matches);
  document.documentElement.classList.toggle("dark", dark);
}

const listeners = new Set<() => void>();

export function setTheme(choice: ThemeChoice) {
  try {
    if (choice === "system") localStorage.removeItem(KEY);
    else localStorage.setItem(KEY, choice);
  } catch {
    // Not remembered, but still applied to this page.
  }
  apply(choice);
  listeners.forEach((l) => l());
}

function subscribe(onChange: () => void) {
  listeners.add(onChange);
  // Following the system: its changes apply at once. Another tab's choice too.
  const system = window.matchMedia(SYSTEM_DARK);
  const onSystem = () => read() === "system" && apply("system");
  const onStorage = (e: StorageEvent) => {
    if (e.key !== KEY) return;
    apply(read());
    onChange();
  };
  system.addEventListener("change", onSystem);
  window.addEventListener("storage", onStorage);
  return () => {
    listeners.delete(onChange);
    system.removeEventListener("change", onSystem);
    window.removeEventListener("storage", onStorage);
  };
}

/** The choice made in this browser ("system" on the server, where it is not known). */
export function useThemeChoice(): ThemeChoice {
  // A page Next renders in the browser from scratch (a not-found page comes as an empty
  // shell) never ran the head script: apply the choice before that page is first painted.
  useLayoutEffect(() => apply(read()), []);
  return useSyncExternalStore(subscribe, read, () => "system");
}

function subscribeClass(onChange: () => void) {
  const o = new MutationObserver(onChange);
  o.observe(document.documentElement, { attributes: true, attributeFilter: ["class"] });
  return () => o.disconnect();
}

/** Whether the page is dark now, for what Tailwind classes cannot colour (SVG charts). */
export function useDark(): boolean {
  return useSyncExternalStore(subscribeClass, () => document.documentElement.classList.contains("dark"), () => false);
}
