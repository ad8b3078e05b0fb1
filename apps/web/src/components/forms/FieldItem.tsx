import { MinusCircleOutlined, PlusOutlined } from '../icons';
import type { Field } from '@hardtech/domain/forms/schema';
import type { Rule } from 'antd/es/form';
import { Button, Col, Form, Row, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocalText } from '../../i18n';
import { useNarrow } from '../../layout/useNarrow';
import type { FieldPath } from './fieldErrors';
import { FieldInput } from './FieldInput';
import { useSchemaContext } from './schemaContext';

// Groups are fieldsets: screen readers and the e2e suite find them by their legend.
// A fieldset is at least as wide as its content (min-inline-size: min-content): on a phone a long
// label or button then pushes the page wider than the screen. minWidth 0 lets it shrink.
const GROUP_STYLE = {
  border: '1px solid #f0f0f0',
  borderRadius: 8,
  padding: '4px 16px 8px',
  marginBottom: 16,
  minWidth: 0,
};
// antd's reset draws a legend as a full-width heading on a rule; in a bordered fieldset it is its caption.
const LEGEND_STYLE = { width: 'auto', border: 0, marginBottom: 4, padding: '0 4px', fontSize: 14 };
const ROW_STYLE = { ...GROUP_STYLE, background: '#fafafa' };
/**
 * A group inside a group on a phone (市级筛选's C2 and C6 inside 人工研判): a rule above it rather
 * than a second box, so its inputs keep the width two borders and paddings took (~40 px at 390).
 */
const NESTED_NARROW_STYLE = {
  border: 0,
  borderTop: '1px solid #f0f0f0',
  padding: '4px 0 0',
  marginBottom: 8,
  minWidth: 0,
};
/**
 * Its caption on a phone: a legend that wraps runs across the rule drawn through its first line
 * (C6's long title did); floated, it is a block of lines inside the group, under the rule.
 */
const NESTED_NARROW_LEGEND = {
  float: 'left',
  width: '100%',
  border: 0,
  margin: '4px 0',
  padding: 0,
  fontSize: 14,
} as const;
/** Between a record's keys on a phone, where each key's inputs stack under it (成长诊断's 13 dimensions). */
const RECORD_KEY_RULE = { borderTop: '1px solid #f0f0f0', marginTop: 4 };

interface FieldItemProps {
  field: Field;
  /** The antd name, relative to the enclosing Form.List row when there is one. */
  name: FieldPath;
  /** The path from the schema's root: test ids and server errors of groups. */
  path: FieldPath;
  /** Whether the enclosing group is itself required: inner marks count only then. */
  inRequired: boolean;
}

/**
 * A record's key, beside its inputs and level with them; on a phone a line of its own above them:
 * in 120 px a long key broke mid-word (企业吹哨·部门报 / 到) while its inputs went below it anyway.
 */
function RecordKey({ label }: { label: string }) {
  const narrow = useNarrow();
  return (
    <Col flex={narrow ? '0 0 100%' : '0 0 120px'} style={{ paddingTop: narrow ? 8 : 34 }}>
      <Typography.Text strong>{label}</Typography.Text>
    </Col>
  );
}

