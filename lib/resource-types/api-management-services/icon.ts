import { PlugConnectedRegular } from '@fluentui/react-icons';

/** The type's icon in the table (browser only: Fluent's icons style themselves when they load). */
export const icon = PlugConnectedRegular;
