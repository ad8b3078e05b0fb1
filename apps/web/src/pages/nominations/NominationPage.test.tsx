import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Actor } from '../../api/types';
import type { FakeCall } from '../../test/fake-api';
import { openPage, USERS } from '../../test/open-page';
import { REFERENCE } from '../../test/reference.fixture';

const CODE = '91500112000000001R';
const DISTRICT_OFFICER: Actor = {
  username: 'district-500112',
  role: 'district_officer',
  scope: { districts: ['500112'] },
  displayName: '赵强',
};
const pdf = (name: string) => new File(['%PDF-1.4'], name, { type: 'application/pdf' });

const type = (label: string, value: string) =>
  fireEvent.change(screen.getByLabelText(label), { target: { value } });

async function choose(label: string, option: string) {
  await userEvent.click(screen.getByLabelText(label));
  await userEvent.click(await screen.findByTitle(option));
}

/** A nomination claiming a municipal technology centre and two Class I IPs (so C3 and C5). */
async function fillNomination({ district = true } = {}) {
  await screen.findByLabelText('统一社会信用代码');
  type('统一社会信用代码', CODE);
  type('企业名称', '重庆芯测半导体科技有限公司');
  if (district) await choose('所在区县', '渝北区');
  await choose('所属产业集群', 'T2 功率半导体');
  type('上年度营业收入', '8000');
  type('上年度研发投入', '600');
  await userEvent.click(screen.getByLabelText('市级企业技术中心'));
  await choose('级别', '市级');
  type('与主导产品相关的Ⅰ类知识产权（项）', '2');
  type('硬科技说明', '自主研发的高精度MEMS传感器芯片设计与封装技术');
  await userEvent.click(screen.getByLabelText('填空白'));
  type('说明', '填补国内车规级传感器空白');
  type('姓名', '张三');
  type('电话', '13800000000');
}

const form = (call: FakeCall) => call.body as FormData;

