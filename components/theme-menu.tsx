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
import { THEME_LABELS, type ThemeChoice } from '@/lib/theme/theme-mode';

/**
 * Light / dark switch; "System" follows the operating system's setting. Loaded on first use by
 * ThemeMenuButton, which mounts it open (`defaultOpen`) when the person asked for it.
 */
export function ThemeMenu(props: { defaultOpen?: boolean }) {
  const { choice, setChoice } = useThemeChoice();
  const onCheckedValueChange: MenuProps['onCheckedValueChange'] = (_event, data) => {
    const next = data.checkedItems[0];
    if (next === 'system' || next === 'light' || next === 'dark') setChoice(next);
  };
  return (
    <Menu checkedValues={{ theme: [choice] }} onCheckedValueChange={onCheckedValueChange} defaultOpen={props.defaultOpen}>
      <MenuTrigger disableButtonEnhancement>
        <Button appearance="subtle">Theme: {THEME_LABELS[choice]}</Button>
      </MenuTrigger>
      <MenuPopover>
        <MenuList>
          {(Object.keys(THEME_LABELS) as ThemeChoice[]).map((value) => (
            <MenuItemRadio key={value} name="theme" value={value}>
              {THEME_LABELS[value]}
            </MenuItemRadio>
          ))}
        </MenuList>
      </MenuPopover>
    </Menu>
  );
}
