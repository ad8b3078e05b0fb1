import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { fakeApi } from '../test/fake-api';
import { REFERENCE } from '../test/reference.fixture';
import { useReference } from './reference';

function FirstDistrict() {
  const reference = useReference();
  return <span>{reference ? reference.districts[0].name : 'loading'}</span>;
}

describe('useReference', () => {
  it('asks again after a failed request, instead of leaving the page with codes for names', async () => {
    let calls = 0;
    fakeApi({
      'GET /reference': () =>
        ++calls === 1 ? { status: 503, body: { code: 'UNAVAILABLE' } } : { body: REFERENCE },
    });
    render(<FirstDistrict />);
    expect(await screen.findByText(REFERENCE.districts[0].name, {}, { timeout: 5000 })).toBeInTheDocument();
    expect(calls).toBe(2);
  });
});
