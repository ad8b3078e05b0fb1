import type { Field } from '@hardtech/domain/forms/schema';
import { POLICY_FIELDS } from '@hardtech/domain/policy-form';
import { TASK_FORMS } from '@hardtech/domain/tasks/forms';
import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Button, Form } from 'antd';
import { useState } from 'react';
import i18n from '../../i18n';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/client';
import { fakeApi } from '../../test/fake-api';
import { resizeWindow } from '../../test/media';
import { fromFormValues, toFormValues } from './formValues';
import { SchemaForm } from './SchemaForm';

const REFERENCE = {
  districts: [{ code: '500112', name: '渝北区', en: 'Yubei District', kind: 'district' }],
  clusters: [{ code: 'T2', tier: 'T', name: '功率半导体', en: 'Power semiconductors', active: true }],
  stages: {},
  taskTypes: {},
  roles: {},
};

/** A caller as the task page is one: owns the Form, converts values, submits, keeps the refusal. */
function Harness({
  fields,
  submit,
  initial,
}: {
  fields: Field[];
  submit: (data: unknown) => void;
  initial?: unknown;
}) {
  const [form] = Form.useForm();
  const [error, setError] = useState<Error | null>(null);
  return (
    <Form form={form} layout="vertical" initialValues={toFormValues(fields, initial)}>
      <SchemaForm fields={fields} error={error} errorPrefix="data." />
      <Button
        onClick={async () => {
          const values = await form.validateFields().catch(() => null);
          if (!values) return;
          submit(fromFormValues(fields, values));
          setError(
            new ApiError(422, 'SCREENING_REFUSED', '不能通过筛选', [
              { field: 'data.judgments.C2', message: '需确认硬科技属性并填写意见' },
              { field: 'data.justifications.C1', message: '营业收入超过1亿元需说明理由' },
              { field: 'criteria.C4', message: '研发投入强度 4.90% < 5%' },
            ]),
          );
        }}
      >
        submit
      </Button>
    </Form>
  );
}

