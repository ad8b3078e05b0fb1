import { Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@hardtech/domain';
import { CurrentActor, SelfService } from '../auth/decorators';
import {
  NotificationListDto,
  NotificationQueryDto,
  NotificationReadDto,
  NotificationsReadDto,
} from '../dtos/admin.dto';
import { ApiDoc } from '../openapi/api-doc';
import { NotificationsService } from '../services/notifications.service';

@ApiTags('notifications')
@ApiBearerAuth()
@Controller('notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get()
  @ApiDoc({
    summary: '消息提醒 My new tasks, reminders and escalations',
    ok: NotificationListDto,
    errors: [400, 401],
  })
  list(@CurrentActor() actor: Actor, @Query() q: NotificationQueryDto) {
    return this.notifications.list(actor, q.unread === 'true', q.page ?? 1, q.pageSize ?? 20);
  }

  @Post('read-all')
  @SelfService()
  @ApiDoc({ summary: '全部已读 Mark all read', ok: NotificationsReadDto, errors: [401] })
  readAll(@CurrentActor() actor: Actor) {
    return this.notifications.markAllRead(actor);
  }

  @Post(':id/read')
  @SelfService()
  @ApiDoc({ summary: '标为已读 Mark one read', ok: NotificationReadDto, errors: [400, 401, 404] })
  read(@CurrentActor() actor: Actor, @Param('id') id: string) {
    return this.notifications.markRead(actor, id.slice(0, 100));
  }
}
