'use client';

import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { resolveTheme, THEME_COOKIE, type ResolvedTheme, type ThemeChoice } from '@/lib/theme/theme-mode';

interface ThemeState {
  choice: ThemeChoice;
  resolved: ResolvedTheme;
  setChoice(choice: ThemeChoice): void;
}

const ThemeContext = createContext<ThemeState | undefined>(undefined);
const DARK_QUERY = '(prefers-color-scheme: dark)';

export function ThemeChoiceProvider(props: {
  initialChoice: ThemeChoice;
  initialSystemDark: boolean;
  children: ReactNode;
}) {
  const [choice, setChoiceState] = useState(props.initialChoice);
  const [systemDark, setSystemDark] = useState(props.initialSystemDark);

  useEffect(() => {
    const query = window.matchMedia(DARK_QUERY);
    const update = () => setSystemDark(query.matches);
    update();
    query.addEventListener('change', update);
    return () => query.removeEventListener('change', update);
  }, []);

  const setChoice = useCallback((next: ThemeChoice) => {
    setChoiceState(next);
    document.cookie =
      next === 'system'
        ? `${THEME_COOKIE}=; path=/; max-age=0; samesite=lax`
        : `${THEME_COOKIE}=${next}; path=/; max-age=31536000; samesite=lax`;
  }, []);

  const value = useMemo(
    () => ({ choice, resolved: resolveTheme(choice, systemDark), setChoice }),
    [choice, systemDark, setChoice],
  );
  return <ThemeContext.Provider value={value}>{props.children}</ThemeContext.Provider>;
}

export function useThemeChoice(): ThemeState {
  const state = useContext(ThemeContext);
  if (!state) throw new Error('useThemeChoice must be used inside ThemeChoiceProvider');
  return state;
}
