/** /api/v1/audit: the trail, for audit_admin only. */
import type { FastifyInstance } from 'fastify';
import { auditPage, auditQuery, auditVerifySchema } from '../../../domain/contracts/audit.ts';
import type { Db } from '../../db/client.ts';
import { actorOf, router } from '../http.ts';
import type { ScopeTargets } from '../scope-targets.ts';
import { listAudit, verifyAuditChain } from './service.ts';

export function auditRoutes(app: FastifyInstance, db: Db, targets: ScopeTargets = {}) {
  const r = router(app);
  r.get(
    '/api/v1/audit',
    {
      config: { action: 'audit.read' },
      schema: { tags: ['audit'], querystring: auditQuery, response: { 200: auditPage } },
    },
    (req) => listAudit(db, actorOf(req), req.query, targets),
  );
  r.get(
    '/api/v1/audit/verify',
    { config: { action: 'audit.read' }, schema: { tags: ['audit'], response: { 200: auditVerifySchema } } },
    (req) => verifyAuditChain(db, actorOf(req).districtCode),
  );
}
