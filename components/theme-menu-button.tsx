'use client';

import { useState } from 'react';
import dynamic from 'next/dynamic';
import { Button } from '@fluentui/react-components';
import { THEME_LABELS } from '@/lib/theme/theme-mode';
import { useThemeChoice } from './theme-context';

const loadThemeMenu = () => import('./theme-menu').then((module) => module.ThemeMenu);

/** The theme button as the server renders it and as it looks until its menu is first wanted. */
function ThemeButton(props: { onOpen?: () => void }) {
  const { choice } = useThemeChoice();
  const preload = () => void loadThemeMenu();
  return (
    <Button
      appearance="subtle"
      aria-haspopup="menu"
      aria-expanded={false}
      onPointerEnter={preload}
      onFocus={preload}
      onClick={props.onOpen}
      // Fluent's menu trigger opens on ArrowDown as well.
      onKeyDown={(event) => {
        if (event.key !== 'ArrowDown' || !props.onOpen) return;
        event.preventDefault();
        props.onOpen();
      }}
    >
      Theme: {THEME_LABELS[choice]}
    </Button>
  );
}

// The menu (and its popover positioning) is code nobody needs to see the list: it loads on first use.
const ThemeMenu = dynamic(loadThemeMenu, { ssr: false, loading: () => <ThemeButton /> });

/** Light / dark switch: a plain button until first opened, then the Fluent menu, opened where it was asked. */
export function ThemeMenuButton() {
  const [wanted, setWanted] = useState(false);
  return wanted ? <ThemeMenu defaultOpen /> : <ThemeButton onOpen={() => setWanted(true)} />;
}