describe('nomination form', () => {
  it('uploads the C3 and C5 certificates first, then nominates in yuan and links to the enterprise', async () => {
    const { calls } = openPage('/nominations/new', USERS.coordinator, {
      'GET /reference': REFERENCE,
      'GET /admin/policy': { version: 3, evidenceRequired: true },
      'POST /attachments': { id: 'a1' },
      'POST /nominations': () => ({
        status: 201,
        body: { creditCode: CODE, workflowId: `enterprise/${CODE}`, stage: 'screening' },
      }),
    });
    await fillNomination();
    const evidence = await screen.findByTestId('evidence');
    // The policy requires them: without files the form does not go out.
    await userEvent.click(screen.getByRole('button', { name: '提交推荐' }));
    // antd validates each field on its own promise: the two messages can land in separate renders.
    await waitFor(() => expect(within(evidence).getAllByText('请上传认定证书')).toHaveLength(2));
    expect(calls.filter((c) => c.method === 'POST')).toEqual([]);

    const [c3, c5] = evidence.querySelectorAll<HTMLInputElement>('input[type=file]');
    await userEvent.upload(c3, pdf('技术中心认定.pdf'));
    await userEvent.upload(c5, pdf('专利证书.pdf'));
    await userEvent.click(screen.getByRole('button', { name: '提交推荐' }));

    const result = await screen.findByTestId('nomination-result');
    expect(result).toHaveTextContent(CODE);
    expect(within(result).getByTestId('stage')).toHaveTextContent('市级筛选');
    expect(within(result).getByRole('link')).toHaveAttribute('href', `/enterprises/${CODE}`);

    const posts = calls.filter((c) => c.method === 'POST');
    expect(posts.map((c) => c.path)).toEqual(['/attachments', '/attachments', '/nominations']);
    expect(
      posts.slice(0, 2).map((c) => [form(c).get('purpose'), (form(c).get('file') as File).name]),
    ).toEqual([
      ['C3', '技术中心认定.pdf'],
      ['C5', '专利证书.pdf'],
    ]);
    expect(form(posts[0]).get('subject')).toBe('nomination');
    expect(form(posts[0]).get('creditCode')).toBe(CODE);
    expect(posts[2].body).toMatchObject({
      creditCode: CODE,
      district: '500112',
      cluster: 'T2',
      revenuePrevYear: 80_000_000,
      rdExpensePrevYear: 6_000_000,
      techCenter: { kind: 'enterprise_tech_center', level: 'municipal' },
      classOneIpCount: 2,
      listed: false,
      achievements: [{ kind: 'fill_gap', description: '填补国内车规级传感器空白' }],
      contact: { name: '张三', phone: '13800000000' },
    });
  }, 60_000);

  it('fills in the district of a district officer, whose scope has that one', async () => {
    const { calls } = openPage('/nominations/new', DISTRICT_OFFICER, {
      'GET /reference': REFERENCE,
      'POST /attachments': { id: 'a1' },
      'POST /nominations': () => ({
        status: 201,
        body: { creditCode: CODE, workflowId: `enterprise/${CODE}`, stage: 'screening' },
      }),
    });
    const district = (await screen.findByLabelText('所在区县', {}, { timeout: 30_000 })).closest(
      '.ant-select',
    )!;
    await waitFor(() => expect(district).toHaveTextContent('渝北区'));
    await fillNomination({ district: false });
    const [c3, c5] = screen.getByTestId('evidence').querySelectorAll<HTMLInputElement>('input[type=file]');
    await userEvent.upload(c3, pdf('技术中心认定.pdf'));
    await userEvent.upload(c5, pdf('专利证书.pdf'));
    await userEvent.click(screen.getByRole('button', { name: '提交推荐' }));
    await screen.findByTestId('nomination-result');
    expect(calls.find((c) => c.path === '/nominations')?.body).toMatchObject({ district: '500112' });
  }, 60_000);

  it('shows refusals beside the fields and the uploads, keeping what was typed', async () => {
    let attempt = 0;
    const { calls } = openPage('/nominations/new', DISTRICT_OFFICER, {
      'GET /reference': REFERENCE,
      'POST /nominations': () =>
        ++attempt === 1
          ? {
              status: 400,
              body: {
                statusCode: 400,
                code: 'INVALID_INPUT',
                message: '输入有误',
                details: [{ field: 'contact.phone', message: '电话号码格式不正确' }],
              },
            }
          : {
              status: 422,
              body: {
                statusCode: 422,
                code: 'EVIDENCE_REQUIRED',
                message: '请先上传认定证书：Ⅰ类知识产权证书',
                details: [{ field: 'evidence.C5', message: '缺少证书：Ⅰ类知识产权证书' }],
              },
            },
    });
    await fillNomination({ district: false });
    await userEvent.click(screen.getByRole('button', { name: '提交推荐' }));
    expect(await screen.findByText('电话号码格式不正确')).toBeInTheDocument();
    expect(screen.getByLabelText('企业名称')).toHaveValue('重庆芯测半导体科技有限公司');
    expect(screen.getByLabelText('电话')).toHaveValue('13800000000');

    await userEvent.click(screen.getByRole('button', { name: '提交推荐' }));
    const evidence = screen.getByTestId('evidence');
    await waitFor(() => expect(evidence).toHaveTextContent('请上传认定证书'));
    // Beside the upload, not repeated above the form.
    expect(screen.queryByText('缺少证书：Ⅰ类知识产权证书')).not.toBeInTheDocument();
    expect(await screen.findByRole('alert')).toHaveTextContent('请先上传认定证书');
    expect(screen.getByLabelText('统一社会信用代码')).toHaveValue(CODE);
    // A district officer may not read the policy: the page does not ask.
    expect(calls.map((c) => c.path)).not.toContain('/admin/policy');
  }, 60_000);
});

