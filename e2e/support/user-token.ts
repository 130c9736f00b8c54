import type { Page } from '@playwright/test';

/**
 * The ARM access token MSAL got for the person signed in on `page`, as the page sends it to its server actions
 * (their arguments carry it): the tests act in ARM as that person, e.g. to delete a resource as a demo user.
 * Resolves with the first one sent after the call.
 */
export function nextUserToken(page: Page): Promise<string> {
  return new Promise((resolve) => {
    const onRequest = (request: import('@playwright/test').Request) => {
      if (request.method() !== 'POST' || !request.headers()['next-action']) return;
      const token = /"token":"([\w-]+\.[\w-]+\.[\w-]*)"/.exec(request.postData() ?? '')?.[1];
      if (!token) return;
      page.off('request', onRequest);
      resolve(token);
    };
    page.on('request', onRequest);
  });
}
