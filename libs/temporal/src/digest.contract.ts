/** The working-day morning digest (issue 10 §5): contract shared by workflow, activity and schedule. */
export const DIGEST_WORKFLOW_TYPE = 'dailyDigest';
export const DIGEST_SCHEDULE_ID = 'daily-digest';

export interface DigestInput {
  /** The day (YYYY-MM-DD, Asia/Shanghai); by default the day the digest starts. */
  date?: string;
}

export interface DigestResult {
  date: string;
  workingDay: boolean;
  sent: number;
}

export interface DigestActivities {
  sendDigests(req: { date: string }): Promise<DigestResult>;
}
