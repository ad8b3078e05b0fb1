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

export interface Kpi {
  year: number;
  asOf: string;
  poolSize: number;
  poolCapacity: number;
  poolOverTime: { month: string; members: number }[];
  admittedThisYear: number;
  annualTarget: number;
  targetProgress: number | null;
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
  overdueTasks: { total: number; byDepartment: Count[]; byDistrict: Count[] };
  endings: { graduated: number; exited: number; rejected: number; byReason: Ending[] };
}
