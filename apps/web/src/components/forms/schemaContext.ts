import type { RefField } from '@hardtech/domain/forms/schema';
import { createContext, useContext } from 'react';

export interface Choice {
  value: string;
  label: string;
}

export interface SchemaContextValue {
  /** Server messages about a whole object, list, row or record, by dotted schema path. */
  groupErrors: Map<string, string[]>;
  /** Users to pick for a `ref: user` field; a username input when undefined. */
  userChoices?: (field: RefField) => Choice[] | undefined;
  disabled?: boolean;
}

export const SchemaContext = createContext<SchemaContextValue>({ groupErrors: new Map() });

export const useSchemaContext = () => useContext(SchemaContext);
