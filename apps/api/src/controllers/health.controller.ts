import { Controller, Get, Res } from '@nestjs/common';
import { ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Public } from '../auth/decorators';
import { HealthDto, LivenessDto, ReadinessDto } from '../dtos/reference.dto';
import { ApiDoc } from '../openapi/api-doc';
import { HealthService } from '../services/health.service';

@ApiTags('operations')
@Controller('health')
export class HealthController {
  constructor(private readonly health: HealthService) {}

  @Public()
  @Get()
  @ApiDoc({
    summary: 'Health: {status, temporal, database}; 503 unless both answer',
    ok: HealthDto,
    errors: [],
  })
  @ApiResponse({ status: 503, type: HealthDto, description: 'Temporal or PostgreSQL does not answer' })
  async check(@Res({ passthrough: true }) res: Response) {
    const result = await this.health.check();
    if (result.status !== 'ok') res.status(503);
    return result;
  }

  @Public()
  @Get('live')
  @ApiDoc({
    summary: 'Liveness: 200 while the process serves HTTP (restart it when this fails)',
    ok: LivenessDto,
    errors: [],
  })
  live() {
    return { status: 'ok' };
  }

  @Public()
  @Get('ready')
  @ApiDoc({
    summary: 'Readiness: 200 when Temporal and PostgreSQL answer and the process is not shutting down',
    ok: ReadinessDto,
    errors: [],
  })
  @ApiResponse({
    status: 503,
    type: ReadinessDto,
    description: 'not ready: a dependency is down, or draining',
  })
  async ready(@Res({ passthrough: true }) res: Response) {
    const result = await this.health.readiness();
    if (result.status !== 'ok') res.status(503);
    return result;
  }
}
