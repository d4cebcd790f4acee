import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { HealthzResponseSchema, ReadyzResponseSchema } from '@parley/protocol';
import type { RegionRouter } from '../../regions/region-router.ts';

/** `GET /healthz` (the process answers) and `GET /readyz` (every region's store answers). */
export const healthRoutes: FastifyPluginAsyncZod<{ router: RegionRouter }> = async (app, { router }) => {
  app.get('/healthz', { schema: { response: { 200: HealthzResponseSchema } }, config: { rateLimit: false } }, async () => ({
    status: 'ok' as const,
  }));

  app.get(
    '/readyz',
    { schema: { response: { 200: ReadyzResponseSchema, 503: ReadyzResponseSchema } }, config: { rateLimit: false } },
    async (_request, reply) => {
      const regions = await router.readiness();
      const isReady = Object.values(regions).every(Boolean);
      return reply.code(isReady ? 200 : 503).send({ status: isReady ? 'ready' : 'unavailable', regions });
    },
  );
};
