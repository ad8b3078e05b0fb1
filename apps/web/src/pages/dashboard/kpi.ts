// GET /api/reports/kpi (apps/api/src/dtos/report.dto.ts KpiDto), as the dashboard reads it.
import type { Text } from '../../api/types';

export interface Count {
  key: string;
  label: Text;
  n: number;
}

export interface DoublingTally {
  members: number;
  reporting: number;
  onTrack: number;
  doubled: number;
  averageGrowth: number | null;
}

export interface Ending {
  stage: 'graduated' | 'exited';
  stageLabel: Text;
  reason: string | null;
  reasonLabel: Text | null;
  n: number;
}

/** An open task past its due time (OverdueTaskDto), the longest overdue first. */
export interface OverdueTask {
  taskId: string;
  creditCode: string;
  enterpriseName: string;
  district: string;
  districtLabel: Text;
  taskType: string;
  taskLabel: Text;
  department: string | null;
  departmentLabel: Text | null;
  assignee: string | null;
  assigneeName: string | null;
  dueAt: string;
  overdueDays: number;
}

export interface Kpi {
  year: number;
  asOf: string;
  /** The cluster the figures are narrowed to (the `cluster` query); null for the whole scope. */
  cluster: string | null;
  poolSize: number;
  poolCapacity: number;
  poolOverTime: { month: string; members: number }[];
  admittedThisYear: number;
  annualTarget: number;
  targetProgress: number | null;
  /**
   * The city's figures for a reader whose scope is narrower (a district, clusters): the capacity and
   * the annual target are the city's, read against these; null when the reader's figures are the city's.
   */
  city: { poolSize: number; admittedThisYear: number; targetProgress: number | null } | null;
  admittedByYear: { year: number; admitted: number; target: number }[];
  stages: Count[];
  revenueDoubling: DoublingTally & { cohorts: (DoublingTally & { cohort: number })[] };
  problems: {
    total: number;
    overdue: number;
    byCategory: Count[];
    byStatus: Count[];
    byOwner: (Count & { overdue: number })[];
  };
  overdueTasks: { total: number; byDepartment: Count[]; byDistrict: Count[]; items: OverdueTask[] };
  endings: { graduated: number; exited: number; rejected: number; byReason: Ending[] };
}
