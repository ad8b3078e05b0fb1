import { AccessToken } from './access-token';
import { corpCard } from './channels';

describe('AccessToken', () => {
  let now = 0;
  let issued = 0;
  const fetchToken = jest.fn(async () => ({ errcode: 0, access_token: `T${++issued}`, expires_in: 7200 }));
  const token = () => new AccessToken('test', fetchToken, () => now);
  beforeEach(() => {
    now = 0;
    issued = 0;
    fetchToken.mockClear();
  });

  it('fetches once for concurrent sends and keeps the token until shortly before it expires', async () => {
    const t = token();
    expect(await Promise.all([t.get(), t.get(), t.get()])).toEqual(['T1', 'T1', 'T1']);
    now = (7200 - 301) * 1000;
    expect(await t.get()).toBe('T1');
    now = (7200 - 299) * 1000;
    expect(await t.get()).toBe('T2');
    expect(fetchToken).toHaveBeenCalledTimes(2);
  });

  it('sends once more with a new token when the API rejects it (40014, 42001), not for other errors', async () => {
    const t = token();
    const sent: string[] = [];
    const answer = await t.use(async (tk) => {
      sent.push(tk);
      return { errcode: sent.length === 1 ? 42001 : 0 };
    });
    expect(answer.errcode).toBe(0);
    expect(sent).toEqual(['T1', 'T2']);
    const busy = await t.use(async (tk) => {
      sent.push(tk);
      return { errcode: -1 };
    });
    expect(busy.errcode).toBe(-1);
    expect(sent).toEqual(['T1', 'T2', 'T2']);
  });

  it('fails when gettoken refuses', async () => {
    const t = new AccessToken('test', async () => ({ errcode: 40001, errmsg: 'invalid secret' }));
    await expect(t.get()).rejects.toThrow('test errcode 40001: invalid secret');
  });
});

describe('corpCard', () => {
  it('titles the card with the kind and the enterprise and links to the task', () => {
    const card = corpCard(
      { taskId: 'abc', enterpriseName: '重庆芯测' },
      { zh: '【新待办】「重庆芯测」的企业确认待您办理，办理时限 2026-03-12 09:00。', en: '' },
      'https://pool.example',
    );
    expect(card).toEqual({
      title: '新待办｜重庆芯测',
      description: '「重庆芯测」的企业确认待您办理，办理时限 2026-03-12 09:00。',
      url: 'https://pool.example/tasks/abc',
      button: '去办理',
    });
  });

  it('keeps the description within 企业微信’s 512 bytes', () => {
    const card = corpCard({}, { zh: `【待办汇总】${'逾期'.repeat(300)}`, en: '' }, 'https://p');
    expect(Buffer.byteLength(card.description)).toBeLessThanOrEqual(512);
    expect(card.url).toBe('https://p/inbox');
  });
});
