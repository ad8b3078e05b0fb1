import type { Notification } from './notification';

/** A notification as GET /api/notifications lists it, for component tests; override what a case needs. */
export const sampleNotification = (id: string, over: Partial<Notification>): Notification => ({
  id,
  kind: 'reminder',
  text: { zh: '筛选任务将于明天到期', en: 'Screening due tomorrow' },
  taskId: `task-${id}`,
  taskType: 'SCREEN',
  creditCode: '91500000MA5U7DXX1F',
  enterpriseName: '重庆芯测科技有限公司',
  dueAt: '2026-11-26T10:00:00Z',
  quarter: null,
  createdAt: '2026-11-25T00:30:00Z',
  read: false,
  taskOpen: true,
  taskStatus: 'open',
  ...over,
});
