import type { RefField } from '@hardtech/domain/forms/schema';
import { createContext, useContext } from 'react';

export interface Choice {
  value: string;
  label: string;
  /** Shown but not to be chosen (a problem whose close-out awaits the coordinators). */
  disabled?: boolean;
  /** Fields whose value the task fixes (a quarterly report's quarter): shown in words, not edited. */
  fixed?: ReadonlySet<string>;
}

export interface SchemaContextValue {
  /** Server messages about a whole object, list, row or record, by dotted schema path. */
  groupErrors: Map<string, string[]>;
  /**
   * What to pick for the refs reference data does not hold: users (`ref: user`, a username input
   * when undefined) and the ledger's problems (`ref: problem`).
   */
  refChoices?: (field: RefField) => Choice[] | undefined;
  disabled?: boolean;
  /** Fields whose value the task fixes (a quarterly report's quarter): shown in words, not edited. */
  fixed?: ReadonlySet<string>;
}

export const SchemaContext = createContext<SchemaContextValue>({ groupErrors: new Map() });

export const useSchemaContext = () => useContext(SchemaContext);
