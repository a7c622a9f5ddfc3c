/** /api/v1/plan/news (console) and /api/v1/public/news (portal): notices, policy documents, guidance. Thin routes. */
import type { FastifyInstance } from 'fastify';
import {
  newsCreateBody,
  newsItemSchema,
  newsListQuery,
  newsPageSchema,
  newsParams,
  newsTransitionBody,
  newsUpdateBody,
  publicNewsItemSchema,
  publicNewsPageSchema,
  publicNewsQuery,
} from '../../../domain/contracts/plan-news.ts';
import { actorOf, router } from '../../platform/http.ts';
import type { NewsService } from './news.ts';

const tags = ['plan'];
const BASE = '/api/v1/plan/news';
const manage = { action: 'plan.news_manage' } as const;

export function newsRoutes(app: FastifyInstance, news: NewsService) {
  const r = router(app);
  r.get(
    BASE,
    { config: manage, schema: { tags, querystring: newsListQuery, response: { 200: newsPageSchema } } },
    (req) => news.list(actorOf(req), req.query),
  );
  r.post(
    BASE,
    { config: manage, schema: { tags, body: newsCreateBody, response: { 201: newsItemSchema } } },
    async (req, reply) => reply.status(201).send(await news.create(req.ctx, actorOf(req), req.body)),
  );
  r.get(
    `${BASE}/:id`,
    { config: manage, schema: { tags, params: newsParams, response: { 200: newsItemSchema } } },
    (req) => news.get(actorOf(req), req.params.id),
  );
  r.put(
    `${BASE}/:id`,
    {
      config: manage,
      schema: { tags, params: newsParams, body: newsUpdateBody, response: { 200: newsItemSchema } },
    },
    (req) => news.update(req.ctx, actorOf(req), req.params.id, req.body),
  );
  r.post(
    `${BASE}/:id/transitions`,
    {
      config: manage,
      schema: { tags, params: newsParams, body: newsTransitionBody, response: { 200: newsItemSchema } },
    },
    (req) => news.transition(req.ctx, actorOf(req), req.params.id, req.body),
  );
  r.get(
    '/api/v1/public/news',
    {
      config: { action: 'public' },
      schema: { tags: ['public'], querystring: publicNewsQuery, response: { 200: publicNewsPageSchema } },
    },
    (req) => news.publicList(req.ctx.districtCode, req.query),
  );
  r.get(
    '/api/v1/public/news/:id',
    {
      config: { action: 'public' },
      schema: { tags: ['public'], params: newsParams, response: { 200: publicNewsItemSchema } },
    },
    (req) => news.publicGet(req.ctx.districtCode, req.params.id),
  );
}