/** One field of the form language: a Form.Item, or a group of them for objects, lists and records. */
export function FieldItem({ field, name, path, inRequired }: FieldItemProps) {
  const { t } = useTranslation('forms');
  const text = useLocalText();
  const narrow = useNarrow();
  const required = !!field.required && inRequired;
  const testId = `field-${path.join('.')}`;
  switch (field.kind) {
    case 'object':
      return (
        <Group field={field} path={path} required={required}>
          {field.fields.map((f) => (
            <FieldItem
              key={f.name}
              field={f}
              name={[...name, f.name]}
              path={[...path, f.name]}
              inRequired={required}
            />
          ))}
        </Group>
      );
    case 'record':
      return (
        <Group field={field} path={path} required={required}>
          {field.keys.map((key, index) => (
            // One line per key (a portrait has 13 dimensions): short inputs narrow, texts taking the rest.
            // On a phone each key is a block of lines: a rule between them tells where one ends.
            <Row
              key={key.value}
              gutter={12}
              wrap
              data-testid={`${testId}.${key.value}`}
              style={narrow && index > 0 ? RECORD_KEY_RULE : undefined}
            >
              <RecordKey label={text(key.label)} />
              {field.value.map((f) => (
                <Col key={f.name} flex={f.kind === 'text' ? '1 1 240px' : '0 0 140px'}>
                  <FieldItem
                    field={f}
                    name={[...name, key.value, f.name]}
                    path={[...path, key.value, f.name]}
                    inRequired={required || !!field.complete}
                  />
                </Col>
              ))}
            </Row>
          ))}
        </Group>
      );
    case 'list':
      return (
        <Group field={field} path={path} required={required}>
          <Form.List name={name}>
            {(rows, { add, remove }) => (
              <>
                {rows.map((row, index) => (
                  <fieldset key={row.key} style={ROW_STYLE} data-testid={`${testId}.${index}`}>
                    <legend style={LEGEND_STYLE}>
                      {t('row', { n: index + 1 })}
                      <Button
                        type="link"
                        size="small"
                        danger
                        icon={<MinusCircleOutlined />}
                        onClick={() => remove(row.name)}
                      >
                        {t('removeRow')}
                      </Button>
                    </legend>
                    <GroupErrors path={[...path, index]} />
                    {field.item.map((f) => (
                      <FieldItem
                        key={f.name}
                        field={f}
                        name={[row.name, f.name]}
                        path={[...path, index, f.name]}
                        inRequired
                      />
                    ))}
                  </fieldset>
                ))}
                <Button
                  type="dashed"
                  icon={<PlusOutlined />}
                  style={{ maxWidth: '100%', height: 'auto', whiteSpace: 'normal', textAlign: 'start' }}
                  disabled={rows.length >= field.maxItems}
                  onClick={() => add({})}
                >
                  {field.addLabel ? text(field.addLabel) : t('addRow', { label: text(field.label) })}
                </Button>
              </>
            )}
          </Form.List>
        </Group>
      );
    default: {
      const rules: Rule[] = [{ required, message: t('required') }];
      if (field.kind === 'text' && field.pattern)
        rules.push({ pattern: new RegExp(field.pattern), message: text(field.patternText) || t('pattern') });
      const tick = field.kind === 'boolean' && !required;
      return (
        <Form.Item
          name={name}
          label={tick ? undefined : text(field.label)}
          extra={field.help ? <FieldHelp field={field} text={text(field.help)} /> : undefined}
          required={required}
          rules={rules}
          valuePropName={tick ? 'checked' : 'value'}
          data-testid={testId}
        >
          <FieldInput field={field} required={required} />
        </Form.Item>
      );
    }
  }
}

function Group({
  field,
  path,
  required,
  children,
}: {
  field: Field;
  path: FieldPath;
  required: boolean;
  children: ReactNode;
}) {
  const text = useLocalText();
  // Inside another group (its path longer than a top-level field's) on a phone: slimmed.
  const slim = useNarrow() && path.length > 1;
  return (
    <fieldset style={slim ? NESTED_NARROW_STYLE : GROUP_STYLE} data-testid={`field-${path.join('.')}`}>
      <legend style={slim ? NESTED_NARROW_LEGEND : LEGEND_STYLE}>
        {required && <span style={{ color: '#ff4d4f', marginInlineEnd: 4 }}>*</span>}
        {text(field.label)}
      </legend>
      {slim && <div style={{ clear: 'both' }} />}
      {field.help && <Typography.Paragraph type="secondary">{text(field.help)}</Typography.Paragraph>}
      <GroupErrors path={path} />
      {children}
    </fieldset>
  );
}

function GroupErrors({ path }: { path: FieldPath }) {
  const messages = useSchemaContext().groupErrors.get(path.join('.'));
  if (!messages?.length) return null;
  return (
    <div role="alert" data-testid={`error-${path.join('.')}`}>
      {messages.map((m, i) => (
        <Typography.Text key={i} type="danger" style={{ display: 'block' }}>
          {m}
        </Typography.Text>
      ))}
    </div>
  );
}

/**
 * A field's help under its input. A paragraph's character count sits on the help's first line, at
 * its end (antd draws it there): the help keeps clear of it.
 */
function FieldHelp({ field, text }: { field: Field; text: string }) {
  const counted = field.kind === 'text' && field.multiline;
  return <div style={counted ? { paddingInlineEnd: '6em' } : undefined}>{text}</div>;
}
