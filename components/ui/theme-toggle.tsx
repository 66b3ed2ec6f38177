"use client";

import { setTheme, THEME_CHOICES, useThemeChoice, type ThemeChoice } from "@/lib/ui/theme";

const LOOK: Record<ThemeChoice, { icon: string; label: string }> = {
  system: { icon: "◐", label: "System theme" },
  light: { icon: "☀", label: "Light theme" },
  dark: { icon: "☾", label: "Dark theme" },
};

/** System, light or dark: three pressed-or-not buttons, the choice remembered in this browser. */
export function ThemeToggle() {
  const choice = useThemeChoice();
  return (
    <div role="group" aria-label="Colour theme" className="flex rounded border border-stone-300 text-xs dark:border-stone-700" data-testid="theme-toggle">
      {THEME_CHOICES.map((c) => (
        <button
          key={c}
          type="button"
          aria-pressed={choice === c}
          aria-label={LOOK[c].label}
          title={LOOK[c].label}
          onClick={() => setTheme(c)}
          className="px-1.5 py-0.5 first:rounded-l last:rounded-r hover:bg-stone-100 focus-visible:outline-2 focus-visible:outline-blue-600 aria-pressed:bg-stone-800 aria-pressed:text-white dark:hover:bg-stone-800 dark:aria-pressed:bg-stone-200 dark:aria-pressed:text-stone-900"
        >
          <span aria-hidden="true">{LOOK[c].icon}</span>
        </button>
      ))}
    </div>
  );
}
