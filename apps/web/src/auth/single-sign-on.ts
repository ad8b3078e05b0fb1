import { storeToken } from './token';

/** Why a single sign-on ended without a session (the API's ssoError codes). */
export type SsoError = 'sso_account_unknown' | 'sso_state_unknown' | 'sso_refused' | 'sso_failed';

/**
 * After single sign-on the API sends the browser to /login#token=…&returnTo=… (or #ssoError=…).
 * Run once before the app renders: the token is kept like a password login's, the fragment leaves
 * the address bar and history, and the page the person wanted opens (or the login page says why not,
 * as ?ssoError=).
 */
export function adoptSingleSignOn(
  location: Location = window.location,
  history: History = window.history,
): void {
  if (location.pathname !== '/login' || location.hash.length < 2) return;
  const fragment = new URLSearchParams(location.hash.slice(1));
  const token = fragment.get('token');
  const error = fragment.get('ssoError');
  if (token) {
    storeToken(token);
    const returnTo = fragment.get('returnTo') ?? '/';
    history.replaceState(null, '', /^\/(?![/\\])/.test(returnTo) ? returnTo : '/');
  } else if (error) {
    history.replaceState(null, '', `/login?ssoError=${encodeURIComponent(error)}`);
  }
}

/** Starts a single sign-on that comes back to the page the person is on (the inbox from /login). */
export function startSingleSignOn(loginUrl: string, location: Location = window.location): void {
  const here = location.pathname === '/login' ? '/' : `${location.pathname}${location.search}`;
  location.assign(`${loginUrl}?returnTo=${encodeURIComponent(here)}`);
}
