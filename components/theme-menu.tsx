'use client';

import {
  Button,
  Menu,
  MenuItemRadio,
  MenuList,
  MenuPopover,
  MenuTrigger,
  type MenuProps,
} from '@fluentui/react-components';
import { useThemeChoice } from './theme-context';
import type { ThemeChoice } from '@/lib/theme/theme-mode';

const LABELS: Record<ThemeChoice, string> = { system: 'System', light: 'Light', dark: 'Dark' };

/** Light / dark switch; "System" follows the operating system's setting. */
export function ThemeMenu() {
  const { choice, setChoice } = useThemeChoice();
  const onCheckedValueChange: MenuProps['onCheckedValueChange'] = (_event, data) => {
    const next = data.checkedItems[0];
    if (next === 'system' || next === 'light' || next === 'dark') setChoice(next);
  };
  return (
    <Menu checkedValues={{ theme: [choice] }} onCheckedValueChange={onCheckedValueChange}>
      <MenuTrigger disableButtonEnhancement>
        <Button appearance="subtle">Theme: {LABELS[choice]}</Button>
      </MenuTrigger>
      <MenuPopover>
        <MenuList>
          {(Object.keys(LABELS) as ThemeChoice[]).map((value) => (
            <MenuItemRadio key={value} name="theme" value={value}>
              {LABELS[value]}
            </MenuItemRadio>
          ))}
        </MenuList>
      </MenuPopover>
    </Menu>
  );
}
