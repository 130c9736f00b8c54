'use client';

import { useRef, useState, type ReactNode } from 'react';
import { useServerInsertedHTML } from 'next/navigation';
import { createDOMRenderer, RendererProvider, renderToStyleElements, SSRProvider } from '@fluentui/react-components';

/** Fluent UI (Griffel) collects the styles of the server render and hands them over before hydration. */
export function FluentSsr({ children }: { children: ReactNode }) {
  const [renderer] = useState(() => createDOMRenderer());
  const stylesInserted = useRef(false);
  useServerInsertedHTML(() => {
    if (stylesInserted.current) return null;
    stylesInserted.current = true;
    return <>{renderToStyleElements(renderer)}</>;
  });
  return (
    <RendererProvider renderer={renderer}>
      <SSRProvider>{children}</SSRProvider>
    </RendererProvider>
  );
}
