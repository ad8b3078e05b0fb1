import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { Actor } from '../../api/types';
import { fastUser, openPage } from '../../test/open-page';
import { sampleTask } from '../tasks/taskFixture';

// A file of its own: the module is loaded once per file, and another test selecting rows first
// would have loaded it. open-page loads every page's module (preloadPages) before the test runs.
const loaded = vi.hoisted(() => ({ bulkActions: 0 }));
vi.mock('./BulkActions', async (importOriginal) => {
  loaded.bulkActions += 1;
  return importOriginal();
});

const officer: Actor = {
  username: 'district-500112',
  role: 'district_officer',
  scope: { districts: ['500112'] },
  displayName: '渝北区经信委',
};

describe('the inbox’s bulk bar', () => {
  // The inbox's first row waited for the bulk bar's outcome forms (SchemaForm, its date and number
  // pickers) to be fetched and parsed, although no row is selected then.
  it('is loaded when rows are first selected, not with the page', async () => {
    const user = fastUser();
    openPage('/inbox', officer, {
      'GET /views': [],
      'GET /tasks': {
        items: [
          sampleTask({
            id: '1',
            type: 'DISTRICT_FEEDBACK',
            enterpriseName: '重庆甲科技有限公司',
            candidateGroups: ['district_officer:district:500112'],
          }),
        ],
        total: 1,
      },
    });
    const table = await screen.findByTestId('inbox-table');
    await waitFor(() => expect(table).toHaveTextContent('重庆甲科技有限公司'));
    expect(loaded.bulkActions).toBe(0);
    await user.click(within(table).getAllByRole('checkbox')[0]);
    expect(await screen.findByTestId('bulk-actions')).toHaveTextContent('批量认领');
    expect(loaded.bulkActions).toBe(1);
  });
});
