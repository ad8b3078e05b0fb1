import { adminApi, createCast } from '../support/cast';
import { complete, expectOk, JUDGMENTS, nominationFor, openTask } from '../support/lifecycle';
import { closeTemporal } from '../support/temporal';

// Issue 20.6: a claimed task is released when its assignee's role or scope no longer allows it.
afterAll(closeTemporal);

describe('releasing claims on user update', () => {
  it('releases a claim the new scope or role does not cover, and keeps one it does', async () => {
    const c = await createCast('500230', 'P1');
    await expectOk(c.districtOfficer.api.post('/api/nominations', nominationFor(c)), 201);
    await expectOk(complete(c.coordinator.api, c.creditCode, 'SCREEN', 'pass', { judgments: JUDGMENTS }));
    const feedback = await openTask(c.districtOfficer.api, c.creditCode, 'DISTRICT_FEEDBACK');
    await expectOk(c.districtOfficer.api.post(`/api/tasks/${feedback.id}/claim`));
    const admin = await adminApi();
    const assignee = async () =>
      (await expectOk(c.coordinator.api.get(`/api/tasks/${feedback.id}`))).assignee as string | null;

    // A change that keeps the task in reach keeps the claim.
    await expectOk(admin.patch(`/api/users/${c.districtOfficer.username}`, { displayName: '区县经办人' }));
    expect(await assignee()).toBe(c.districtOfficer.username);
    // Moved to another district: the task goes back to the candidates of its own.
    await expectOk(
      admin.patch(`/api/users/${c.districtOfficer.username}`, { scope: { districts: ['500231'] } }),
    );
    expect(await assignee()).toBeNull();

    // Back in the district and claimed again; then made an auditor (a role that does not act).
    await expectOk(
      admin.patch(`/api/users/${c.districtOfficer.username}`, { scope: { districts: [c.district] } }),
    );
    await expectOk(c.districtOfficer.api.post(`/api/tasks/${feedback.id}/claim`));
    expect(await assignee()).toBe(c.districtOfficer.username);
    await expectOk(admin.patch(`/api/users/${c.districtOfficer.username}`, { role: 'auditor', scope: {} }));
    expect(await assignee()).toBeNull();
  });
});
