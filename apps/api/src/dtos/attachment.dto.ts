import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, Matches } from 'class-validator';
import { ATTACHMENT_PURPOSES, ATTACHMENT_SUBJECTS } from '@hardtech/domain';
import type { AttachmentSubject } from '@hardtech/domain';

export class AttachmentQueryDto {
  @ApiProperty() @Matches(/^[0-9A-Z]{18}$/) creditCode: string;
  @ApiPropertyOptional({ enum: ATTACHMENT_SUBJECTS })
  @IsOptional()
  @IsIn(ATTACHMENT_SUBJECTS as unknown as string[])
  subject?: AttachmentSubject;
  @ApiPropertyOptional({ description: 'task or problem id; lifecycle number for nominations' })
  @IsOptional()
  @Matches(/^[0-9a-fA-F-]{1,36}$/)
  subjectId?: string;
}

export class AttachmentDto {
  @ApiProperty() id: string;
  @ApiProperty() creditCode: string;
  @ApiProperty({ enum: ATTACHMENT_SUBJECTS }) subject: string;
  @ApiProperty({ nullable: true, type: String }) subjectId: string | null;
  @ApiProperty({ enum: ATTACHMENT_PURPOSES }) purpose: string;
  @ApiProperty() fileName: string;
  @ApiProperty() contentType: string;
  @ApiProperty() size: number;
  @ApiProperty() sha256: string;
  @ApiProperty() uploadedBy: string;
  @ApiProperty({ description: "the uploader's display name (the username when the user is gone)" })
  uploadedByName: string;
  @ApiProperty() uploadedAt: string;
}
