import { createElement } from 'react';
import type { FluentIcon } from '@fluentui/react-icons';
import { icon as apiManagementServices } from './api-management-services/icon';
import { icon as appConfigurationStores } from './app-configuration-stores/icon';
import { icon as cognitiveAccounts } from './cognitive-accounts/icon';
import { icon as keyVaults } from './key-vaults/icon';
import { icon as storageAccounts } from './storage-accounts/icon';
import * as definitions from './definitions';

/**
 * Each type's icon, by registry id: kept apart from the definitions because Fluent's icons create their styles
 * when their module loads, which only the browser may do (the server actions import the definitions).
 */
const ICONS: Record<string, FluentIcon> = {
  [definitions.cognitiveAccounts.id]: cognitiveAccounts,
  [definitions.keyVaults.id]: keyVaults,
  [definitions.storageAccounts.id]: storageAccounts,
  [definitions.appConfigurationStores.id]: appConfigurationStores,
  [definitions.apiManagementServices.id]: apiManagementServices,
};

export const typeIconOf = (id: string): FluentIcon | undefined => ICONS[id];

/** A row's type icon (nothing for a type without one); decorative: the type's name is next to it. */
export function TypeIcon(props: { type: string; className?: string }) {
  const icon = typeIconOf(props.type);
  return icon ? createElement(icon, { 'aria-hidden': true, className: props.className }) : null;
}
