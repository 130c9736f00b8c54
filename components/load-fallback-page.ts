/**
 * The fallback page's code, loaded only when something fails. One loader for the error boundary and for the
 * view's preload: an action that starts fetches it, so a page whose server dies mid-action can still show it.
 */
export const loadFallbackPage = () => import('./fallback-page');
