import type { FastifyInstance } from 'fastify';
import fastifySwagger from '@fastify/swagger';
import type { SwaggerTransform, SwaggerTransformObject } from '@fastify/swagger';
import { createJsonSchemaTransform, createJsonSchemaTransformObject } from 'fastify-type-provider-zod';
import { openApiComponents, pruneUnreferencedSchemas } from './components.ts';
import { SECURITY_SCHEMES } from './security.ts';

/** Where the document is served. */
export const OPENAPI_PATH = '/v1/openapi.json';

/** The tags routes use, in the order the document lists them. */
export const OPENAPI_TAGS = [
  { name: 'Conversations', description: 'Read and act on conversations as an agent: API tokens for integrations, or the console session.' },
  { name: 'Accounts', description: 'Sign-in, sessions, API tokens, agent settings.' },
  { name: 'Health', description: 'Liveness and readiness.' },
] as const;

/** The integration surface is `/v1/…` plus the probes; the widget, demo and console files are not an API. */
function isDocumented(url: string): boolean {
  return (url.startsWith('/v1/') && url !== OPENAPI_PATH) || url === '/healthz' || url === '/readyz';
}

/**
 * Registers @fastify/swagger (OpenAPI 3.1, generated from the routes' zod schemas) and serves
 * the document at `GET /v1/openapi.json`. Call it before registering the routes to document:
 * swagger collects routes as they are added.
 *
 * @example
 * await registerOpenApi(app);
 * await app.register(conversationRestRoutes, { actions, authenticator });
 */
export async function registerOpenApi(app: FastifyInstance): Promise<void> {
  const schemaRegistry = openApiComponents();
  const zodTransform = createJsonSchemaTransform({ schemaRegistry });
  const transform: SwaggerTransform = (route) => (isDocumented(route.url) ? zodTransform(route) : { schema: { hide: true }, url: route.url });
  const zodTransformObject = createJsonSchemaTransformObject({ schemaRegistry });
  const transformObject: SwaggerTransformObject = (document) => pruneUnreferencedSchemas(zodTransformObject(document));
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Parley REST API',
        // The `/v1` contract: additive changes only; a breaking one would be `/v2`.
        version: '1.0.0',
        description: 'Conversations for integrations (API tokens) and the agent console (session cookie). Errors are `{ error: { code, message, details } }` with a PARLEY_ERR_… code.',
        license: { name: 'Apache-2.0', identifier: 'Apache-2.0' },
      },
      tags: [...OPENAPI_TAGS],
      components: { securitySchemes: SECURITY_SCHEMES },
    },
    transform,
    transformObject,
  });
  app.get(OPENAPI_PATH, { schema: { hide: true } }, () => app.swagger());
}
