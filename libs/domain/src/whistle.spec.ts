import { TASK_FORMS } from './tasks/forms';
import { visibleStep } from './visibility';
import { whistleAnsweredText, whistleAnswerAudience, whistleOnProblemRefusal } from './whistle';

describe('部门报到: the reply to a whistle', () => {
  const respond = TASK_FORMS.WHISTLE_RESPONSE.outcomes.respond;

  it('is read by the enterprise whole, and nothing else of the step nor who answered', () => {
    const step = {
      taskType: 'WHISTLE_RESPONSE' as const,
      outcome: 'respond',
      data: { response: '已协调银行', resolved: false, note: '内部：优先级低' },
      actor: 'fin-1',
    };
    expect(visibleStep('enterprise_user', step)).toEqual({
      ...step,
      data: { response: '已协调银行', resolved: false },
      actor: null,
    });
  });

  it('says at the field that the enterprise reads it, where the comments say they are internal', () => {
    const response = respond.fields.find((f) => f.name === 'response')!;
    expect(response.label.zh).toContain('企业可见');
    expect(response.help?.zh).toContain('此答复将发送给吹哨企业');
    expect(response.help?.en).toContain('sent to the enterprise');
  });

  it('says at "resolved" that it goes to the 销号 review, not that it closes the problem out', () => {
    const resolved = respond.fields.find((f) => f.name === 'resolved')!;
    expect(resolved.help?.zh).toContain('问题销号审核');
    expect(resolved.help?.zh).toContain('待审核销号');
    expect(resolved.help?.en).toContain('closed out only once they confirm it');
  });

  it('is told to the enterprise that blew the whistle, by department, with the reply', () => {
    expect(whistleAnswerAudience('91500112000000001R')).toEqual([
      'enterprise_user:enterprise:91500112000000001R',
    ]);
    const answer = { enterpriseName: '星联通信', title: '授信迟迟未落实', department: 'finance' as const };
    expect(whistleAnsweredText({ ...answer, response: '下周放款', resolved: false })).toEqual({
      zh: '【部门报到】产业金融处已答复「星联通信」的吹哨问题「授信迟迟未落实」（问题化解中）：“下周放款”',
      en: 'Whistle answered: Industrial finance division answered “授信迟迟未落实” of 星联通信 (the problem is in progress): "下周放款"',
    });
    expect(whistleAnsweredText({ ...answer, response: '已放款', resolved: true }).zh).toContain(
      '（问题已解决，待审核销号）',
    );
  });
});

describe('企业吹哨 on a ledger problem', () => {
  it('is refused on a problem closed out (409 PROBLEM_CLOSED), allowed while its 销号 review is pending', () => {
    expect(whistleOnProblemRefusal({ status: 'resolved' })).toMatchObject({
      code: 'PROBLEM_CLOSED',
      status: 409,
    });
    for (const status of ['open', 'in_progress', 'closing', 'escalated'] as const) {
      expect(whistleOnProblemRefusal({ status })).toBeNull();
    }
  });

  it('is refused while a whistle on it awaits its 部门报到 (409 WHISTLE_OPEN), allowed again once answered', () => {
    const refusal = whistleOnProblemRefusal({ status: 'in_progress', whistleStatus: 'open' });
    expect(refusal).toMatchObject({ code: 'WHISTLE_OPEN', status: 409 });
    expect(refusal?.text.zh).toBe('该问题已吹哨，正等待部门报到；部门报到后可再次吹哨');
    expect(whistleOnProblemRefusal({ status: 'in_progress', whistleStatus: 'answered' })).toBeNull();
    expect(whistleOnProblemRefusal({ status: 'closing', whistleStatus: 'answered' })).toBeNull();
    // Closed out says so first: no answer reopens it.
    expect(whistleOnProblemRefusal({ status: 'resolved', whistleStatus: 'open' })).toMatchObject({
      code: 'PROBLEM_CLOSED',
    });
  });
});
