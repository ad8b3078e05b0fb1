import { Body, Controller, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiTags } from '@nestjs/swagger';
import { Actor, NOMINATION_FIELDS } from '@hardtech/domain';
import { CurrentActor, Roles } from '../auth/decorators';
import { NominationResultDto } from '../dtos/enterprise.dto';
import { ApiDoc } from '../openapi/api-doc';
import { formSchema } from '../openapi/form-schema';
import { NominationsService } from '../services/nominations.service';

@ApiTags('nominations')
@ApiBearerAuth()
@Controller('nominations')
export class NominationsController {
  constructor(private readonly nominations: NominationsService) {}

  @Post()
  @Roles('city_coordinator', 'industry_officer', 'district_officer', 'enterprise_user')
  @ApiDoc({
    summary: '推荐企业 Nominate an enterprise',
    description: 'Starts the lifecycle; answers once the SCREEN task is in the inbox. 409 if one is active.',
    ok: NominationResultDto,
    status: 201,
    errors: [400, 401, 403, 409, 413],
  })
  @ApiBody({ schema: formSchema(NOMINATION_FIELDS) })
  async nominate(@CurrentActor() actor: Actor, @Body() body: unknown) {
    const nomination = await this.nominations.parse(actor, body);
    const { creditCode, workflowId, stage } = await this.nominations.nominate(actor, nomination);
    return { creditCode, workflowId, stage };
  }
}
