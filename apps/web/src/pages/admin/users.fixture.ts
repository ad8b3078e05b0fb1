/** A user as GET /api/users lists it, for component tests: a district officer of 渝北区. */
export const SAMPLE_USER = {
  username: 'district-500112',
  displayName: '渝北区经信委',
  role: 'district_officer',
  scope: { districts: ['500112'] },
  active: true,
  lockedUntil: null,
  createdAt: '2026-01-01T00:00:00Z',
};
