import { Field } from './forms/schema';
import { Stage } from './stages';
import { t } from './text';

/** POST /api/enterprises/:creditCode/whistle: what the enterprise says when it blows the whistle. */
export const WHISTLE_FIELDS: Field[] = [
  {
    name: 'problemId',
    kind: 'text',
    maxLength: 64,
    label: t('台账问题（可选）', 'Ledger problem (optional)'),
  },
  { name: 'title', kind: 'text', minLength: 2, maxLength: 200, label: t('问题', 'Problem'), required: true },
  {
    name: 'description',
    kind: 'text',
    multiline: true,
    minLength: 2,
    maxLength: 4000,
    label: t('问题描述及诉求', 'Description and request'),
    required: true,
  },
];

/** 企业吹哨·部门报到 is for pool members: from admission until they leave. */
export const WHISTLE_STAGES: readonly Stage[] = ['diagnosis', 'supporting', 'graduation_review'];
