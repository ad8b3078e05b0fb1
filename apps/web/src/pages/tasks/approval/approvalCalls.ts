import { call } from '../../../api/client';

/** 退回, 撤回, 加签 (issue 17): the task page's calls. */
export const returnTask = (id: string, reason: string) =>
  call('post', '/tasks/{id}/return', { params: { id }, body: { reason } });
export const withdrawTask = (id: string) => call('post', '/tasks/{id}/withdraw', { params: { id } });
export const countersignTask = (id: string, users: string[], mode: 'all' | 'any', note: string) =>
  call('post', '/tasks/{id}/countersign', { params: { id }, body: { users, mode, note } });
