import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { ConfigError, loadConfig } from '@hardtech/config';
import { AppModule } from './app.module';
import { ApiExceptionFilter } from './errors/api-exception.filter';
import { jsonBody } from './errors/json-body';
import { validationPipe } from './errors/validation';
import { UsersService } from './services/users.service';
import { serveWeb } from './web';

async function main(): Promise<void> {
  const config = loadConfig();
  const app = await NestFactory.create<NestExpressApplication>(AppModule, {
    bodyParser: false,
    logger: config.logLevel === 'debug' ? ['error', 'warn', 'log', 'debug'] : ['error', 'warn'],
  });
  app.set('trust proxy', 'loopback');
  app.disable('x-powered-by');
  // Oversized bodies are refused before they are parsed (413).
  app.use(jsonBody(config.bodyLimit));
  app.setGlobalPrefix('api');
  app.useGlobalPipes(validationPipe());
  app.useGlobalFilters(new ApiExceptionFilter());
  app.enableShutdownHooks();

  const openapi = new DocumentBuilder()
    .setTitle('中小型硬科技企业帮扶库 API')
    .setDescription(
      'Hard-tech SME support pool: nominations, the task inbox, enterprises, audit and reports.',
    )
    .setVersion('1')
    .addBearerAuth()
    .build();
  SwaggerModule.setup('api/docs', app, () => SwaggerModule.createDocument(app, openapi), {
    jsonDocumentUrl: 'api/docs-json',
  });
  serveWeb(app, config.webRoot);

  await app.get(UsersService).ensureBootstrapAdmin();
  await app.listen(config.port);
  console.log(`api: listening on http://localhost:${config.port}`);
}

main().catch((e) => {
  console.error(e instanceof ConfigError ? e.message : e);
  process.exit(1);
});
