import { TASK_TYPES } from '../task-types';
import { formRefers } from './forms';

describe('formRefers', () => {
  // The API reads and sends the taxonomy's active clusters only with the completions that choose
  // one: every other Update would carry the list (and read it) for nothing.
  it('finds the steps that choose a cluster, nested fields included, and no other', () => {
    expect(TASK_TYPES.filter((type) => formRefers(type, 'cluster'))).toEqual(['SUPPLEMENT', 'ADMIT']);
  });
});
