// Shapes of the task endpoints (apps/api/src/dtos/task.dto.ts) as the inbox and the task page read them.
import type { CaseFile } from '@hardtech/domain/case-file/case-file';
import type { CriterionResult } from '@hardtech/domain/screening';
import type { TaskForm } from '@hardtech/domain/forms/schema';
import type { Role, Stage, TaskType, Text } from '../../api/types';

export interface TaskItem {
  id: string;
  type: TaskType;
  label: Text;
  creditCode: string;
  enterpriseName: string;
  stage: Stage;
  candidateGroups: string[];
  assignee: string | null;
  dueAt: string;
  createdAt: string;
  status: 'open' | 'done' | 'cancelled';
  overdue: boolean;
  quarter: string | null;
  district: string;
  cluster: string;
  outcome: string | null;
  completedBy: string | null;
  completedAt: string | null;
}

export interface TaskActions {
  complete: boolean;
  claim: boolean;
  unclaim: boolean;
  delegate: boolean;
}

export interface TaskComment {
  id: string;
  author: string;
  text: string;
  at: string;
}

export interface TaskDetail extends TaskItem {
  data: Record<string, unknown> | null;
  form: TaskForm;
  outcomes: { outcome: string; label: Text }[];
  actions: TaskActions;
  enterprise: {
    creditCode: string;
    name: string;
    district: string;
    cluster: string;
    stage: Stage;
    leadCluster: string | null;
    screening: { policyVersion?: number; criteria: CriterionResult[] } | null;
    nomination: Record<string, unknown>;
  } | null;
  comments: TaskComment[];
  /** The case the decision is taken on; null only when the enterprise is gone from the read model. */
  caseFile: CaseFile | null;
}

export interface Candidate {
  username: string;
  displayName: string;
  role: Role;
  assignee: boolean;
}

export interface CompleteResult {
  stage: Stage;
  nextTasks: { id: string; type: TaskType; assignee: string | null; candidateGroups: string[] }[];
}
