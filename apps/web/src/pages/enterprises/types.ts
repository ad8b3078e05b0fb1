// Shapes of GET /api/enterprises(/:creditCode): the API's OpenAPI document (api/contract.ts),
// narrowed where the page reads inside a field the document only calls "object".
import type { Answer, Refine, Schemas } from '../../api/contract';

export type EnterpriseItem = Schemas['EnterpriseItemDto'];
export type OpenTask = Schemas['EnterpriseOpenTaskDto'];
export type ProblemView = Schemas['ProblemDto'];
export type Doubling = Schemas['DoublingDto'];
export type QuarterlyReport = Schemas['QuarterlyReportDto'];
export type Lifecycle = Schemas['LifecycleDto'];
export type MembershipPeriod = Schemas['MembershipDto'];

export interface PortraitEntry {
  score: number;
  note?: string;
}

export type EnterpriseDetail = Refine<
  Answer<'/enterprises/{creditCode}'>,
  {
    nomination: { revenuePrevYear?: number } | null;
    diagnosis: { portrait?: Record<string, PortraitEntry>; at?: string | null } | null;
  }
>;

export type { NamedHistoryEntry as HistoryEntry } from '@hardtech/domain/views';
