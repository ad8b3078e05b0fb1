import { afterEach, describe, expect, it, vi } from 'vitest';
import { adoptSingleSignOn } from './single-sign-on';

const at = (pathname: string, hash: string) => ({ pathname, hash }) as Location;
const history = () =>
  ({ replaceState: vi.fn() }) as unknown as History & { replaceState: ReturnType<typeof vi.fn> };

describe('adoptSingleSignOn', () => {
  afterEach(() => localStorage.clear());

  it('keeps the token of the fragment and opens the page the person wanted, without the fragment', () => {
    const h = history();
    adoptSingleSignOn(at('/login', '#token=tok-1&expiresIn=28800&returnTo=%2Ftasks%2F9%3Ftab%3Dfile'), h);
    expect(localStorage.getItem('hardtech.token')).toBe('tok-1');
    expect(h.replaceState).toHaveBeenCalledWith(null, '', '/tasks/9?tab=file');
  });

  it('opens the inbox for a returnTo elsewhere', () => {
    const h = history();
    adoptSingleSignOn(at('/login', '#token=tok-2&returnTo=%2F%2Fevil.example'), h);
    expect(h.replaceState).toHaveBeenCalledWith(null, '', '/');
  });

  it('turns a refusal into ?ssoError= for the login page, keeping no token', () => {
    const h = history();
    adoptSingleSignOn(at('/login', '#ssoError=sso_account_unknown'), h);
    expect(localStorage.getItem('hardtech.token')).toBeNull();
    expect(h.replaceState).toHaveBeenCalledWith(null, '', '/login?ssoError=sso_account_unknown');
  });

  it('leaves other pages and fragments alone', () => {
    const h = history();
    adoptSingleSignOn(at('/tasks', '#token=tok-3'), h);
    adoptSingleSignOn(at('/login', ''), h);
    expect(h.replaceState).not.toHaveBeenCalled();
    expect(localStorage.getItem('hardtech.token')).toBeNull();
  });
});
