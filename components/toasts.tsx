'use client';

import { createContext, useCallback, useContext, useRef, useState, type ReactNode } from 'react';
import dynamic from 'next/dynamic';
import type { ToastIntent } from '@fluentui/react-components';

export interface ToastMessage {
  title: string;
  body?: string;
  intent: ToastIntent;
}

export interface QueuedToast extends ToastMessage {
  id: number;
}

// The Toaster and its toasts are code for the first result, not for the first paint: loaded with the first toast
// (or earlier, when an action that ends in one starts).
const loadAppToaster = () => import('./app-toaster').then((module) => module.AppToaster);
const AppToaster = dynamic(loadAppToaster, { ssr: false });

/** Fetches the Toaster's code ahead of the first toast, so that toast shows together with the result. */
export function preloadToaster(): void {
  void loadAppToaster();
}

const ShowToastContext = createContext<((toast: ToastMessage) => void) | undefined>(undefined);

/** The app's one Toaster, mounted when the first toast is shown. */
export function ToastsProvider(props: { children: ReactNode }) {
  const [queued, setQueued] = useState<QueuedToast[]>([]);
  const [started, setStarted] = useState(false);
  const nextId = useRef(0);
  const show = useCallback((toast: ToastMessage) => {
    const id = nextId.current++;
    setStarted(true);
    setQueued((current) => [...current, { ...toast, id }]);
  }, []);
  const onShown = useCallback((ids: ReadonlySet<number>) => setQueued((current) => current.filter((toast) => !ids.has(toast.id))), []);
  return (
    <ShowToastContext.Provider value={show}>
      {props.children}
      {started ? <AppToaster queued={queued} onShown={onShown} /> : null}
    </ShowToastContext.Provider>
  );
}

export function useShowToast(): (toast: ToastMessage) => void {
  const show = useContext(ShowToastContext);
  if (!show) throw new Error('useShowToast must be used inside ToastsProvider');
  return show;
}
