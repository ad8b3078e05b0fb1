import { robotsDelivered } from './notification-preferences';
import { ROLES } from './roles';

describe('robotsDelivered', () => {
  it('calls the robots of every role but an enterprise contact', () => {
    expect(ROLES.filter((r) => !robotsDelivered(r))).toEqual(['enterprise_user']);
  });
});
