import { Role } from '../roles';
import { readerOf } from './readers';
import { READABLE_CLASSES } from './step-fields';

/** A problem's progress entry as the API answers it (actorName from the users table). */
export interface ProgressEntryView {
  at: string;
  actor: string | null;
  actorName: string | null;
  note: string | null;
}

/** What a reader may see of a problem's work besides its status, due date and handling. */
export interface ProblemWorkView {
  progress: ProgressEntryView[];
  closeSummary: string | null;
  extension: { dueAt: string; reason: string | null } | null;
}

/**
 * Progress notes, a close request's summary and a request's reason are the departments' working
 * notes on the ledger (`ledger_note`): an enterprise sees that and when work was recorded, and a
 * pending new due date, never what officers wrote nor who wrote it.
 */
export function visibleProblemWork(role: Role, work: ProblemWorkView): ProblemWorkView {
  if (READABLE_CLASSES[readerOf(role)].has('ledger_note')) return work;
  return {
    progress: work.progress.map((p) => ({ at: p.at, actor: null, actorName: null, note: null })),
    closeSummary: null,
    extension: work.extension ? { dueAt: work.extension.dueAt, reason: null } : null,
  };
}

/**
 * A problem's 一企一策 / 一事一议 mark (`special`, `handling` in the API) as the reader may read it:
 * the coordinators' classification (`ledger_handling`), not the enterprise's to read.
 */
export function visibleHandling(role: Role, special: string | null): string | null {
  return READABLE_CLASSES[readerOf(role)].has('ledger_handling') ? special : null;
}
