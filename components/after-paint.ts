'use client';

import { startTransition, useEffect, useState } from 'react';

/**
 * Runs `callback` at the first moment after the next frame is painted (a task queued from
 * requestAnimationFrame); returns what cancels it.
 */
export function afterNextPaint(callback: () => void): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const frame = requestAnimationFrame(() => {
    timer = setTimeout(callback, 0);
  });
  return () => {
    cancelAnimationFrame(frame);
    clearTimeout(timer);
  };
}

/**
 * `value` once a frame has been painted since it changed (`initial` before the first), as a transition: for
 * work over every row that the first paint of new rows need not wait for. React's own useDeferredValue runs its
 * deferred render before the browser paints, so 20,000 rows' worth of it would delay that paint.
 */
export function useValueAfterPaint<T>(value: T, initial: T): T {
  const [painted, setPainted] = useState<{ value: T }>({ value: initial });
  useEffect(() => {
    if (Object.is(painted.value, value)) return;
    return afterNextPaint(() => startTransition(() => setPainted({ value })));
  }, [value, painted]);
  return painted.value;
}
