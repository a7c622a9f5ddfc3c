/** The audit page's calls beyond the list (the account picker, the export), typed by schema.gen.ts. */
import { apiUrl, type ExportJob, http, type QueryOf, type ResponseOf, unwrap } from '../../api/client.ts';

export type AuditActor = ResponseOf<'/api/v1/audit/actors', 'get'>['items'][number];
export type AuditExportQuery = QueryOf<'/api/v1/audit/export', 'get'>;

export const auditApi = {
  /** The accounts that appear in the trail (audit_admin may not list /users). */
  actors: (signal?: AbortSignal) => unwrap(http.GET('/api/v1/audit/actors', { signal })),
  /** A direct download (the browser saves the file). */
  exportUrl: (query: AuditExportQuery) => apiUrl('/audit/export', query),
  /** A large trail (more rows than EXPORT_SYNC_MAX_ROWS): 202 with the link of the background file. */
  exportJob: (query: AuditExportQuery) =>
    unwrap(http.GET('/api/v1/audit/export', { params: { query } })) as Promise<ExportJob>,
};