describe('nomination import', () => {
  it('sends the sheet with the certificates and lists accepted codes and each row’s reasons in words', async () => {
    const { calls } = openPage('/nominations/new', DISTRICT_OFFICER, {
      'GET /reference': REFERENCE,
      'POST /nominations/import': {
        accepted: [CODE],
        rejected: [
          {
            row: 3,
            creditCode: '915001120000000010',
            errors: [{ field: '统一社会信用代码', message: '统一社会信用代码校验位错误' }],
          },
          {
            row: 4,
            creditCode: '91500112MA5U000002',
            errors: [
              {
                field: 'certificates.C5',
                message: '缺少Ⅰ类知识产权证书，请附文件 91500112MA5U000002-C5.pdf（或图片）',
              },
            ],
          },
        ],
      },
    });
    await userEvent.click(await screen.findByRole('tab', { name: 'Excel 批量导入' }));
    const start = screen.getByRole('button', { name: '开始导入' });
    expect(start).toBeDisabled();
    const sheet = new File(['PK'], '推荐.xlsx', {
      type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    });
    const sheetInput = document.querySelector<HTMLInputElement>(
      '[data-testid=import-sheet] input[type=file]',
    )!;
    await userEvent.upload(sheetInput, sheet);
    const certificates = [`${CODE}-C3.pdf`, `${CODE}-C5.pdf`].map(
      (name) => new File(['%PDF-1.4'], name, { type: 'application/pdf' }),
    );
    const certificateInput = document.querySelector<HTMLInputElement>(
      '[data-testid=import-certificates] input[type=file]',
    )!;
    await userEvent.upload(certificateInput, certificates);
    expect(screen.getByTestId('import-certificates')).toHaveTextContent(`${CODE}-C5.pdf`);
    await userEvent.click(start);

    const result = await screen.findByTestId('import-result');
    expect(result).toHaveTextContent('导入完成：1 家已推荐，2 行未通过');
    expect(within(screen.getByTestId('import-accepted')).getByRole('link')).toHaveAttribute(
      'href',
      `/enterprises/${CODE}`,
    );
    const rejected = within(screen.getByTestId('import-rejected'));
    expect(rejected.getByRole('cell', { name: '3' })).toBeInTheDocument();
    expect(screen.getByTestId('import-rejected')).toHaveTextContent(
      '统一社会信用代码：统一社会信用代码校验位错误',
    );
    // The certificate is named in words, never by its code.
    expect(screen.getByTestId('import-rejected')).toHaveTextContent('Ⅰ类知识产权证书：缺少');
    expect(screen.getByTestId('import-rejected')).not.toHaveTextContent('certificates.C5');
    const post = calls.find((c) => c.path === '/nominations/import')!;
    expect((form(post).get('file') as File).name).toBe('推荐.xlsx');
    expect((form(post).getAll('certificates') as File[]).map((f) => f.name)).toEqual([
      `${CODE}-C3.pdf`,
      `${CODE}-C5.pdf`,
    ]);
  });

  const ENTERPRISE: Actor = {
    username: 'ent-xince',
    role: 'enterprise_user',
    scope: { creditCodes: [CODE] },
  };
  const own = (stage: string) => ({
    items: [{ creditCode: CODE, name: '芯测', stage, currentStep: null }],
    total: 1,
  });
  const menu = () => screen.getByTestId('nav');

  it('offers an enterprise in the pool no nomination: no menu entry, and the page says why and leads home', async () => {
    openPage('/nominations/new', ENTERPRISE, {
      'GET /reference': REFERENCE,
      'GET /enterprises': own('supporting'),
    });
    expect(await screen.findByTestId('nomination-closed')).toHaveTextContent('本企业已在帮扶流程中');
    expect(menu()).not.toHaveTextContent('推荐入库');
    expect(screen.queryByText('Excel 批量导入')).toBeNull();
    expect(screen.queryByLabelText('统一社会信用代码')).toBeNull();
  });

  it('offers an enterprise with no running lifecycle its own nomination form, never the batch import', async () => {
    openPage('/nominations/new', ENTERPRISE, {
      'GET /reference': REFERENCE,
      'GET /enterprises': own('exited'),
    });
    expect(await screen.findByLabelText('统一社会信用代码')).toBeInTheDocument();
    await waitFor(() => expect(menu()).toHaveTextContent('推荐入库'));
    expect(screen.queryByText('Excel 批量导入')).toBeNull();
    expect(screen.queryByTestId('nomination-closed')).toBeNull();
  });

  it('drops 推荐入库 from the menu once the enterprise has nominated itself, without a reload', async () => {
    let nominated = false;
    openPage('/nominations/new', ENTERPRISE, {
      'GET /reference': REFERENCE,
      'GET /enterprises': () => ({ body: own(nominated ? 'screening' : 'exited') }),
      'POST /nominations': () => {
        nominated = true;
        return {
          status: 201,
          body: { creditCode: CODE, workflowId: `enterprise/${CODE}`, stage: 'screening' },
        };
      },
    });
    await waitFor(() => expect(menu()).toHaveTextContent('推荐入库'));
    await fillNomination();
    await userEvent.click(screen.getByRole('button', { name: '提交推荐' }));
    expect(await screen.findByTestId('nomination-result')).toHaveTextContent(CODE);
    await waitFor(() => expect(menu()).not.toHaveTextContent('推荐入库'));
    // The page keeps the result it just gave, not the 已在帮扶流程中 it would open on now.
    expect(screen.getByTestId('nomination-result')).toBeInTheDocument();
    expect(screen.queryByTestId('nomination-closed')).toBeNull();
  });
});