describe('SchemaForm', () => {
  it('shows a refusal beside the fields it concerns, the rest above, and keeps the input', async () => {
    fakeApi({ 'GET /reference': REFERENCE });
    const sent: unknown[] = [];
    render(<Harness fields={TASK_FORMS.SCREEN.outcomes.pass.fields} submit={(d) => sent.push(d)} />);
    await userEvent.type(screen.getByLabelText('筛选意见'), '符合条件');
    await userEvent.click(screen.getByRole('button', { name: 'submit' }));
    expect(sent).toEqual([{ note: '符合条件' }]);

    // The refusal is placed by an effect after the render that shows it: wait for the fields too.
    await waitFor(() => {
      const alert = screen.getByText('不能通过筛选').closest('[role=alert]');
      expect(alert).toHaveTextContent('研发投入强度 4.90% < 5%');
      expect(alert).not.toHaveTextContent('营业收入超过1亿元需说明理由');
      expect(screen.getByTestId('field-justifications.C1')).toHaveTextContent('营业收入超过1亿元需说明理由');
      expect(screen.getByTestId('error-judgments.C2')).toHaveTextContent('需确认硬科技属性并填写意见');
    });
    expect(screen.getByLabelText('筛选意见')).toHaveValue('符合条件');
  });

  it('reads a 万元 amount in millions beside the input in English', async () => {
    fakeApi({ 'GET /reference': REFERENCE });
    await i18n.changeLanguage('en');
    try {
      const fields: Field[] = [
        { name: 'revenue', kind: 'integer', unit: 'yuan', label: { zh: '营业收入', en: 'Revenue' } },
      ];
      render(<Harness fields={fields} submit={() => {}} initial={{ revenue: 80_000_000 }} />);
      const revenue = screen.getByLabelText('Revenue');
      expect(revenue).toHaveValue('8000');
      // "8000 ×10k yuan" was the whole of it: the amount as the rest of the English UI words money.
      expect(revenue.closest('.ant-input-number')).toHaveTextContent('× CNY 10,000');
      expect(screen.getByTestId('amount-revenue')).toHaveTextContent('= CNY 80 million');
      await userEvent.clear(revenue);
      await userEvent.type(revenue, '4800.5');
      await waitFor(() =>
        expect(screen.getByTestId('amount-revenue')).toHaveTextContent('= CNY 48.005 million'),
      );
    } finally {
      await i18n.changeLanguage('zh-CN');
    }
  });

  it('enters money in 万元 and adds list rows', async () => {
    fakeApi({ 'GET /reference': REFERENCE });
    const fields: Field[] = [
      {
        name: 'revenue',
        kind: 'integer',
        unit: 'yuan',
        label: { zh: '营业收入（元）', en: 'Revenue' },
        required: true,
      },
      { name: 'district', kind: 'ref', ref: 'district', label: { zh: '区县', en: 'District' } },
      {
        name: 'items',
        kind: 'list',
        maxItems: 3,
        label: { zh: '成效', en: 'Items' },
        item: [
          {
            name: 'description',
            kind: 'text',
            maxLength: 100,
            label: { zh: '说明', en: 'Description' },
            required: true,
          },
        ],
      },
    ];
    const sent: unknown[] = [];
    render(<Harness fields={fields} submit={(d) => sent.push(d)} initial={{ revenue: 12_000_000 }} />);
    const revenue = screen.getByLabelText('营业收入（元）');
    expect(revenue).toHaveValue('1200');
    await userEvent.clear(revenue);
    await userEvent.type(revenue, '4800.5');
    await userEvent.click(screen.getByRole('button', { name: /添加：成效/ }));
    await userEvent.type(within(screen.getByTestId('field-items.0')).getByLabelText('说明'), '填补空白');
    await userEvent.click(screen.getByRole('button', { name: 'submit' }));
    await waitFor(() =>
      expect(sent).toEqual([{ revenue: 48_005_000, items: [{ description: '填补空白' }] }]),
    );
  });

  it('marks required fields and refuses an empty required value before sending', async () => {
    fakeApi({ 'GET /reference': REFERENCE });
    const sent: unknown[] = [];
    render(<Harness fields={TASK_FORMS.SCREEN.outcomes.reject.fields} submit={(d) => sent.push(d)} />);
    await userEvent.click(screen.getByRole('button', { name: 'submit' }));
    expect(await screen.findByText('必填')).toBeInTheDocument();
    expect(sent).toEqual([]);
  });

  it('slims a group inside a group on a phone to a rule with its caption inside, boxed on a desk', () => {
    // ui-walk-10: 市级筛选's C2 and C6 boxed inside 人工研判 lost ~40 px of width at 390 px, and C6's
    // long caption wrapped across the border drawn through its first line.
    fakeApi({ 'GET /reference': REFERENCE });
    const fields = TASK_FORMS.SCREEN.outcomes.pass.fields;
    const caption = (group: HTMLElement) => group.querySelector('legend')!;
    const desk = render(<Harness fields={fields} submit={() => {}} />);
    expect(screen.getByTestId('field-judgments.C6')).toHaveStyle({ border: '1px solid #f0f0f0' });
    expect(caption(screen.getByTestId('field-judgments.C6')).style.float).toBe('');
    desk.unmount();
    act(() => resizeWindow(390));
    try {
      render(<Harness fields={fields} submit={() => {}} />);
      for (const id of ['C2', 'C6']) {
        const group = screen.getByTestId(`field-judgments.${id}`);
        expect(group.style.borderLeftWidth).toMatch(/^0(px)?$/);
        expect(group).toHaveStyle({
          borderTop: '1px solid #f0f0f0',
          paddingLeft: '0px',
          paddingRight: '0px',
        });
        expect(caption(group)).toHaveStyle({ float: 'left', width: '100%' });
      }
      // The outer group keeps its box and its caption on the border.
      expect(screen.getByTestId('field-judgments')).toHaveStyle({ border: '1px solid #f0f0f0' });
      expect(caption(screen.getByTestId('field-judgments')).style.float).toBe('');
    } finally {
      act(() => resizeWindow(1024));
    }
  });

  it('puts a record’s key on a line of its own above its inputs on a phone, beside them on a desk', () => {
    fakeApi({ 'GET /reference': REFERENCE });
    const fields = POLICY_FIELDS.filter((f) => f.name === 'sla');
    const key = () => screen.getByText('企业吹哨·部门报到').closest('.ant-col');
    const desk = render(<Harness fields={fields} submit={() => {}} />);
    expect(key()).toHaveStyle({ flex: '0 0 120px' });
    expect(screen.getAllByTestId(/^field-sla\./).some((row) => row.style.borderTop)).toBe(false);
    desk.unmount();
    act(() => resizeWindow(390));
    try {
      render(<Harness fields={fields} submit={() => {}} />);
      // In 120 px it broke into 企业吹哨·部门报 / 到, its three inputs below it all the same.
      expect(key()).toHaveStyle({ flex: '0 0 100%' });
      // Each key a block of stacked lines: a rule between blocks, none above the first (ui-walk-7).
      const rows =
        fields[0].kind === 'record'
          ? fields[0].keys.map((k) => screen.getByTestId(`field-sla.${k.value}`))
          : [];
      expect(rows.length).toBeGreaterThan(1);
      expect(rows[0].style.borderTop).toBe('');
      rows.slice(1).forEach((row) => expect(row).toHaveStyle({ borderTop: '1px solid #f0f0f0' }));
    } finally {
      act(() => resizeWindow(1024));
    }
  });
});
