'use client';

import { useCallback, useEffect, useState } from 'react';
import { Button, Link, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { useAuthConfig } from './auth-config-context';

type CheckState = 'checking' | 'trusted' | 'untrusted';

/**
 * Local mode only: a fresh browser does not trust the local sign-in service's certificate, and sign-in
 * would fail with a bare network error. Reading its discovery document tells us before the person tries.
 */
export function CertificateCheck() {
  const { localCertificate } = useAuthConfig();
  const [state, setState] = useState<CheckState>('checking');

  const probe = useCallback(async (): Promise<CheckState> => {
    if (!localCertificate) return 'trusted';
    try {
      const response = await fetch(localCertificate.discoveryUrl, { cache: 'no-store' });
      return response.ok ? 'trusted' : 'untrusted';
    } catch {
      return 'untrusted';
    }
  }, [localCertificate]);

  const check = useCallback(() => {
    setState('checking');
    void probe().then(setState);
  }, [probe]);

  useEffect(() => {
    // Runs once on mount and again whenever the person returns to this tab after accepting the certificate.
    let active = true;
    const update = () => void probe().then((next) => active && setState(next));
    update();
    window.addEventListener('focus', update);
    return () => {
      active = false;
      window.removeEventListener('focus', update);
    };
  }, [probe]);

  if (!localCertificate || state !== 'untrusted') return null;
  return (
    <MessageBar intent="warning" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>Your browser does not trust the local sign-in service yet</MessageBarTitle>
        One step: open{' '}
        <Link href={localCertificate.discoveryUrl} target="_blank" rel="noopener noreferrer">
          {localCertificate.authorityOrigin}
        </Link>{' '}
        in a new tab, accept the certificate warning (Advanced → Proceed), then come back here. Or trust the
        local certificate authority <code>{localCertificate.caPath}</code> in your system once. If the page does
        not open at all, start the local stand-ins with <code>npm start</code>.
      </MessageBarBody>
      <MessageBarActions>
        <Button onClick={check}>Check again</Button>
      </MessageBarActions>
    </MessageBar>
  );
}
