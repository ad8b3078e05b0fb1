// Shapes of the task endpoints as the inbox and the task page read them: the API's OpenAPI document
// (api/contract.ts), narrowed where the domain types a field the document only calls "object".
import type { CaseFile } from '@hardtech/domain/case-file/case-file';
import type { CriterionResult } from '@hardtech/domain/screening';
import type { VisibleTaskDetails } from '@hardtech/domain/visibility/task-details';
import type { TaskForm } from '@hardtech/domain/forms/schema';
import type { Answer, Refine, Schemas } from '../../api/contract';

/**
 * A row of GET /api/tasks (`copied`: 抄送 to me, `copiedByName` by whom; `assigneeName`: who holds it, by name) or the task
 * part of GET /api/tasks/:id.
 */
export type TaskItem = Schemas['TaskItemDto'] &
  Partial<
    Pick<
      Schemas['TaskListItemDto'],
      'copied' | 'copiedByName' | 'assigneeName' | 'completedByName' | 'problemTitle' | 'urgeableAt'
    >
  >;
export type TaskActions = Schemas['TaskActionsDto'];
export type TaskComment = Schemas['TaskCommentDto'];
export type Candidate = Schemas['CandidateDto'];
export type CompleteResult = Answer<'/tasks/{id}/complete', 'post'>;

export type TaskDetail = Refine<
  Answer<'/tasks/{id}'>,
  {
    form: TaskForm;
    enterprise:
      | (Schemas['TaskEnterpriseDto'] & {
          screening: { policyVersion?: number; criteria: CriterionResult[] } | null;
        })
      | null;
    /** The case the decision is taken on; null only when the enterprise is gone from the read model. */
    caseFile: CaseFile | null;
    /** The annual update's year and prefill, or the evaluation a GRADUATION_REVIEW weighs (officers). */
    details: VisibleTaskDetails | null;
  }
>;
