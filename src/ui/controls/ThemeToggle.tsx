import { setTheme, type ThemeChoice, useAppStore } from '../../store';

const NEXT: Record<ThemeChoice, ThemeChoice> = { system: 'light', light: 'dark', dark: 'system' };
const LABEL: Record<ThemeChoice, string> = { system: 'Auto', light: 'Light', dark: 'Dark' };
const ICON: Record<ThemeChoice, string> = { system: '◐', light: '☀', dark: '☾' };

/** Cycles the theme: follow the system → light → dark. */
export function ThemeToggle() {
  const theme = useAppStore((s) => s.theme);
  return (
    <button
      type="button"
      onClick={() => setTheme(NEXT[theme])}
      className="btn btn-secondary inline-flex items-center gap-1.5 rounded-md px-2.5 py-1.5 text-sm"
      aria-label={`Theme: ${LABEL[theme]} (switch to ${LABEL[NEXT[theme]]})`}
    >
      <span aria-hidden="true">{ICON[theme]}</span>
      <span className="max-[1499px]:sr-only">{LABEL[theme]}</span>
    </button>
  );
}
