// Shapes of the API's answers that several pages share (docs/api.md). Domain types are imported from the
// one definition the server uses, so a renamed role or stage breaks the build, not the page.
import type { Actor, Role } from '@hardtech/domain/roles';
import type { Stage } from '@hardtech/domain/stages';
import type { TaskType } from '@hardtech/domain/task-types';
import type { Text } from '@hardtech/domain/text';

export type { Actor, Role, Stage, TaskType, Text };

export interface Page<T> {
  items: T[];
  total: number;
}

/** POST /auth/login and /me/password: the token and the caller, as GET /me names them. */
export interface LoginResult {
  accessToken: string;
  user: Actor & { mustChangePassword?: true };
}

/** A cluster of the "33618" taxonomy, with the 行业处室 that leads it (null: unset). */
export interface Cluster {
  code: string;
  tier: string;
  name: string;
  en: string;
  active: boolean;
  divisionName: string | null;
  divisionEn: string | null;
}

/** GET /api/reference: code lists with their labels, for selects and table cells. */
export interface Reference {
  /** `en`: the pinyin name (Yubei District). */
  districts: { code: string; name: string; en: string; kind: string }[];
  clusters: Cluster[];
  stages: Record<Stage, Text>;
  taskTypes: Record<TaskType, Text>;
  roles: Record<Role, Text>;
}
