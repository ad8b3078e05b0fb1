import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor, PREFERENCE_FIELDS } from '@hardtech/domain';
import { CurrentActor } from '../auth/decorators';
import { formSchema } from '../openapi/form-schema';
import { PreferencesService } from '../services/preferences.service';

@ApiTags('notifications')
@ApiBearerAuth()
@Controller('me/notification-preferences')
export class PreferencesController {
  constructor(private readonly preferences: PreferencesService) {}

  @Get()
  @ApiOperation({ summary: '提醒方式 Where my reminders go (e-mail, 企业微信, 钉钉, morning digest)' })
  get(@CurrentActor() actor: Actor) {
    return this.preferences.get(actor);
  }

  @Put()
  @ApiBody({ schema: { ...formSchema(PREFERENCE_FIELDS), required: [] } })
  @ApiOperation({
    summary: '设置提醒方式 Set where my reminders go',
    description: 'Fields left out keep their value.',
  })
  update(@CurrentActor() actor: Actor, @Body() body: unknown) {
    return this.preferences.update(actor, body);
  }
}
