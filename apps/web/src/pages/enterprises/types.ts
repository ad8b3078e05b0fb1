// Shapes of GET /api/enterprises/:creditCode and its history and statechart (apps/api/src/dtos).
import type { Stage, Text } from '../../api/types';

export interface EnterpriseItem {
  creditCode: string;
  name: string;
  district: string;
  cluster: string;
  leadCluster: string | null;
  stage: Stage;
  lifecycleNo: number;
  updatedAt: string;
}

export interface OpenTask {
  id: string;
  type: string;
  label: Text;
  stage: Stage;
  candidateGroups: string[];
  assignee: string | null;
  dueAt: string;
  overdue: boolean;
  quarter: string | null;
}

export interface ProblemView {
  id: string;
  title: string;
  category: string;
  measures: string;
  target: string;
  ownerDepartment: string;
  dueAt: string;
  status: string;
  special: string | null;
  whistleStatus: string | null;
  whistledAt: string | null;
}

export interface Doubling {
  annualizedRevenue: number;
  growth: number | null;
  expected: number;
  onTrack: boolean;
}

export interface QuarterlyReport {
  quarter: string;
  revenue: number;
  rdExpense: number;
  headcount: number;
  submittedBy: string;
  submittedAt: string;
  doubling: Doubling | null;
}

export interface Lifecycle {
  lifecycleNo: number;
  startedAt: string;
  endedAt: string | null;
  finalStage: Stage | null;
  reason: string | null;
  nominatedBy: string;
}

export interface MembershipPeriod {
  from: string;
  to: string | null;
  reason: string | null;
  lifecycleNo: number;
}

export interface PortraitEntry {
  score: number;
  note?: string;
}

export interface EnterpriseDetail {
  creditCode: string;
  name: string;
  district: string;
  cluster: string;
  stage: Stage;
  stateValue: unknown;
  lifecycleNo: number;
  policyVersion: number | null;
  nomination: { revenuePrevYear?: number } | null;
  nominatedBy: string;
  leadCluster: string | null;
  commissioner: string | null;
  districtLiaison: string | null;
  openTasks: OpenTask[];
  diagnosis: { portrait?: Record<string, PortraitEntry> } | null;
  problems: ProblemView[];
  membership: MembershipPeriod[];
  baselineRevenue: number | null;
  quarterlyReports: QuarterlyReport[];
  lifecycles: Lifecycle[];
  latestQuarter: string | null;
  doubling: (Doubling & { quarter: string }) | null;
}

export type { HistoryEntry } from '@hardtech/domain/views';
