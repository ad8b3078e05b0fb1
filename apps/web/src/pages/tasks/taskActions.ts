import { call } from '../../api/client';
import type { KeyHeader } from './idempotency';

/** Claim, unclaim and delegate: the inbox rows and the task page do the same. */
export const claimTask = (id: string) => call('post', '/tasks/{id}/claim', { params: { id } });
export const unclaimTask = (id: string) => call('post', '/tasks/{id}/unclaim', { params: { id } });
export const delegateTask = (id: string, to: string, reason?: string, headers?: KeyHeader) =>
  call('post', '/tasks/{id}/delegate', {
    params: { id },
    body: { to, reason: reason || undefined },
    headers,
  });
