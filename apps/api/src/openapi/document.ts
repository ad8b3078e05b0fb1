import { NestFactory } from '@nestjs/core';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { AppModule } from '../app.module';

/** The document's header; main.ts serves the document at /api/docs-json with it. */
export const openApiConfig = () =>
  new DocumentBuilder()
    .setTitle('中小型硬科技企业帮扶库 API')
    .setDescription(
      'Hard-tech SME support pool: nominations, the task inbox, enterprises, audit and reports.',
    )
    .setVersion('1')
    .addBearerAuth()
    .build();

/**
 * The document /api/docs-json serves, made without PostgreSQL or Temporal (for the web's generated
 * types): Nest in preview mode reads the modules' controllers and DTOs but instantiates no provider.
 */
export async function openApiDocument(): Promise<OpenAPIObject> {
  const app = await NestFactory.create(AppModule, { preview: true, logger: false, abortOnError: false });
  app.setGlobalPrefix('api');
  try {
    return SwaggerModule.createDocument(app, openApiConfig());
  } finally {
    await app.close();
  }
}
