import type { IncomingMessage, ServerResponse } from 'node:http';
import type Provider from 'oidc-provider';
import { errors } from 'oidc-provider';
import { DEMO_PASSWORD } from '../demo-world';
import { armAudiencesIn, armScopesFor } from './arm-resource';
import { checkPassword, DIRECTORY_USERS, type SignInResult } from './directory';
import { RequestBodyError, readForm, sendHtml } from './http';
import { renderMessagePage, renderSignInPage } from './pages';

/**
 * The sign-in page oidc-provider sends people to (`interactions.url`). Login shows the demo users and a
 * username/password form; consent is never asked: the portal and the service principal are the tenant's
 * own apps with admin consent, as in Entra, so every requested permission is granted on the spot.
 */
type InteractionDetails = Awaited<ReturnType<Provider['interactionDetails']>>;

const OIDC_SCOPES = new Set(['openid', 'profile', 'email', 'offline_access']);

const SIGN_IN_ERRORS: Record<Exclude<SignInResult, { ok: true }>['reason'], string> = {
  unknown_user: "We couldn't find an account with that username. Try another, or pick a demo account above.",
  wrong_password: 'Your account or password is incorrect.',
  missing_password: 'Please enter your password.',
};

function stringParam(details: InteractionDetails, name: string): string | undefined {
  const value = details.params[name];
  return typeof value === 'string' ? value : undefined;
}

/** Grants the account everything the authorization request asked for; returns the grant id. */
async function grantRequested(provider: Provider, details: InteractionDetails, accountId: string): Promise<string> {
  const clientId = stringParam(details, 'client_id');
  if (!clientId) throw new Error('Interaction without client_id');
  const existing = details.grantId ? await provider.Grant.find(details.grantId) : undefined;
  const grant =
    existing && existing.accountId === accountId && existing.clientId === clientId
      ? existing
      : new provider.Grant({ accountId, clientId });

  const scope = stringParam(details, 'scope') ?? '';
  const requested = scope.split(' ').filter((value) => value !== '');
  grant.addOIDCScope(requested.filter((value) => OIDC_SCOPES.has(value)));
  for (const audience of armAudiencesIn(scope)) {
    grant.addResourceScope(audience, armScopesFor(audience).filter((value) => requested.includes(value)));
  }
  const missingClaims = details.prompt.details.missingOIDCClaims;
  if (Array.isArray(missingClaims)) grant.addOIDCClaims(missingClaims.filter((claim) => typeof claim === 'string'));
  return grant.save();
}

function signInPage(details: InteractionDetails, action: string, extra: { username?: string; error?: string } = {}): string {
  return renderSignInPage({
    action,
    users: DIRECTORY_USERS,
    loginHint: stringParam(details, 'login_hint'),
    demoPassword: DEMO_PASSWORD,
    ...extra,
  });
}

function sendStalePage(res: ServerResponse): void {
  sendHtml(
    res,
    400,
    renderMessagePage('This sign-in page has expired', [
      'The sign-in took too long, or the page was opened from an old tab or a different browser.',
      'Go back to the app and sign in again.',
    ]),
  );
}

export interface InteractionRoute {
  provider: Provider;
  /** The URL the forms post back to (this interaction's own URL). */
  action: string;
  uid: string;
}

export async function handleInteraction(req: IncomingMessage, res: ServerResponse, route: InteractionRoute): Promise<void> {
  const { provider, action, uid } = route;
  let details: InteractionDetails;
  try {
    details = await provider.interactionDetails(req, res);
  } catch (error) {
    if (error instanceof errors.SessionNotFound) return sendStalePage(res);
    throw error;
  }
  if (details.uid !== uid) return sendStalePage(res);

  if (req.method === 'GET') {
    const accountId = details.session?.accountId;
    if (details.prompt.name === 'consent' && accountId) {
      const grantId = await grantRequested(provider, details, accountId);
      return provider.interactionFinished(req, res, { consent: { grantId } }, { mergeWithLastSubmission: true });
    }
    return sendHtml(res, 200, signInPage(details, action));
  }

  if (req.method !== 'POST') {
    res.writeHead(405, { allow: 'GET, POST' }).end();
    return;
  }
  let form: URLSearchParams;
  try {
    form = await readForm(req);
  } catch (error) {
    if (error instanceof RequestBodyError) return sendHtml(res, error.status, renderMessagePage('Bad request', [error.message]));
    throw error;
  }
  if (form.get('submit') === 'cancel') {
    return provider.interactionFinished(
      req,
      res,
      { error: 'access_denied', error_description: 'AADSTS65004: User declined to consent to access the app.' },
      { mergeWithLastSubmission: false },
    );
  }

  const username = (form.get('login') ?? '').trim();
  if (username === '') {
    return sendHtml(res, 400, signInPage(details, action, { error: 'Enter your username, for example admin@contoso.test.' }));
  }
  const result = checkPassword(username, form.get('password') ?? '');
  if (!result.ok) {
    return sendHtml(res, 400, signInPage(details, action, { username, error: SIGN_IN_ERRORS[result.reason] }));
  }
  const accountId = result.user.objectId;
  const grantId = await grantRequested(provider, details, accountId);
  await provider.interactionFinished(
    req,
    res,
    {
      select_account: {},
      login: { accountId, amr: ['pwd'], remember: true },
      consent: { grantId },
    },
    { mergeWithLastSubmission: false },
  );
}
