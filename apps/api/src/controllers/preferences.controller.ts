import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiTags } from '@nestjs/swagger';
import { Actor, PREFERENCE_FIELDS } from '@hardtech/domain';
import { CurrentActor, SelfService } from '../auth/decorators';
import { NotificationPreferencesDto } from '../dtos/admin.dto';
import { ApiDoc } from '../openapi/api-doc';
import { formSchema } from '../openapi/form-schema';
import { PreferencesService } from '../services/preferences.service';

@ApiTags('notifications')
@ApiBearerAuth()
@Controller('me/notification-preferences')
export class PreferencesController {
  constructor(private readonly preferences: PreferencesService) {}

  @Get()
  @ApiDoc({
    summary: '提醒方式 Where my reminders go (e-mail, 企业微信, 钉钉, morning digest)',
    ok: NotificationPreferencesDto,
    errors: [401],
  })
  get(@CurrentActor() actor: Actor) {
    return this.preferences.get(actor);
  }

  @Put()
  @SelfService()
  @ApiBody({ schema: { ...formSchema(PREFERENCE_FIELDS), required: [] } })
  @ApiDoc({
    summary: '设置提醒方式 Set where my reminders go',
    description:
      'Fields left out keep their value. Open to every role: it concerns only the caller. An enterprise user ' +
      'sets only email, emailEnabled, wecomApp, dingtalkApp and digest (403 PREFERENCE_NOT_OFFERED naming the ' +
      'others, nothing saved): group robots are an office’s, and its 企业微信 / 钉钉 ids an administrator’s to link.',
    ok: NotificationPreferencesDto,
    errors: [400, 401, 403, 413],
  })
  update(@CurrentActor() actor: Actor, @Body() body: unknown) {
    return this.preferences.update(actor, body);
  }
}
