import { CRITERIA } from '@hardtech/domain/screening';
import { TASK_FORMS } from '@hardtech/domain/tasks/forms';
import { describe, expect, it } from 'vitest';
import { fieldLabel } from './fieldLabel';

describe('fieldLabel', () => {
  it('names criteria, certificates, form and nomination fields in words', () => {
    expect(fieldLabel('criteria.C4')?.zh).toBe(`C4 ${CRITERIA.C4.label.zh}`);
    expect(fieldLabel('evidence.C5')?.zh).toBe('Ⅰ类知识产权证书');
    const fields = TASK_FORMS.DISTRICT_FEEDBACK.outcomes.support.fields;
    expect(fieldLabel('data.opinion', fields, 'data.')?.zh).toBe(fields[0].label.zh);
    expect(fieldLabel('revenuePrevYear')?.zh).toBe('上年度营业收入');
  });

  it('names nothing it does not know, so no code is shown', () => {
    expect(fieldLabel('internal.flag')).toBeNull();
  });
});
