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
  'proxy.set': { zh: '委托代理生效', en: 'Proxy named' },
  'proxy.changed': { zh: '委托代理变更', en: 'Proxy changed' },
  'proxy.ended': { zh: '委托代理结束', en: 'Proxy ended' },
};

/**
 * Requests by route: what an auditor calls them (the longest matching route wins). Every route the
 * controllers serve has one (apps/api/src/audit/audit-action-names.spec.ts): the log shows every
 * write, every refusal and every read of an administrator.
 */
const ROUTES: [string, Text][] = [
  // Tasks and the approval actions on them (issue 17).
  ['GET /api/tasks', { zh: '查看任务列表', en: 'Listed tasks' }],
  ['GET /api/tasks/:id', { zh: '查看任务', en: 'Read a task' }],
  ['GET /api/tasks/:id/approval-sheet.pdf', { zh: '打印审批单', en: 'Printed an approval sheet' }],
  ['GET /api/tasks/:id/candidates', { zh: '查看可转办人员', en: 'Listed delegates' }],
  ['GET /api/tasks/:id/cc-candidates', { zh: '查看可抄送人员', en: 'Listed people to copy' }],
  ['GET /api/tasks/:id/countersigners', { zh: '查看可加签人员', en: 'Listed countersigners' }],
  ['GET /api/tasks/overdue/summary', { zh: '查看超期统计', en: 'Read the overdue summary' }],
  ['POST /api/tasks/:id/complete', { zh: '办理任务', en: 'Completed a task' }],
  ['POST /api/tasks/:id/claim', { zh: '认领任务', en: 'Claimed a task' }],
  ['POST /api/tasks/:id/unclaim', { zh: '取消认领', en: 'Released a task' }],
  ['POST /api/tasks/:id/delegate', { zh: '转办任务', en: 'Delegated a task' }],
  ['POST /api/tasks/:id/comments', { zh: '发表评论', en: 'Commented on a task' }],
  ['POST /api/tasks/:id/urge', { zh: '催办', en: 'Urged a task' }],
  ['POST /api/tasks/:id/cc', { zh: '抄送', en: 'Copied a task' }],
  ['POST /api/tasks/:id/return', { zh: '退回', en: 'Sent a step back' }],
  ['POST /api/tasks/:id/withdraw', { zh: '撤回', en: 'Withdrew a completion' }],
  ['POST /api/tasks/:id/countersign', { zh: '加签', en: 'Asked for countersignatures' }],
  ['POST /api/tasks/bulk', { zh: '批量办理', en: 'Bulk action on tasks' }],
  // Saved inbox views.
  ['GET /api/views', { zh: '查看保存的视图', en: 'Listed saved views' }],
  ['POST /api/views', { zh: '保存视图', en: 'Saved a view' }],
  ['PUT /api/views', { zh: '修改视图', en: 'Changed a view' }],
  ['DELETE /api/views', { zh: '删除视图', en: 'Deleted a view' }],
  // Enterprises, nominations, the pool.
  ['GET /api/enterprises', { zh: '查看企业列表', en: 'Listed enterprises' }],
  ['GET /api/enterprises/export.xlsx', { zh: '导出企业名单', en: 'Exported enterprises' }],
  ['GET /api/enterprises/:creditCode', { zh: '查看企业', en: 'Read an enterprise' }],
  ['GET /api/enterprises/:creditCode/dossier.pdf', { zh: '打印企业档案', en: 'Printed a dossier' }],
  ['GET /api/enterprises/:creditCode/history', { zh: '查看流程记录', en: 'Read the history' }],
  ['GET /api/enterprises/:creditCode/statechart', { zh: '查看流程图', en: 'Read the statechart' }],
  ['POST /api/enterprises/:creditCode/whistle', { zh: '企业吹哨', en: 'Blew the whistle' }],
  ['POST /api/nominations', { zh: '推荐企业', en: 'Nominated an enterprise' }],
  ['POST /api/nominations/import', { zh: '批量导入推荐', en: 'Imported nominations' }],
  ['GET /api/nominations/import/template', { zh: '下载推荐导入模板', en: 'Downloaded the import template' }],
  ['GET /api/pool/export.xlsx', { zh: '导出帮扶库名单', en: 'Exported the pool' }],
  ['GET /api/pool/membership', { zh: '在库资格核验', en: 'Checked pool membership' }],
  // The problem ledger (issue 19).
  ['GET /api/problems', { zh: '查看问题台账', en: 'Read the problem ledger' }],
  ['GET /api/problems/export.xlsx', { zh: '导出问题台账', en: 'Exported the problem ledger' }],
  ['GET /api/problems/:id', { zh: '查看问题', en: 'Read a problem' }],
  ['PATCH /api/problems', { zh: '修改问题', en: 'Changed a problem' }],
  ['POST /api/problems/:id/progress', { zh: '填报化解进展', en: 'Reported progress' }],
  ['POST /api/problems/:id/extend', { zh: '申请延期', en: 'Asked for more time' }],
  ['POST /api/problems/:id/close-request', { zh: '申请销号', en: 'Asked to close a problem' }],
  // Files, reports, notifications, reference data.
  ['POST /api/attachments', { zh: '上传附件', en: 'Uploaded a file' }],
  ['GET /api/attachments', { zh: '查看附件列表', en: 'Listed files' }],
  ['GET /api/attachments/:id/download', { zh: '下载附件', en: 'Downloaded a file' }],
  ['GET /api/reports/kpi', { zh: '查看统计报表', en: 'Read the KPI report' }],
  ['GET /api/reports/kpi.xlsx', { zh: '导出统计报表', en: 'Exported the KPI report' }],
  ['GET /api/reports/dispatch-briefing.docx', { zh: '下载调度简报', en: 'Downloaded the dispatch briefing' }],
  ['GET /api/notifications', { zh: '查看通知', en: 'Read notifications' }],
  ['POST /api/notifications/read-all', { zh: '通知全部已读', en: 'Marked all notifications read' }],
  ['POST /api/notifications/:id/read', { zh: '通知已读', en: 'Marked a notification read' }],
  ['GET /api/reference', { zh: '查看基础数据', en: 'Read the reference data' }],
  ['GET /api/health', { zh: '健康检查', en: 'Health check' }],
  // The signed-in user: sign-in, password, preferences, 委托代理.
  ['POST /api/auth/login', { zh: '登录', en: 'Signed in' }],
  ['POST /api/auth/logout', { zh: '退出登录', en: 'Signed out' }],
  ['GET /api/auth/oidc', { zh: '统一身份认证登录', en: 'Single sign-on' }],
  ['GET /api/me', { zh: '查看本人信息', en: 'Read own account' }],
  ['POST /api/me/password', { zh: '修改密码', en: 'Changed the password' }],
  ['GET /api/me/notification-preferences', { zh: '查看通知设置', en: 'Read notification settings' }],
  ['PUT /api/me/notification-preferences', { zh: '修改通知设置', en: 'Changed notification settings' }],
  ['GET /api/me/proxy', { zh: '查看委托代理', en: 'Read the proxy' }],
  ['PUT /api/me/proxy', { zh: '设置委托代理', en: 'Set a proxy' }],
  ['DELETE /api/me/proxy', { zh: '取消委托代理', en: 'Ended the proxy' }],
  // Administration (三员).
  ['GET /api/users', { zh: '查看用户', en: 'Read users' }],
  ['POST /api/users', { zh: '新增用户', en: 'Created a user' }],
  ['PATCH /api/users', { zh: '修改用户', en: 'Changed a user' }],
  ['GET /api/admin/policy', { zh: '查看政策参数', en: 'Read policy settings' }],
  ['PUT /api/admin/policy', { zh: '发布政策参数', en: 'Published policy settings' }],
  ['GET /api/admin/calendar', { zh: '查看工作日历', en: 'Read the calendar' }],
  ['PUT /api/admin/calendar', { zh: '修改工作日历', en: 'Changed the calendar' }],
  ['DELETE /api/admin/calendar', { zh: '修改工作日历', en: 'Changed the calendar' }],
  ['POST /api/admin/clusters', { zh: '新增产业集群', en: 'Added a cluster' }],
  ['PATCH /api/admin/clusters', { zh: '产业集群更名', en: 'Renamed a cluster' }],
  ['POST /api/admin/clusters/:code/retire', { zh: '停用产业集群', en: 'Retired a cluster' }],
  ['PUT /api/admin/clusters', { zh: '修改集群牵头处室', en: 'Changed a cluster’s lead division' }],
  ['GET /api/admin/schedules', { zh: '查看定时调度', en: 'Read the schedules' }],
  ['POST /api/admin/quarterly-dispatch', { zh: '手动季度调度', en: 'Ran the quarterly dispatch' }],
  ['POST /api/admin/annual-review', { zh: '手动年度复核', en: 'Ran the annual review' }],
  ['GET /api/security', { zh: '查看安全管理', en: 'Read security administration' }],
  ['PUT /api/security', { zh: '修改安全策略', en: 'Changed the security policy' }],
  ['DELETE /api/security', { zh: '安全管理操作', en: 'Security administration' }],
  ['POST /api/security', { zh: '安全管理操作', en: 'Security administration' }],
  ['GET /api/ops/temporal-ui', { zh: '流程引擎控制台', en: 'Workflow console' }],
  ['POST /api/ops/temporal-ui', { zh: '流程引擎控制台', en: 'Workflow console' }],
  ['GET /api/audit', { zh: '查阅审计日志', en: 'Read the audit log' }],
  ['GET /api/audit/verify', { zh: '校验审计日志', en: 'Verified the audit log' }],
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
