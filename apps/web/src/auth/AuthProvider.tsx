import { createContext, ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { api, SESSION_EXPIRED } from '../api/client';
import type { Actor, LoginResult } from '../api/types';
import { clearToken, readToken, storeToken } from './token';

interface Auth {
  /** null: signed out; undefined: still asking the server who the token belongs to. */
  user: Actor | null | undefined;
  login(username: string, password: string): Promise<void>;
  logout(): Promise<void>;
}

const AuthContext = createContext<Auth | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<Actor | null | undefined>(readToken() ? undefined : null);

  useEffect(() => {
    if (readToken()) api<Actor>('/me').then(setUser, () => setUser(null));
    const expired = () => setUser(null);
    window.addEventListener(SESSION_EXPIRED, expired);
    return () => window.removeEventListener(SESSION_EXPIRED, expired);
  }, []);

  const login = useCallback(async (username: string, password: string) => {
    const result = await api<LoginResult>('/auth/login', { body: { username, password } });
    storeToken(result.accessToken);
    setUser(await api<Actor>('/me'));
  }, []);

  const logout = useCallback(async () => {
    await api('/auth/logout', { method: 'POST' }).catch(() => undefined);
    clearToken();
    setUser(null);
  }, []);

  const value = useMemo(() => ({ user, login, logout }), [user, login, logout]);
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
