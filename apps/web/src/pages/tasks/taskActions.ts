import { api } from '../../api/client';

/** Claim, unclaim and delegate: the inbox rows and the task page do the same. */
export const claimTask = (id: string) => api(`/tasks/${id}/claim`, { method: 'POST' });
export const unclaimTask = (id: string) => api(`/tasks/${id}/unclaim`, { method: 'POST' });
export const delegateTask = (id: string, to: string) => api(`/tasks/${id}/delegate`, { body: { to } });
