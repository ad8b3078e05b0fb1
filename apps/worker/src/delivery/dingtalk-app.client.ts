import type { DingtalkAppConfig } from '@hardtech/config';
import { AccessToken } from './access-token';
import { CorpCard } from './channels';
import { CorpError, corpRequest } from './corp-http';

/**
 * 钉钉 work notices (工作通知 asyncsend_v2): an action card to one user, sent as the application's
 * agent with a token from gettoken (app key + app secret).
 */
export class DingtalkAppClient {
  private readonly token: AccessToken;

  constructor(private readonly config: DingtalkAppConfig) {
    const q = new URLSearchParams({ appkey: config.appKey, appsecret: config.appSecret });
    this.token = new AccessToken('钉钉', () => corpRequest(`${config.baseUrl}/gettoken?${q}`));
  }

  async send(userId: string, card: CorpCard): Promise<void> {
    const body = {
      agent_id: this.config.agentId,
      userid_list: userId,
      msg: {
        msgtype: 'action_card',
        action_card: {
          title: card.title,
          markdown: `#### ${card.title}\n\n${card.description}`,
          single_title: card.button,
          single_url: card.url,
        },
      },
    };
    const answer = await this.token.use((token) =>
      corpRequest(
        `${this.config.baseUrl}/topapi/message/corpconversation/asyncsend_v2?access_token=${encodeURIComponent(token)}`,
        body,
      ),
    );
    if (answer.errcode !== 0) throw new CorpError('钉钉', answer);
  }
}
