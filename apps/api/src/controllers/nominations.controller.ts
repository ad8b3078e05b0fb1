import {
  Body,
  Controller,
  Get,
  Post,
  Req,
  Res,
  StreamableFile,
  UploadedFiles,
  UseInterceptors,
} from '@nestjs/common';
import { FileFieldsInterceptor } from '@nestjs/platform-express';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Actor, BATCH_NOMINATORS, localize, NOMINATION_FIELDS, NOMINATORS } from '@hardtech/domain';
import { CurrentActor, Roles } from '../auth/decorators';
import { ImportResultDto, NominationResultDto } from '../dtos/enterprise.dto';
import { localeOf } from '../errors/locale';
import { ApiDoc } from '../openapi/api-doc';
import { formSchema } from '../openapi/form-schema';
import { readImportBundle } from '../services/import-bundle';
import { MAX_IMPORT_CERTIFICATES, NominationImportService } from '../services/nomination-import.service';
import { NominationsService } from '../services/nominations.service';
import { UploadedBytes, utf8Named } from './uploaded-file';
import { rfc5987 } from './file-answer';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

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
  @Roles(...BATCH_NOMINATORS)
  @ApiDoc({
    summary: '下载批量推荐模板 The .xlsx template with Chinese headers',
    ok: { file: XLSX },
    errors: [401, 403],
  })
  async template(@Res({ passthrough: true }) res: Response) {
    res.set({
      'Content-Type': XLSX,
      'Content-Disposition': `attachment; filename="nomination-template.xlsx"; filename*=UTF-8''${rfc5987('推荐企业导入模板.xlsx')}`,
    });
    return new StreamableFile(await this.imports.template());
  }

  @Post('import')
  @Roles(...BATCH_NOMINATORS)
  // Each file up to MAX_UPLOAD_MB (MulterModule in app.module.ts); the sheet itself up to 2 MB.
  @UseInterceptors(
    FileFieldsInterceptor([
      { name: 'file', maxCount: 1 },
      { name: 'certificates', maxCount: MAX_IMPORT_CERTIFICATES },
    ]),
  )
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      properties: {
        file: {
          type: 'string',
          format: 'binary',
          description: 'the .xlsx, or one .zip holding it and the certificates',
        },
        certificates: {
          type: 'array',
          items: { type: 'string', format: 'binary' },
          maxItems: MAX_IMPORT_CERTIFICATES,
          description: 'C3 / C5 certificates named <creditCode>-C3.<ext> / <creditCode>-C5.<ext>',
        },
      },
      required: ['file'],
    },
  })
  @ApiDoc({
    summary: '批量推荐 Import nominations from .xlsx, with their certificates',
    description:
      'Valid rows start lifecycles; invalid rows come back with row number and reasons, a missing certificate ' +
      'named with the file to attach. At most 500 rows; the sheet at most 2 MB, each file at most MAX_UPLOAD_MB. ' +
      'A certificate whose name is not of the pattern or matches no row is a 400 and nothing starts.',
    ok: ImportResultDto,
    errors: [400, 401, 403, 413],
  })
  async import(
    @CurrentActor() actor: Actor,
    @UploadedFiles() files: { file?: UploadedBytes[]; certificates?: UploadedBytes[] } | undefined,
    @Req() req: Request,
  ) {
    const bundle = await readImportBundle(files?.file?.[0], (files?.certificates ?? []).map(utf8Named));
    const result = await this.imports.import(actor, bundle);
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
