import type { Field } from '@hardtech/domain/forms/schema';
import { Form } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { ApiError } from '../../api/client';
import { ErrorAlert } from '../ErrorAlert';
import { fieldAt, FieldPath, placeErrors } from './fieldErrors';
import { FieldItem } from './FieldItem';
import { SchemaContext, SchemaContextValue } from './schemaContext';

export interface SchemaFormProps {
  fields: Field[];
  /** The last refusal of a submit: its details go beside their fields, the rest above the form. */
  error?: Error | null;
  /** What the API puts before the form's paths in `details[].field`, e.g. `data.`. */
  errorPrefix?: string;
  /** Where in the caller's form values the fields live (default: at the top). */
  root?: FieldPath;
  refChoices?: SchemaContextValue['refChoices'];
  disabled?: boolean;
  fixed?: SchemaContextValue['fixed'];
}

const GROUP_KINDS = new Set(['object', 'list', 'record']);

/**
 * The fields of the domain's form language as antd Form.Items inside the caller's <Form>. Values
 * are the form's view of the data: convert with toFormValues / fromFormValues. A refusal never
 * resets the form, so what the user typed stays.
 */
export function SchemaForm({
  fields,
  error,
  errorPrefix = '',
  root = [],
  refChoices,
  disabled,
  fixed,
}: SchemaFormProps) {
  const form = Form.useFormInstance();
  const [groupErrors, setGroupErrors] = useState(new Map<string, string[]>());
  const [unplaced, setUnplaced] = useState<Error | null>(null);

  useEffect(() => {
    if (!error) {
      setGroupErrors(new Map());
      setUnplaced(null);
      return;
    }
    if (!(error instanceof ApiError)) {
      setUnplaced(error);
      return;
    }
    const { placed, unplaced: rest } = placeErrors(fields, error.details, errorPrefix);
    const groups = new Map<string, string[]>();
    const leaves = [];
    for (const entry of placed) {
      if (GROUP_KINDS.has(fieldAt(fields, entry.name)!.kind) || typeof entry.name.at(-1) === 'number')
        groups.set(entry.name.join('.'), entry.errors);
      else leaves.push({ name: [...root, ...entry.name], errors: entry.errors });
    }
    form.setFields(leaves);
    // The submit button is at the foot of a long form: bring the first refused field into view.
    if (leaves.length) form.scrollToField(leaves[0].name, { block: 'center' });
    setGroupErrors(groups);
    setUnplaced(new ApiError(error.status, error.code, error.message, rest));
    // `root` is a new array on each render; the error is what changes.
  }, [error, fields, errorPrefix, form]);

  const context = useMemo(
    () => ({ groupErrors, refChoices, disabled, fixed }),
    [groupErrors, refChoices, disabled, fixed],
  );
  return (
    <SchemaContext.Provider value={context}>
      <ErrorAlert error={unplaced} fields={fields} prefix={errorPrefix} />
      {fields.map((field) => (
        <FieldItem
          key={field.name}
          field={field}
          name={[...root, field.name]}
          path={[field.name]}
          inRequired
        />
      ))}
    </SchemaContext.Provider>
  );
}
