import {
  Body,
  Controller,
  Get,
  Post,
  Req,
  Res,
  StreamableFile,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Actor, localize, NOMINATION_FIELDS } from '@hardtech/domain';
import { CurrentActor, Roles } from '../auth/decorators';
import { ImportResultDto, NominationResultDto } from '../dtos/enterprise.dto';
import { localeOf } from '../errors/locale';
import { ApiDoc } from '../openapi/api-doc';
import { formSchema } from '../openapi/form-schema';
import { NominationImportService } from '../services/nomination-import.service';
import { NominationsService } from '../services/nominations.service';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const NOMINATORS = ['city_coordinator', 'industry_officer', 'district_officer', 'enterprise_user'] as const;

@ApiTags('nominations')
@ApiBearerAuth()
@Controller('nominations')
export class NominationsController {
  constructor(
    private readonly nominations: NominationsService,
    private readonly imports: NominationImportService,
  ) {}

  @Post()
  @Roles(...NOMINATORS)
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

  @Get('import/template')
  @Roles(...NOMINATORS)
  @ApiDoc({
    summary: '下载批量推荐模板 The .xlsx template with Chinese headers',
    ok: { file: XLSX },
    errors: [401, 403],
  })
  async template(@Res({ passthrough: true }) res: Response) {
    res.set({
      'Content-Type': XLSX,
      'Content-Disposition': `attachment; filename="nomination-template.xlsx"; filename*=UTF-8''${encodeURIComponent('推荐企业导入模板.xlsx')}`,
    });
    return new StreamableFile(await this.imports.template());
  }

  @Post('import')
  @Roles(...NOMINATORS)
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: 2 * 1024 * 1024, files: 1 } }))
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      properties: { file: { type: 'string', format: 'binary' } },
      required: ['file'],
    },
  })
  @ApiDoc({
    summary: '批量推荐 Import nominations from .xlsx',
    description:
      'Valid rows start lifecycles; invalid rows come back with row number and reasons. At most 500 rows, 2 MB.',
    ok: ImportResultDto,
    errors: [400, 401, 403, 413],
  })
  async import(
    @CurrentActor() actor: Actor,
    @UploadedFile() file: { buffer: Buffer } | undefined,
    @Req() req: Request,
  ) {
    const result = await this.imports.import(actor, file?.buffer);
    const locale = localeOf(req);
    return {
      accepted: result.accepted,
      rejected: result.rejected.map((r) => ({
        row: r.row,
        creditCode: r.creditCode,
        errors: r.errors.map((e) => ({ field: e.field, message: localize(e.text, locale) })),
      })),
    };
  }
}
