import { InitialSchema1764000000000 } from './1764000000000-InitialSchema';
import { LifecyclesAndDoubling1764050000000 } from './1764050000000-LifecyclesAndDoubling';
import { NotificationsAndDeadlines1764060000000 } from './1764060000000-NotificationsAndDeadlines';
import { CalendarOverrides1764070000000 } from './1764070000000-CalendarOverrides';
import { NotificationChannels1764080000000 } from './1764080000000-NotificationChannels';
import { Sessions1764100000000 } from './1764100000000-Sessions';
import { AuditLog1764400000000 } from './1764400000000-AuditLog';
import { InboxIndexes1764500000000 } from './1764500000000-InboxIndexes';
import { Attachments1764600000000 } from './1764600000000-Attachments';
import { SavedViews1764610000000 } from './1764610000000-SavedViews';
import { TaskNotices1764700000000 } from './1764700000000-TaskNotices';
import { CorpMessages1764710000000 } from './1764710000000-CorpMessages';
import { MustChangePassword1764720000000 } from './1764720000000-MustChangePassword';
import { ServerSessions1764730000000 } from './1764730000000-ServerSessions';
import { SeparatedAdministrators1764740000000 } from './1764740000000-SeparatedAdministrators';
import { SingleSignOn1764800000000 } from './1764800000000-SingleSignOn';
import { KeyedAuditChain1764830000000 } from './1764830000000-KeyedAuditChain';
import { ApprovalActions1765100000000 } from './1765100000000-ApprovalActions';
import { UrgeCcProxy1765250000000 } from './1765250000000-UrgeCcProxy';
import { LedgerWork1765300000000 } from './1765300000000-LedgerWork';
import { YearlyCycle1765400000000 } from './1765400000000-YearlyCycle';
import { ReadModelSuspects1765600000000 } from './1765600000000-ReadModelSuspects';
import { PolicyChangeNotices1765720000000 } from './1765720000000-PolicyChangeNotices';
import { StageHistory1765730000000 } from './1765730000000-StageHistory';
import { InboxGroupsIndex1765740000000 } from './1765740000000-InboxGroupsIndex';
import { ActedAt1765920000000 } from './1765920000000-ActedAt';
import { ProblemWhistle1765930000000 } from './1765930000000-ProblemWhistle';
import { ProblemDecisionNotices1765941000000 } from './1765941000000-ProblemDecisionNotices';
import { WhistleAnswerBackfill1765950000000 } from './1765950000000-WhistleAnswerBackfill';
import { ViewsNotForEnterprises1765956000000 } from './1765956000000-ViewsNotForEnterprises';
import { ProblemCommissioner1765956100000 } from './1765956100000-ProblemCommissioner';
import { ReturnedQuarterlyReports1765961100000 } from './1765961100000-ReturnedQuarterlyReports';
import { LifecycleEndOutcome1765962000000 } from './1765962000000-LifecycleEndOutcome';
import { ViewsNotForAdministrators1765970000000 } from './1765970000000-ViewsNotForAdministrators';
import { TaskDepartmentRecorded1765980000000 } from './1765980000000-TaskDepartmentRecorded';
import { ClusterDivisions1765990000000 } from './1765990000000-ClusterDivisions';
import { LifecycleScope1766000000000 } from './1766000000000-LifecycleScope';
import { LifecycleNomination1766010000000 } from './1766010000000-LifecycleNomination';
import { TaskCopyOnBehalfOf1766031742000 } from './1766031742000-TaskCopyOnBehalfOf';
import { TaskProblem1766103000000 } from './1766103000000-TaskProblem';
import { SavedViewLists1766125000000 } from './1766125000000-SavedViewLists';
import { TaskSheetNo1766138000000 } from './1766138000000-TaskSheetNo';
import { TaskSheetNoPerYear1766140000000 } from './1766140000000-TaskSheetNoPerYear';
import { TaskWithdrawn1766147000000 } from './1766147000000-TaskWithdrawn';

/** In order. Never edit a migration that has shipped; add a new one. */
export const MIGRATIONS = [
  InitialSchema1764000000000,
  LifecyclesAndDoubling1764050000000,
  NotificationsAndDeadlines1764060000000,
  CalendarOverrides1764070000000,
  NotificationChannels1764080000000,
  Sessions1764100000000,
  AuditLog1764400000000,
  InboxIndexes1764500000000,
  Attachments1764600000000,
  SavedViews1764610000000,
  TaskNotices1764700000000,
  CorpMessages1764710000000,
  MustChangePassword1764720000000,
  ServerSessions1764730000000,
  SeparatedAdministrators1764740000000,
  SingleSignOn1764800000000,
  KeyedAuditChain1764830000000,
  ApprovalActions1765100000000,
  UrgeCcProxy1765250000000,
  LedgerWork1765300000000,
  YearlyCycle1765400000000,
  ReadModelSuspects1765600000000,
  PolicyChangeNotices1765720000000,
  StageHistory1765730000000,
  InboxGroupsIndex1765740000000,
  ActedAt1765920000000,
  ProblemWhistle1765930000000,
  ProblemDecisionNotices1765941000000,
  WhistleAnswerBackfill1765950000000,
  ViewsNotForEnterprises1765956000000,
  ProblemCommissioner1765956100000,
  ReturnedQuarterlyReports1765961100000,
  LifecycleEndOutcome1765962000000,
  ViewsNotForAdministrators1765970000000,
  TaskDepartmentRecorded1765980000000,
  ClusterDivisions1765990000000,
  LifecycleScope1766000000000,
  LifecycleNomination1766010000000,
  TaskCopyOnBehalfOf1766031742000,
  TaskProblem1766103000000,
  SavedViewLists1766125000000,
  TaskSheetNo1766138000000,
  TaskSheetNoPerYear1766140000000,
  TaskWithdrawn1766147000000,
];
