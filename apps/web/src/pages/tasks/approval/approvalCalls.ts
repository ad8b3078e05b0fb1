import { call } from '../../../api/client';
import type { KeyHeader } from '../idempotency';

/** 退回, 撤回, 加签 (issue 17): the task page's calls, each with its Idempotency-Key (useKeyedSend). */
export const returnTask = (id: string, reason: string, headers?: KeyHeader) =>
  call('post', '/tasks/{id}/return', { params: { id }, body: { reason }, headers });
export const withdrawTask = (id: string, headers?: KeyHeader) =>
  call('post', '/tasks/{id}/withdraw', { params: { id }, headers });
export const countersignTask = (
  id: string,
  users: string[],
  mode: 'all' | 'any',
  note: string,
  headers?: KeyHeader,
) => call('post', '/tasks/{id}/countersign', { params: { id }, body: { users, mode, note }, headers });
