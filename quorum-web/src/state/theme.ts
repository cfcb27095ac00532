import { createContext, useEffect, useState } from 'react';

export type ThemeChoice = 'system' | 'light' | 'dark';
export type Theme = 'light' | 'dark';

const STORAGE_KEY = 'quorum.theme';
const PREFERS_LIGHT = '(prefers-color-scheme: light)';

/** The theme drawn: the user's choice, or the system's when they chose none. */
export function resolveTheme(choice: ThemeChoice, systemPrefersLight: boolean): Theme {
  if (choice !== 'system') return choice;
  return systemPrefersLight ? 'light' : 'dark';
}

export function storedThemeChoice(storage: Storage = window.localStorage): ThemeChoice {
  const stored = storage.getItem(STORAGE_KEY);
  return stored === 'light' || stored === 'dark' ? stored : 'system';
}

/** The theme drawn now, for what CSS cannot colour (the charts' canvases). */
export const ThemeContext = createContext<Theme>('dark');

/**
 * The user's theme choice (kept for the browser), and the theme it resolves to, which follows the
 * system's setting as it changes while the choice is "system". The page's root carries it as
 * `data-theme`, which the style sheet reads.
 */
export function useTheme(): { choice: ThemeChoice; choose: (choice: ThemeChoice) => void; theme: Theme } {
  const [choice, setChoice] = useState<ThemeChoice>(() => storedThemeChoice());
  const [systemPrefersLight, setSystemPrefersLight] = useState(() => window.matchMedia?.(PREFERS_LIGHT).matches ?? false);

  useEffect(() => {
    const query = window.matchMedia?.(PREFERS_LIGHT);
    if (!query) return;
    const listener = (event: MediaQueryListEvent) => setSystemPrefersLight(event.matches);
    query.addEventListener('change', listener);
    return () => query.removeEventListener('change', listener);
  }, []);

  const theme = resolveTheme(choice, systemPrefersLight);
  useEffect(() => {
    document.documentElement.dataset.theme = theme;
  }, [theme]);

  const choose = (next: ThemeChoice) => {
    if (next === 'system') window.localStorage.removeItem(STORAGE_KEY);
    else window.localStorage.setItem(STORAGE_KEY, next);
    setChoice(next);
  };
  return { choice, choose, theme };
}
