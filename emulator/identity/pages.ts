import type { DemoUser } from '../demo-world';

/**
 * The sign-in provider's own HTML: the sign-in page, the sign-out pages and error pages. Self-contained (no
 * fonts, scripts or images from anywhere), so it renders the same with no internet and under a strict CSP.
 */
export const PAGE_CONTENT_SECURITY_POLICY =
  "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; frame-ancestors 'none'";

export function escapeHtml(value: string): string {
  return value
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

const STYLES = `
  :root { color-scheme: light dark; --accent: #0f6cbd; --accent-hover: #115ea3; --text: #242424;
    --muted: #616161; --surface: #ffffff; --page: #f0f0f0; --border: #d1d1d1; --danger: #b10e1c; }
  @media (prefers-color-scheme: dark) {
    :root { --accent: #479ef5; --accent-hover: #62abf5; --text: #ffffff; --muted: #d6d6d6;
      --surface: #292929; --page: #1f1f1f; --border: #666666; --danger: #f1707b; }
  }
  * { box-sizing: border-box; }
  body { margin: 0; min-height: 100vh; display: grid; place-items: center; background: var(--page);
    color: var(--text); font: 15px/1.45 "Segoe UI", system-ui, -apple-system, "Helvetica Neue", Arial, sans-serif; }
  main { width: min(440px, 100vw); background: var(--surface); padding: 44px; box-shadow: 0 2px 6px rgb(0 0 0 / 0.2); }
  .tenant { margin: 0 0 16px; color: var(--muted); font-size: 13px; letter-spacing: 0.02em; }
  h1 { margin: 0 0 8px; font-size: 24px; font-weight: 600; }
  h2 { margin: 24px 0 8px; font-size: 15px; font-weight: 600; }
  p { margin: 0 0 12px; }
  .hint { color: var(--muted); font-size: 13px; }
  .accounts { list-style: none; margin: 0; padding: 0; border-top: 1px solid var(--border); }
  .accounts li { border-bottom: 1px solid var(--border); }
  .accounts form { margin: 0; }
  .account { display: block; width: 100%; padding: 10px 8px; text-align: left; background: none; border: 0;
    color: inherit; font: inherit; cursor: pointer; }
  .account:hover { background: color-mix(in srgb, var(--accent) 10%, transparent); }
  .account:focus-visible, input:focus-visible, .button:focus-visible { outline: 2px solid var(--accent); outline-offset: 2px; }
  .account-name { display: block; font-weight: 600; }
  .account-upn { display: block; color: var(--muted); font-size: 13px; }
  label { display: block; margin: 12px 0 4px; font-weight: 600; }
  input[type="email"], input[type="password"], input[type="text"] { width: 100%; padding: 6px 2px; font: inherit;
    color: inherit; background: transparent; border: 0; border-bottom: 1px solid var(--muted); }
  input[aria-invalid="true"] { border-bottom-color: var(--danger); }
  .error { margin: 16px 0 0; padding: 8px 12px; border-left: 4px solid var(--danger); color: var(--danger); }
  .actions { display: flex; gap: 8px; margin-top: 24px; }
  .button { min-width: 108px; padding: 6px 12px; font: inherit; border: 1px solid var(--border); cursor: pointer;
    background: var(--surface); color: var(--text); }
  .button.primary { background: var(--accent); border-color: var(--accent); color: #ffffff; }
  .button.primary:hover { background: var(--accent-hover); }
  code { font-size: 13px; }
`;

function layout(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(title)}</title>
<style>${STYLES}</style>
</head>
<body>
<main>
<p class="tenant">Contoso (demo) · local sign-in</p>
${body}
</main>
</body>
</html>`;
}

export interface SignInPageModel {
  /** Where the forms post to (the interaction URL). */
  action: string;
  users: readonly DemoUser[];
  /** Pre-fills the username, as Entra does with `login_hint`. */
  loginHint?: string;
  /** The username the person typed, kept when the page is shown again with an error. */
  username?: string;
  error?: string;
  demoPassword: string;
}

export function renderSignInPage(model: SignInPageModel): string {
  const action = escapeHtml(model.action);
  const accounts = model.users
    .map(
      (user) => `<li><form method="post" action="${action}">
<input type="hidden" name="login" value="${escapeHtml(user.upn)}">
<input type="hidden" name="password" value="${escapeHtml(model.demoPassword)}">
<button class="account" type="submit" name="submit" value="account"><span class="account-name">${escapeHtml(user.name)}</span><span class="account-upn">${escapeHtml(user.upn)}</span></button>
</form></li>`,
    )
    .join('\n');
  const username = model.username ?? model.loginHint ?? '';
  const invalid = model.error ? ' aria-invalid="true" aria-describedby="sign-in-error"' : '';
  const error = model.error
    ? `<p id="sign-in-error" class="error" role="alert">${escapeHtml(model.error)}</p>`
    : '';
  return layout(
    'Sign in to your account',
    `<h1>Sign in</h1>
<p class="hint">This is the local stand-in for Microsoft Entra ID. Every demo account's password is <code>${escapeHtml(model.demoPassword)}</code>.</p>
<h2 id="accounts-heading">Pick a demo account</h2>
<ul class="accounts" aria-labelledby="accounts-heading">
${accounts}
</ul>
<h2>Or sign in with a username and password</h2>
<form method="post" action="${action}" novalidate>
<label for="login">Username</label>
<input id="login" name="login" type="email" autocomplete="username" value="${escapeHtml(username)}" required${invalid}>
<label for="password">Password</label>
<input id="password" name="password" type="password" autocomplete="current-password" required${invalid}${model.error ? ' autofocus' : ''}>
${error}
<div class="actions">
<button class="button primary" type="submit" name="submit" value="sign-in">Sign in</button>
<button class="button" type="submit" name="submit" value="cancel" formnovalidate>Cancel</button>
</div>
</form>`,
  );
}

export function renderMessagePage(title: string, paragraphs: readonly string[], extraHtml = ''): string {
  return layout(
    title,
    `<h1>${escapeHtml(title)}</h1>
${paragraphs.map((text) => `<p>${escapeHtml(text)}</p>`).join('\n')}
${extraHtml}`,
  );
}

/** oidc-provider hands over its own `<form id="op.logoutForm">`; the buttons submit it. */
export function renderSignOutConfirmPage(logoutFormHtml: string): string {
  return renderMessagePage(
    'Sign out',
    ['Do you want to sign out of your account?'],
    `${logoutFormHtml}
<div class="actions">
<button class="button primary" type="submit" form="op.logoutForm" name="logout" value="yes">Sign out</button>
</div>`,
  );
}
