import { describe, expect, it } from 'vitest';
import { userChoices } from './useUserChoices';

const officer = (username: string, displayName: string, districts?: string[]) => ({
  username,
  displayName,
  role: 'district_officer',
  scope: { districts },
});

describe('the people an admission offers to pick', () => {
  it('names them by name, those of the district first, the login name only between namesakes', () => {
    const choices = userChoices(
      [
        officer('district-500105', '江北区经信委 刘洋', ['500105']),
        officer('district-500112', '渝北区经信委 赵强', ['500112']),
        officer('chen-a', '陈静'),
        officer('chen-b', '陈静'),
      ],
      '500112',
    );
    expect(choices).toEqual([
      { value: 'district-500112', label: '渝北区经信委 赵强' },
      { value: 'district-500105', label: '江北区经信委 刘洋' },
      { value: 'chen-a', label: '陈静（chen-a）' },
      { value: 'chen-b', label: '陈静（chen-b）' },
    ]);
  });
});
