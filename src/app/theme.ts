import { useEffect } from 'react';
import { setTheme, type ThemeChoice, useAppStore } from '../store';

const KEY = 'ecmp-theme';

/** Applies the theme choice as `data-theme` on <html> and remembers it. Renders nothing. */
export function ThemeChoiceEffect(): null {
  const theme = useAppStore((s) => s.theme);
  useEffect(() => {
    const saved = safeGet();
    if (saved === 'light' || saved === 'dark') setTheme(saved);
  }, []);
  useEffect(() => {
    const root = document.documentElement;
    if (theme === 'system') delete root.dataset.theme;
    else root.dataset.theme = theme;
    safeSet(theme);
  }, [theme]);
  return null;
}

function safeGet(): string | null {
  try {
    return localStorage.getItem(KEY);
  } catch {
    return null;
  }
}

function safeSet(theme: ThemeChoice): void {
  try {
    localStorage.setItem(KEY, theme);
  } catch {
    // Storage can be unavailable (private mode, file://); the choice just is not remembered.
  }
}
