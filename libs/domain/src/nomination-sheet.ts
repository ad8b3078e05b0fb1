import { FieldError } from './errors';
import {
  ACHIEVEMENT_KINDS,
  Nomination,
  SRDI_OPTIONS,
  TECH_CENTER_KINDS,
  TECH_CENTER_LEVELS,
} from './nomination';
import { DISTRICTS } from './reference';
import { t } from './text';

/**
 * The nomination spreadsheet that districts send (分行业、分领域、分地域摸排): one enterprise per
 * row under Chinese headers. Cells may hold codes or the Chinese names officers type.
 */
export interface SheetColumn {
  header: string;
  /** The nomination field a cell fills; errors on that field are reported under this header. */
  field: string;
  width: number;
  example: string | number;
  options?: string[];
  /** The header of earlier templates that this column replaces, still read (see `nominationFromRow`). */
  formerHeader?: string;
}

const labels = (options: { label: { zh: string } }[]) => options.map((o) => o.label.zh);

export const NOMINATION_SHEET: SheetColumn[] = [
  { header: '统一社会信用代码', field: 'creditCode', width: 22, example: '91350100M000100Y43' },
  { header: '企业名称', field: 'name', width: 28, example: '重庆示例科技有限公司' },
  { header: '所在区县', field: 'district', width: 14, example: '渝北区' },
  { header: '所属产业集群', field: 'cluster', width: 22, example: '新一代电子信息制造业' },
  // Money in 万元, as the nomination form takes it; templates before 2026-12 had yuan (formerHeader).
  {
    header: '上年度营业收入（万元）',
    field: 'revenuePrevYear',
    width: 20,
    example: 8000,
    formerHeader: '上年度营业收入（元）',
  },
  {
    header: '上年度研发投入（万元）',
    field: 'rdExpensePrevYear',
    width: 20,
    example: 600,
    formerHeader: '上年度研发投入（元）',
  },
  {
    header: '技术中心类型',
    field: 'techCenter.kind',
    width: 20,
    example: '市级企业技术中心',
    options: labels(TECH_CENTER_KINDS),
  },
  {
    header: '技术中心级别',
    field: 'techCenter.level',
    width: 12,
    example: '市级',
    options: labels(TECH_CENTER_LEVELS),
  },
  { header: 'Ⅰ类知识产权（项）', field: 'classOneIpCount', width: 14, example: 3 },
  { header: '是否上市', field: 'listed', width: 10, example: '否', options: ['是', '否'] },
  { header: '专精特新资质', field: 'srdi', width: 16, example: '专精特新', options: labels(SRDI_OPTIONS) },
  {
    header: '硬科技说明',
    field: 'hardTechDescription',
    width: 40,
    example: '自主研发的高精度传感器芯片设计与封装技术',
  },
  { header: '补短板成效', field: 'achievements.strengthen', width: 30, example: '' },
  { header: '锻长板成效', field: 'achievements.lengthen', width: 30, example: '' },
  { header: '填空白成效', field: 'achievements.fill_gap', width: 30, example: '填补国内车规级传感器空白' },
  { header: '联系人', field: 'contact.name', width: 10, example: '张三' },
  { header: '联系电话', field: 'contact.phone', width: 16, example: '13800000000' },
];

export type SheetRow = Record<string, unknown>;

function text(v: unknown): string {
  return v === null || v === undefined ? '' : String(v).trim();
}

/** Maps a Chinese label or a code to the code of an option list; the raw text when unknown. */
function option(
  v: unknown,
  options: { value: string; label: { zh: string } }[],
  aliases: Record<string, string> = {},
): string {
  const s = text(v);
  return aliases[s] ?? options.find((o) => o.label.zh === s || o.value === s)?.value ?? s;
}

function money(v: unknown): unknown {
  if (typeof v === 'number') return v;
  const s = text(v).replace(/[,，\s]/g, '');
  return /^-?\d+$/.test(s) ? Number(s) : s === '' ? undefined : s;
}

const YUAN_PER_WAN = 10_000;

/** 万元 with separators and up to four decimals, as integer yuan; anything else left for validation. */
function wan(v: unknown): unknown {
  const s = typeof v === 'number' ? String(v) : text(v).replace(/[,，\s]/g, '');
  if (s === '') return undefined;
  return /^-?\d+(\.\d{1,4})?$/.test(s) ? Math.round(Number(s) * YUAN_PER_WAN) : s;
}

/** A money cell: the current 万元 column, or an earlier template's yuan column. */
function moneyCell(row: SheetRow, field: string): unknown {
  const column = NOMINATION_SHEET.find((c) => c.field === field)!;
  const current = wan(row[column.header]);
  return current !== undefined ? current : money(row[column.formerHeader!]);
}

/** One spreadsheet row (header → cell) as the body of POST /api/nominations would be. */
export function nominationFromRow(
  row: SheetRow,
  clusters: readonly { code: string; name: string }[],
): Partial<Nomination> {
  const cell = (header: string) => row[header];
  const district = text(cell('所在区县'));
  const cluster = text(cell('所属产业集群'));
  const kind = option(cell('技术中心类型'), TECH_CENTER_KINDS, {
    市级技术中心: 'enterprise_tech_center',
    企业技术中心: 'enterprise_tech_center',
  });
  const levelText = text(cell('技术中心级别'));
  const listed = text(cell('是否上市'));
  const achievements = ACHIEVEMENT_KINDS.flatMap((k) => {
    const description = text(
      cell(NOMINATION_SHEET.find((c) => c.field === `achievements.${k.value}`)!.header),
    );
    return description ? [{ kind: k.value as Nomination['achievements'][number]['kind'], description }] : [];
  });
  return {
    creditCode: text(cell('统一社会信用代码')).toUpperCase(),
    name: text(cell('企业名称')),
    district: DISTRICTS.find((d) => d.name === district || d.code === district)?.code ?? district,
    cluster: clusters.find((c) => c.name === cluster || c.code === cluster)?.code ?? cluster,
    revenuePrevYear: moneyCell(row, 'revenuePrevYear') as number,
    rdExpensePrevYear: moneyCell(row, 'rdExpensePrevYear') as number,
    techCenter: {
      kind: kind as Nomination['techCenter']['kind'],
      level: levelText ? (option(levelText, TECH_CENTER_LEVELS) as 'municipal' | 'national') : null,
    },
    classOneIpCount: money(cell('Ⅰ类知识产权（项）')) as number,
    listed: (listed === '是' ? true : listed === '否' ? false : listed) as boolean,
    srdi: option(cell('专精特新资质'), SRDI_OPTIONS, {
      小巨人: 'little_giant',
      专精特新小巨人: 'little_giant',
    }) as Nomination['srdi'],
    hardTechDescription: text(cell('硬科技说明')),
    achievements,
    contact: { name: text(cell('联系人')), phone: text(cell('联系电话')) },
  };
}

/** Field errors of a nomination, named by the spreadsheet's headers so officers find the cell. */
export function errorsByHeader(errors: FieldError[]): FieldError[] {
  return errors.map((e) => {
    const column =
      NOMINATION_SHEET.find((c) => c.field === e.field) ??
      NOMINATION_SHEET.find(
        (c) => e.field.startsWith('achievements') && c.field.startsWith('achievements'),
      ) ??
      NOMINATION_SHEET.find((c) => e.field.startsWith(`${c.field}.`) || c.field.startsWith(`${e.field}.`));
    return { field: column?.header ?? e.field, text: e.text };
  });
}

export const DUPLICATE_IN_FILE = t('文件中重复的统一社会信用代码', 'credit code repeated in the file');
