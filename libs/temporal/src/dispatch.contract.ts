/**
 * 一季一调度: the quarterly dispatch workflow's contract, shared by the workflow, its activities,
 * the schedule and the API's trigger.
 */
export const DISPATCH_WORKFLOW_TYPE = 'quarterlyDispatch';
export const QUARTERLY_SCHEDULE_ID = 'quarterly-dispatch';

export interface DispatchInput {
  /** The quarter to report; by default the one before the dispatch's start (Asia/Shanghai). */
  quarter?: string;
}

export interface DispatchResult {
  quarter: string;
  members: number;
}

export interface DispatchActivities {
  /** Credit codes of enterprises in `supporting`, in order, after the cursor. */
  supportingMembers(req: { after: string | null; limit: number }): Promise<string[]>;
  /**
   * Sends each member the quarter tick; members that already had it ignore it, and members admitted
   * after the quarter a dispatch on their admission day reports are not sent an earlier one.
   */
  tickMembers(req: {
    creditCodes: string[];
    quarter: string;
    dispatchId: string;
  }): Promise<{ ticked: number }>;
}
