import { Body, Controller, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiTags } from '@nestjs/swagger';
import { Actor, WHISTLE_FIELDS } from '@hardtech/domain';
import { CurrentActor, Roles } from '../auth/decorators';
import { WhistleResultDto } from '../dtos/admin.dto';
import { ApiDoc } from '../openapi/api-doc';
import { formSchema } from '../openapi/form-schema';
import { WhistlesService } from '../services/whistles.service';
import { CreditCodePipe } from './params';

@ApiTags('enterprises')
@ApiBearerAuth()
@Controller('enterprises/:creditCode/whistle')
export class WhistlesController {
  constructor(private readonly whistles: WhistlesService) {}

  @Post()
  @Roles('enterprise_user')
  @ApiBody({ schema: formSchema(WHISTLE_FIELDS) })
  @ApiDoc({
    summary: '企业吹哨 Blow the whistle on a problem',
    description:
      'The owner department (or the lead cluster for a new problem) gets a WHISTLE_RESPONSE task with a short deadline; unanswered, it escalates to the leader.',
    ok: WhistleResultDto,
    status: 201,
    errors: [400, 401, 403, 404, 409, 413, 422],
  })
  blow(
    @CurrentActor() actor: Actor,
    @Param('creditCode', CreditCodePipe) creditCode: string,
    @Body() body: unknown,
  ) {
    return this.whistles.blow(actor, creditCode, body);
  }
}
