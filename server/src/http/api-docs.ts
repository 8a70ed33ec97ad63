import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { cleanupOpenApiDoc } from 'nestjs-zod';
import { appVersion } from '../config/app-version.js';

export function openApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Vigie API')
    .setDescription(
      'Operations console of a colocation data center: inventory, incidents, procedures, reports.',
    )
    .setVersion(appVersion)
    .addCookieAuth('vigie_session')
    .build();
  return cleanupOpenApiDoc(SwaggerModule.createDocument(app, config));
}

export function serveApiDocs(app: INestApplication): void {
  SwaggerModule.setup('api/docs', app, openApiDocument(app), { jsonDocumentUrl: 'api/docs/openapi.json' });
}
