'use client';

import { createContext, useContext } from 'react';
import type { PublicAuthConfig } from '@/lib/auth/msal-config';

export const AuthConfigContext = createContext<PublicAuthConfig | undefined>(undefined);

export function useAuthConfig(): PublicAuthConfig {
  const config = useContext(AuthConfigContext);
  if (!config) throw new Error('useAuthConfig must be used inside Providers');
  return config;
}
