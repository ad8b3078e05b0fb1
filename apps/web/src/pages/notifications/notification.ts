// GET /api/notifications and /api/me/notification-preferences (apps/api/src/dtos/admin.dto.ts).
import type { NotificationKind } from '@hardtech/domain/notifications';
import type { NotificationPreferences } from '@hardtech/domain/notification-preferences';
import type { TaskType, Text } from '../../api/types';

export interface Notification {
  id: string;
  kind: NotificationKind | 'digest' | 'briefing' | 'calendar';
  text: Text;
  /** A digest names no task: its text lists them. */
  taskId: string | null;
  taskType: TaskType | null;
  creditCode: string | null;
  enterpriseName: string | null;
  dueAt: string | null;
  /** A briefing's quarter (调度会材料 to download). */
  quarter: string | null;
  createdAt: string;
  /** Read, or about a task that is no longer open. */
  read: boolean;
  /** Whether its task is still open; null when it is about no task. */
  taskOpen: boolean | null;
  /** Its task's status: cancelled is a step left undone (退回, 撤回), not 已办结; null: about no task. */
  taskStatus: 'open' | 'done' | 'cancelled' | null;
}

/** The stored DingTalk secret is never sent back, only whether there is one. */
export type StoredPreferences = Omit<NotificationPreferences, 'dingtalkSecret'> & {
  dingtalkSecretSet: boolean;
};

/** Told when the user reads notifications, so the header's count follows without waiting. */
export const NOTIFICATIONS_READ = 'hardtech:notifications-read';
