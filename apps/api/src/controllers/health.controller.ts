import { Controller, Get, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Public } from '../auth/decorators';
import { HealthService } from '../services/health.service';

@ApiTags('operations')
@Controller('health')
export class HealthController {
  constructor(private readonly health: HealthService) {}

  @Public()
  @Get()
  @ApiOperation({ summary: 'Health: {status, temporal, database}; 503 unless both answer' })
  async check(@Res({ passthrough: true }) res: Response) {
    const result = await this.health.check();
    if (result.status !== 'ok') res.status(503);
    return result;
  }

  @Public()
  @Get('live')
  @ApiOperation({ summary: 'Liveness: 200 while the process serves HTTP (restart it when this fails)' })
  live() {
    return { status: 'ok' };
  }

  @Public()
  @Get('ready')
  @ApiOperation({
    summary: 'Readiness: 200 when Temporal and PostgreSQL answer and the process is not shutting down',
  })
  async ready(@Res({ passthrough: true }) res: Response) {
    const result = await this.health.readiness();
    if (result.status !== 'ok') res.status(503);
    return result;
  }
}
