// GET /api/admin/policy/versions, /api/admin/schedules and POST /api/admin/quarterly-dispatch/trigger
// (apps/api/src/dtos/admin.dto.ts).
import type { Text } from '../../api/types';

export interface PolicyVersion {
  version: number;
  createdBy: string;
  /** Null for the system (系统) or an account that is gone. */
  createdByName: string | null;
  createdByDepartment: Text | null;
  createdAt: string;
}

export interface Schedule {
  id: string;
  description: Text;
  timezone: string | null;
  paused: boolean;
  overlap: string;
  nextRunTimes: string[];
  recentRuns: { scheduledAt: string; takenAt: string; workflowId: string }[];
}

export interface DispatchResult {
  quarter: string;
  members: number;
  workflowId: string;
}
