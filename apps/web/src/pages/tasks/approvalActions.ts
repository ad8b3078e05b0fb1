import { call } from '../../api/client';
import type { KeyHeader } from './idempotency';

// Issue 17's 催办 and 抄送 on one task (退回, 撤回, 加签 sit beside them).
export const urgeTask = (id: string, message?: string, headers?: KeyHeader) =>
  call('post', '/tasks/{id}/urge', { params: { id }, body: { message: message || undefined }, headers });
/** 催办: whether the caller must still wait to urge again: `urgeableAt` (the server's) is still ahead. */
export const urgeWaiting = (urgeableAt: string | null | undefined, now = Date.now()): boolean =>
  !!urgeableAt && Date.parse(urgeableAt) > now;
export const ccTask = (id: string, users: string[], note?: string, headers?: KeyHeader) =>
  call('post', '/tasks/{id}/cc', { params: { id }, body: { users, note: note || undefined }, headers });
