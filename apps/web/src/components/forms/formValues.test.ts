import { NOMINATION_FIELDS } from '@hardtech/domain/nomination';
import { POLICY_FIELDS } from '@hardtech/domain/policy-form';
import { sampleNomination } from '@hardtech/domain/samples';
import { TASK_FORMS } from '@hardtech/domain/tasks/forms';
import { validateFields } from '@hardtech/domain/forms/validate';
import { describe, expect, it } from 'vitest';
import { fromFormValues, toFormValues } from './formValues';

// Odd yuan and a null level: the cases a conversion could lose.
const nomination = sampleNomination({
  rdExpensePrevYear: 2_350_001,
  techCenter: { kind: 'none', level: null },
});

describe('form values', () => {
  it('shows a ratio as a percentage and sends the fraction again, without float noise', () => {
    const thresholds = { maxRevenue: 200_000_000, minRdIntensity: 0.05, minClassOneIp: 1 };
    const values = toFormValues(POLICY_FIELDS, { thresholds });
    expect((values.thresholds as { minRdIntensity: number }).minRdIntensity).toBe(5);
    const sent = fromFormValues(POLICY_FIELDS, {
      thresholds: { ...(values.thresholds as object), minRdIntensity: 7 },
    });
    expect((sent.thresholds as { minRdIntensity: number }).minRdIntensity).toBe(0.07);
  });

  it('shows yuan as 万元 and sends integer yuan again', () => {
    const values = toFormValues(NOMINATION_FIELDS, nomination);
    expect(values.revenuePrevYear).toBe(8000);
    expect(values.rdExpensePrevYear).toBe(235.0001);
    expect(fromFormValues(NOMINATION_FIELDS, { ...values, revenuePrevYear: 1234.5678 }).revenuePrevYear).toBe(
      12_345_678,
    );
  });

  it('round-trips API data exactly, nulls of nullable fields included', () => {
    expect(fromFormValues(NOMINATION_FIELDS, toFormValues(NOMINATION_FIELDS, nomination))).toEqual(
      nomination,
    );
    const portrait = TASK_FORMS.DIAGNOSE.outcomes.submit.fields;
    const diagnosis = {
      portrait: { management: { score: 4, note: '核心专利3项' } },
      problems: [
        {
          title: '融资难',
          category: 'market_common',
          measures: '对接银行',
          target: '年内融资1000万元',
          ownerDepartment: 'finance',
          dueAt: '2027-06-30',
          special: null,
        },
      ],
    };
    expect(fromFormValues(portrait, toFormValues(portrait, diagnosis))).toMatchObject(diagnosis);
  });

  it('leaves empty inputs out, or sends null where the field is nullable', () => {
    const data = fromFormValues(NOMINATION_FIELDS, {
      name: '',
      techCenter: { kind: 'none', level: undefined },
      achievements: [],
      contact: {},
    });
    expect(data).toEqual({ techCenter: { kind: 'none', level: null }, achievements: [], contact: {} });
    const screen = TASK_FORMS.SCREEN.outcomes.pass.fields;
    expect(
      fromFormValues(screen, { judgments: { C2: { note: '' } }, justifications: { C1: '' }, note: '' }),
    ).toEqual({});
  });

  it('produces data the domain validator accepts', () => {
    const values = toFormValues(NOMINATION_FIELDS, nomination);
    expect(validateFields(NOMINATION_FIELDS, fromFormValues(NOMINATION_FIELDS, values))).toEqual([]);
  });
});
