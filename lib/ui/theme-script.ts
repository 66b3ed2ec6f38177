// The part of the colour theme the server needs (no React here, so the root
// layout, a server component, can import it): where the choice is kept, and
// the script that applies it in <head> before the first paint.

export type ThemeChoice = "system" | "light" | "dark";

export const THEME_KEY = "wiredesk-theme";
export const SYSTEM_DARK = "(prefers-color-scheme: dark)";

/** Inline in <head>, with the page's nonce: no flash of the wrong theme. Storage may be blocked; then the system decides. */
export const themeScript = `(function(){var c=null;try{c=localStorage.getItem(${JSON.stringify(THEME_KEY)})}catch(e){}var d=c==="dark"||(c!=="light"&&matchMedia(${JSON.stringify(SYSTEM_DARK)}).matches);document.documentElement.classList.toggle("dark",d)})()`;
