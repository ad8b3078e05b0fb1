import type { WecomAppConfig } from '@hardtech/config';
import { AccessToken } from './access-token';
import { CorpCard } from './channels';
import { CorpError, corpRequest } from './corp-http';

/**
 * 企业微信 application messages (自建应用 message/send): a text card to one member, sent as the
 * application's agent with a token from gettoken (corp id + the application's secret).
 */
export class WecomAppClient {
  private readonly token: AccessToken;

  constructor(private readonly config: WecomAppConfig) {
    const q = new URLSearchParams({ corpid: config.corpId, corpsecret: config.secret });
    this.token = new AccessToken('企业微信', () => corpRequest(`${config.baseUrl}/cgi-bin/gettoken?${q}`));
  }

  async send(userId: string, card: CorpCard): Promise<void> {
    const body = {
      touser: userId,
      msgtype: 'textcard',
      agentid: this.config.agentId,
      textcard: { title: card.title, description: card.description, url: card.url, btntxt: card.button },
    };
    const answer = await this.token.use((token) =>
      corpRequest(
        `${this.config.baseUrl}/cgi-bin/message/send?access_token=${encodeURIComponent(token)}`,
        body,
      ),
    );
    // A member outside the application's visible range is named in `invaliduser` with errcode 0.
    if (answer.errcode !== 0 || answer.invaliduser) throw new CorpError('企业微信', answer);
  }
}
