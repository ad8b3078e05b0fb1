import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@hardtech/domain';
import { CurrentActor } from '../auth/decorators';
import { NotificationQueryDto } from '../dtos/admin.dto';
import { NotificationsService } from '../services/notifications.service';

@ApiTags('notifications')
@ApiBearerAuth()
@Controller('notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get()
  @ApiOperation({ summary: '消息提醒 My reminders and escalations' })
  list(@CurrentActor() actor: Actor, @Query() q: NotificationQueryDto) {
    return this.notifications.list(actor, q.unread === 'true', q.page ?? 1, q.pageSize ?? 20);
  }

  @Post('read-all')
  @HttpCode(200)
  @ApiOperation({ summary: '全部已读 Mark all read' })
  readAll(@CurrentActor() actor: Actor) {
    return this.notifications.markAllRead(actor);
  }

  @Post(':id/read')
  @HttpCode(200)
  @ApiOperation({ summary: '标为已读 Mark one read' })
  read(@CurrentActor() actor: Actor, @Param('id') id: string) {
    return this.notifications.markRead(actor, id.slice(0, 100));
  }
}
