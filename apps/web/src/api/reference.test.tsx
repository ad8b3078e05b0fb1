import { render, screen, within } from '@testing-library/react';
import { describe, expect, it, onTestFinished } from 'vitest';
import { answeredWhen, fakeApi } from '../test/fake-api';
import { openPage, USERS } from '../test/open-page';
import { REFERENCE } from '../test/reference.fixture';
import { sampleTask } from '../pages/tasks/taskFixture';
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
    expect(await screen.findByText(REFERENCE.districts[0].name)).toBeInTheDocument();
    expect(calls).toBe(2);
  });

  it('names the district in the first rows a page shows, when the reference answers after the rows', async () => {
    // A loaded server answers GET /reference last. Here it answers only if the app asks before it
    // shows anything (the navigation, then the page); else not before the test has read the rows.
    let rowsRead = false;
    onTestFinished(() => void (rowsRead = true));
    const late = () => rowsRead || !document.body.textContent.includes('待办任务');
    openPage('/inbox', USERS.coordinator, {
      'GET /reference': answeredWhen(REFERENCE, late),
      'GET /views': [],
      'GET /tasks': { items: [sampleTask({ district: '500112' })], total: 1 },
    });
    // The first page of a file renders in up to 10 s on a loaded machine (antd's styles), not 8.
    const row = (await screen.findByText('重庆示例科技有限公司', {}, { timeout: 20_000 })).closest('tr')!;
    expect(within(row).getByText('渝北区')).toBeInTheDocument();
    expect(row).not.toHaveTextContent('500112');
  });
});
