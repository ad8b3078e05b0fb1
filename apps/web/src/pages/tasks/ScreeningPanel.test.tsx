import { render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import i18n from '../../i18n';
import { ScreeningPanel } from './ScreeningPanel';

afterEach(async () => {
  await i18n.changeLanguage('zh-CN');
});

// ui-walk-7: 政策版本 v1 here, 政策版本 1 on the enterprise page, 第 1 版 on 政策参数.
describe('ScreeningPanel’s policy version', () => {
  it('names the version as 政策参数 does, 第 1 版, not v1', () => {
    render(<ScreeningPanel criteria={[]} policyVersion={1} />);
    expect(screen.getByTestId('screening')).toHaveTextContent('政策第 1 版');
    expect(screen.getByTestId('screening')).not.toHaveTextContent('v1');
  });
});

// The walk in English: a screening stored with its option codes read "municipal
// enterprise_tech_center" and "specialized" beside C3 and S2.
describe('ScreeningPanel in English', () => {
  it('names the technology centre and SRDI status in words, also of a screening stored with codes', async () => {
    await i18n.changeLanguage('en');
    render(
      <ScreeningPanel
        criteria={[
          {
            id: 'C3',
            kind: 'hard',
            outcome: 'pass',
            detail: '已获评市级企业技术中心',
            detailEn: 'municipal enterprise_tech_center',
          },
          { id: 'S2', kind: 'soft', outcome: 'pass', detail: '专精特新企业', detailEn: 'specialized' },
        ]}
      />,
    );
    expect(screen.getByTestId('criterion-C3')).toHaveTextContent('municipal enterprise technology centre');
    expect(screen.getByTestId('criterion-S2')).toHaveTextContent('specialised enterprise (SRDI)');
    expect(screen.getByTestId('screening').textContent).not.toMatch(/enterprise_tech_center|specialized/);
  });

  // The walk in English: C1 read "previous-year revenue 80000000 ≤ 100000000 yuan".
  it('says money as officers read it, in either language, also of a screening stored with raw yuan', async () => {
    const stored = {
      id: 'C1' as const,
      kind: 'soft' as const,
      outcome: 'pass' as const,
      detail: '上年度营业收入 8000万元 ≤ 10000万元',
      detailEn: 'previous-year revenue 80000000 ≤ 100000000 yuan',
    };
    const { unmount } = render(<ScreeningPanel criteria={[stored]} />);
    expect(screen.getByTestId('criterion-C1')).toHaveTextContent('上年度营业收入 8,000 万元 ≤ 1 亿元');
    unmount();
    await i18n.changeLanguage('en');
    render(<ScreeningPanel criteria={[stored]} />);
    const c1 = screen.getByTestId('criterion-C1');
    expect(c1).toHaveTextContent('previous-year revenue CNY 80 million ≤ CNY 100 million');
    expect(c1).toHaveTextContent('Previous-year revenue ≤ CNY 100 million in principle');
    expect(c1.textContent).not.toMatch(/\d{5}|yuan/);
  });
});
