'use client';

import { useEffect, useRef } from 'react';
import { Toast, ToastBody, Toaster, ToastTitle, useToastController } from '@fluentui/react-components';
import type { QueuedToast } from './toasts';

const APP_TOASTER_ID = 'app-toaster';

/** The app's one Toaster (loaded with the first toast); shows the toasts queued while it loaded, and later ones. */
export function AppToaster(props: { queued: QueuedToast[]; onShown: (ids: ReadonlySet<number>) => void }) {
  const { queued, onShown } = props;
  const { dispatchToast } = useToastController(APP_TOASTER_ID);
  // A toast is dispatched once, even when an effect runs twice (Strict Mode) before the queue is emptied.
  const dispatched = useRef(new Set<number>());
  // The Toaster below listens from its own effect, which runs before this one.
  useEffect(() => {
    const fresh = queued.filter((toast) => !dispatched.current.has(toast.id));
    for (const toast of fresh) {
      dispatched.current.add(toast.id);
      dispatchToast(
        <Toast>
          <ToastTitle>{toast.title}</ToastTitle>
          {toast.body ? <ToastBody>{toast.body}</ToastBody> : null}
        </Toast>,
        { intent: toast.intent },
      );
    }
    if (queued.length > 0) onShown(new Set(queued.map((toast) => toast.id)));
  }, [queued, dispatchToast, onShown]);
  return <Toaster toasterId={APP_TOASTER_ID} position="bottom-end" pauseOnHover />;
}
