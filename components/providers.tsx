'use client';

import { useState, type ReactNode } from 'react';
import {
  FluentProvider,
  makeStaticStyles,
  makeStyles,
  tokens,
  webDarkTheme,
  webLightTheme,
} from '@fluentui/react-components';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { MsalProvider } from '@azure/msal-react';
import { EventType, PublicClientApplication, type AuthenticationResult } from '@azure/msal-browser';
import { buildMsalConfiguration, type PublicAuthConfig } from '@/lib/auth/msal-config';
import { FluentSsr } from './fluent-ssr';
import type { ThemeChoice } from '@/lib/theme/theme-mode';
import { ThemeChoiceProvider, useThemeChoice } from './theme-context';
import { AuthConfigContext } from './auth-config-context';
import { ToastsProvider } from './toasts';

const useStaticStyles = makeStaticStyles([
  { body: { margin: 0 } },
  // Tabster's focus-redirect sentinels (<i data-tabster-dummy tabindex=0 aria-hidden=true>, around the table's and
  // toolbar's arrow-key groups) catch Tab and hand focus on at once, so focus never rests on them. With no height
  // and no pointer events axe no longer reports them as focusable hidden content (aria-hidden-focus; axe then
  // only asks for a manual review). The keyboard order is unchanged (e2e/keyboard.spec.ts); react-focus-lock
  // styles its focus guards the same way. See microsoft/tabster#288.
  '[data-tabster-dummy]{height:0!important;pointer-events:none!important}',
]);

const useStyles = makeStyles({
  root: {
    minHeight: '100vh',
    backgroundColor: tokens.colorNeutralBackground2,
    color: tokens.colorNeutralForeground1,
  },
});

function ThemedFluent({ children }: { children: ReactNode }) {
  useStaticStyles();
  const styles = useStyles();
  const { resolved } = useThemeChoice();
  return (
    // Layout styles go on an inner element: Fluent copies the provider's className onto every portal node.
    <FluentProvider theme={resolved === 'dark' ? webDarkTheme : webLightTheme}>
      <ToastsProvider>
        <div className={styles.root}>{children}</div>
      </ToastsProvider>
    </FluentProvider>
  );
}

function createMsal(config: PublicAuthConfig): PublicClientApplication {
  const msal = new PublicClientApplication(buildMsalConfiguration(config));
  msal.addEventCallback((event) => {
    if (event.eventType === EventType.LOGIN_SUCCESS && event.payload) {
      msal.setActiveAccount((event.payload as AuthenticationResult).account);
    }
  });
  return msal;
}

export function Providers(props: {
  authConfig: PublicAuthConfig;
  initialTheme: ThemeChoice;
  initialSystemDark: boolean;
  children: ReactNode;
}) {
  const [queryClient] = useState(
    () => new QueryClient({ defaultOptions: { queries: { staleTime: 30_000, refetchOnWindowFocus: false } } }),
  );
  const [msal] = useState(() => createMsal(props.authConfig));

  return (
    <FluentSsr>
        <ThemeChoiceProvider initialChoice={props.initialTheme} initialSystemDark={props.initialSystemDark}>
          <ThemedFluent>
            <AuthConfigContext.Provider value={props.authConfig}>
              <MsalProvider instance={msal}>
                <QueryClientProvider client={queryClient}>{props.children}</QueryClientProvider>
              </MsalProvider>
            </AuthConfigContext.Provider>
          </ThemedFluent>
        </ThemeChoiceProvider>
    </FluentSsr>
  );
}
