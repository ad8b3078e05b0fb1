import type { Text } from './text';

/** Events the services log under a name of their own. */
const NAMED: Record<string, Text> = {
  'auth.login': { zh: '登录', en: 'Signed in' },
  'auth.login_failed': { zh: '登录失败', en: 'Sign-in failed' },
  'workflow.transition': { zh: '流程流转', en: 'Workflow transition' },
  'attachment.downloaded': { zh: '下载附件', en: 'Downloaded a file' },
  'pool.membership_checked': { zh: '在库资格核验', en: 'Pool membership checked' },
  'request.throttled': { zh: '请求限流', en: 'Requests throttled' },
  'readmodel.repaired': { zh: '待办数据修复', en: 'Inbox repaired' },
  'readmodel.completion_resent': { zh: '办理结果补发', en: 'Completion re-sent' },
};

/** Requests by route: what an auditor calls them (the longest matching route wins). */
const ROUTES: [string, Text][] = [
  ['POST /api/tasks/:id/complete', { zh: '办理任务', en: 'Completed a task' }],
  ['POST /api/tasks/:id/claim', { zh: '认领任务', en: 'Claimed a task' }],
  ['POST /api/tasks/:id/unclaim', { zh: '退回认领', en: 'Released a task' }],
  ['POST /api/tasks/:id/delegate', { zh: '转办任务', en: 'Delegated a task' }],
  ['POST /api/tasks/:id/comments', { zh: '发表评论', en: 'Commented on a task' }],
  ['POST /api/tasks/bulk', { zh: '批量办理', en: 'Bulk action on tasks' }],
  ['POST /api/nominations', { zh: '推荐企业', en: 'Nominated an enterprise' }],
  ['POST /api/auth/logout', { zh: '退出登录', en: 'Signed out' }],
  ['POST /api/me/password', { zh: '修改密码', en: 'Changed the password' }],
  ['POST /api/attachments', { zh: '上传附件', en: 'Uploaded a file' }],
  ['POST /api/whistles', { zh: '企业吹哨', en: 'Blew the whistle' }],
  ['POST /api/users', { zh: '新增用户', en: 'Created a user' }],
  ['PATCH /api/users', { zh: '修改用户', en: 'Changed a user' }],
  ['PUT /api/admin/policy', { zh: '发布政策参数', en: 'Published policy settings' }],
  ['PUT /api/admin/calendar', { zh: '修改工作日历', en: 'Changed the calendar' }],
  ['POST /api/admin/quarterly-dispatch', { zh: '手动季度调度', en: 'Ran the quarterly dispatch' }],
  ['PUT /api/security', { zh: '修改安全策略', en: 'Changed the security policy' }],
  ['DELETE /api/security', { zh: '安全管理操作', en: 'Security administration' }],
  ['POST /api/security', { zh: '安全管理操作', en: 'Security administration' }],
  ['GET /api/audit', { zh: '查阅审计日志', en: 'Read the audit log' }],
];

/** The actions an auditor filters by, in words: the named events, then the routes (a prefix each). */
export const AUDIT_ACTION_CHOICES: readonly { action: string; label: Text }[] = [
  ...Object.entries(NAMED),
  ...ROUTES,
].map(([action, label]) => ({ action, label }));

const METHODS: Record<string, Text> = {
  GET: { zh: '查看', en: 'Read' },
  POST: { zh: '提交', en: 'Submitted' },
  PUT: { zh: '保存', en: 'Saved' },
  PATCH: { zh: '修改', en: 'Changed' },
  DELETE: { zh: '删除', en: 'Deleted' },
};

/**
 * What an audit event's action means, in words (the code stays beside it): a named event, a known
 * route, else the request's verb and path. Never guesses past the code: an unknown action is
 * shown as it is.
 */
export function auditActionLabel(action: string): Text {
  if (NAMED[action]) return NAMED[action];
  const [method, path] = action.split(' ', 2);
  if (!path || !METHODS[method]) return { zh: action, en: action };
  const route = ROUTES.filter(
    ([r]) => action === r || action.startsWith(`${r}/`) || action.startsWith(`${r}:`),
  ).sort(([a], [b]) => b.length - a.length)[0];
  if (route) return route[1];
  return { zh: `${METHODS[method].zh} ${path}`, en: `${METHODS[method].en} ${path}` };
}
