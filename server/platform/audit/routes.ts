/** /api/v1/audit: the trail, for audit_admin only. */
import type { FastifyInstance } from 'fastify';
import {
  auditActorsSchema,
  auditExportQuery,
  auditPage,
  auditQuery,
  auditVerifySchema,
} from '../../../domain/contracts/audit.ts';
import { exportJobSchema } from '../../../domain/contracts/import.ts';
import type { Db } from '../../db/client.ts';
import { createExporter, sendExport } from '../export.ts';
import type { FileStorage } from '../files/storage.ts';
import { actorOf, router } from '../http.ts';
import type { Jobs } from '../jobs/index.ts';
import type { ScopeTargets } from '../scope-targets.ts';
import { auditExport } from './export.ts';
import { listAudit, listAuditActors, sealAudit, verifyAuditChain } from './service.ts';

export interface AuditRouteDeps {
  /** For the export of a large trail, made in the background (export kit). */
  jobs: Jobs;
  storage: FileStorage;
}

export function auditRoutes(app: FastifyInstance, db: Db, targets: ScopeTargets, deps: AuditRouteDeps) {
  const r = router(app);
  const tags = ['audit'];
  const exporter = createExporter({ db, ...deps }, auditExport(targets));
  r.get(
    '/api/v1/audit',
    {
      config: { action: 'audit.read' },
      schema: { tags, querystring: auditQuery, response: { 200: auditPage } },
    },
    async (req) => {
      await sealAudit(db, actorOf(req).districtCode);
      return listAudit(db, actorOf(req), req.query, targets);
    },
  );
  r.get(
    '/api/v1/audit/actors',
    { config: { action: 'audit.read' }, schema: { tags, response: { 200: auditActorsSchema } } },
    (req) => listAuditActors(db, actorOf(req)),
  );
  r.get(
    '/api/v1/audit/export',
    {
      config: { action: 'audit.read' },
      // 200 is the file itself (XLSX or CSV); 202 names the background file of a large trail.
      schema: { tags, querystring: auditExportQuery, response: { 202: exportJobSchema } },
    },
    async (req, reply) => {
      const { format, ...filters } = req.query;
      await sealAudit(db, actorOf(req).districtCode);
      const file = await exporter.export(req.ctx, actorOf(req), filters, format);
      return sendExport(reply, file);
    },
  );
  r.get(
    '/api/v1/audit/verify',
    { config: { action: 'audit.read' }, schema: { tags, response: { 200: auditVerifySchema } } },
    (req) => verifyAuditChain(db, actorOf(req).districtCode),
  );
}
