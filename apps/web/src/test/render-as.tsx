import { render } from '@testing-library/react';
import { App } from '../App';

/** Renders the whole app at a path, signed in as the given user (GET /me answers it in fakeApi). */
export function renderAs(path: string) {
  localStorage.setItem('hardtech.token', 'test-token');
  window.history.pushState({}, '', path);
  return render(<App />);
}
