import {
  Body,
  Controller,
  Get,
  Param,
  Post,
  Query,
  Res,
  StreamableFile,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { ALLOWED_EXTENSIONS, Actor, ATTACHMENT_PURPOSES, ATTACHMENT_SUBJECTS } from '@hardtech/domain';
import { CurrentActor } from '../auth/decorators';
import { AttachmentDto, AttachmentQueryDto } from '../dtos/attachment.dto';
import { ApiDoc } from '../openapi/api-doc';
import { AttachmentsService, UploadFields } from '../services/attachments.service';
import { rfc5987 } from './file-answer';
import { IdPipe } from './params';
import { UploadedBytes, utf8Named } from './uploaded-file';

@ApiTags('attachments')
@ApiBearerAuth()
@Controller('attachments')
export class AttachmentsController {
  constructor(private readonly attachments: AttachmentsService) {}

  @Post()
  // Limits from MAX_UPLOAD_MB (MulterModule in app.module.ts): the parser stops at the limit.
  @UseInterceptors(FileInterceptor('file'))
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file', 'creditCode', 'subject'],
      properties: {
        file: { type: 'string', format: 'binary', description: `${ALLOWED_EXTENSIONS.join(', ')}` },
        creditCode: { type: 'string' },
        subject: { type: 'string', enum: [...ATTACHMENT_SUBJECTS] },
        subjectId: { type: 'string', description: 'the task or problem id (not for nominations)' },
        purpose: {
          type: 'string',
          enum: [...ATTACHMENT_PURPOSES],
          description: 'C3 / C5 certificates, or evidence (default)',
        },
      },
    },
  })
  @ApiDoc({
    summary: '上传佐证材料 Attach an evidence file',
    description:
      'To a nomination (before it is made: the C3/C5 certificates it needs), a task or a ledger problem. PDF, images ' +
      'and Office files, checked by content; the size limit is MAX_UPLOAD_MB; every file passes the scan hook first.',
    ok: AttachmentDto,
    status: 201,
    errors: [400, 401, 403, 404, 413, 422],
  })
  upload(
    @CurrentActor() actor: Actor,
    @UploadedFile() file: UploadedBytes | undefined,
    @Body() fields: UploadFields,
  ) {
    return this.attachments.upload(actor, utf8Named(file), fields ?? {});
  }

  @Get()
  @ApiDoc({
    summary: '附件列表 Attachments of an enterprise, within scope',
    ok: [AttachmentDto],
    errors: [400, 401],
  })
  list(@CurrentActor() actor: Actor, @Query() q: AttachmentQueryDto) {
    return this.attachments.list(actor, q.creditCode, q.subject, q.subjectId);
  }

  @Get(':id/download')
  @ApiDoc({
    summary: '下载附件 Download (audited)',
    ok: { file: 'application/octet-stream' },
    errors: [400, 401, 404],
  })
  async download(
    @CurrentActor() actor: Actor,
    @Param('id', IdPipe) id: string,
    @Res({ passthrough: true }) res: Response,
  ) {
    const { row, stream } = await this.attachments.download(actor, id);
    res.set({
      'Content-Type': row.contentType,
      'Content-Disposition': `attachment; filename="${row.id}"; filename*=UTF-8''${rfc5987(row.fileName)}`,
      'X-Content-Type-Options': 'nosniff',
    });
    return new StreamableFile(stream);
  }
}
