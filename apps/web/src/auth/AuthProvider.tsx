import { createContext, ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { api, SESSION_EXPIRED } from '../api/client';
import { prefetchReference } from '../api/reference';
import type { Actor, LoginResult } from '../api/types';
import { clearToken, readToken, storeToken } from './token';

/** The caller as GET /api/me and the login answer: `mustChangePassword` until the initial password is changed. */
export type SignedIn = LoginResult['user'];

interface Auth {
  /** null: signed out; undefined: still asking the server who the token belongs to. */
  user: SignedIn | null | undefined;
  login(username: string, password: string): Promise<void>;
  logout(): Promise<void>;
  /** POST /api/me/password: the answer's fresh token replaces the old one (every session ends). */
  changePassword(currentPassword: string, newPassword: string): Promise<void>;
}

const AuthContext = createContext<Auth | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<SignedIn | null | undefined>(readToken() ? undefined : null);

  useEffect(() => {
    // The reference is asked for beside /me: the pages wait for both (ReferenceGate), not one after the other.
    if (readToken()) {
      api<SignedIn>('/me').then(setUser, () => setUser(null));
      prefetchReference();
    }
    const expired = () => setUser(null);
    window.addEventListener(SESSION_EXPIRED, expired);
    return () => window.removeEventListener(SESSION_EXPIRED, expired);
  }, []);

  const login = useCallback(async (username: string, password: string) => {
    const result = await api<LoginResult>('/auth/login', { body: { username, password } });
    storeToken(result.accessToken);
    prefetchReference();
    // The answer names the caller as GET /me does (ActorDto, mustChangePassword included): asking
    // /me again put one more round trip between the login and the first page (the walk's 3–14 s).
    setUser(result.user);
  }, []);

  const changePassword = useCallback(async (currentPassword: string, newPassword: string) => {
    const result = await api<LoginResult>('/me/password', { body: { currentPassword, newPassword } });
    storeToken(result.accessToken);
    setUser(result.user);
  }, []);

  const logout = useCallback(async () => {
    const answer = await api<{ endSessionUrl?: string } | undefined>('/auth/logout', {
      method: 'POST',
    }).catch(() => undefined);
    clearToken();
    // Signed out here at once, also while the browser goes to the identity service: a page still
    // showing the user would ask the API without a token (the e2e journey saw the inbox's 401s).
    setUser(null);
    // A session opened by single sign-on also ends at the identity service, which sends the browser back.
    if (answer?.endSessionUrl) window.location.assign(answer.endSessionUrl);
  }, []);

  const value = useMemo(
    () => ({ user, login, logout, changePassword }),
    [user, login, logout, changePassword],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): Auth {
  const auth = useContext(AuthContext);
  if (!auth) throw new Error('useAuth outside AuthProvider');
  return auth;
}

/** The signed-in user; only for pages behind the shell, which renders them only when signed in. */
export function useUser(): Actor {
  const { user } = useAuth();
  if (!user) throw new Error('useUser without a signed-in user');
  return user;
}
