/**
 * Certificate scans (issue 9 "Certificates … scan (kit files)"): one PDF/JPEG/PNG per certificate
 * (purpose `staff_certificate`, ≤ 5 MB, image metadata stripped by the kit). Uploading again replaces
 * the current scan; the earlier ones stay as attachments of the certificate, so the audit trail can
 * still name what was shown when. Who may upload: whoever may give the person certificates (the
 * district, or the admin of an institution employing them); who may download: whoever may read the
 * person. Both audited by the kit.
 */
import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import type { Actor, RequestContext } from '../../platform/context.ts';
import { DomainError } from '../../platform/errors.ts';
import type { CheckedFile } from '../../platform/files/check.ts';
import { type AttachmentOwner, createFileService } from '../../platform/files/service.ts';
import type { FileStorage } from '../../platform/files/storage.ts';
import { getStaff } from './repository.ts';
import { assertEditable } from './service.ts';
import { certificates } from './tables.ts';

export const CERTIFICATE_OWNER = 'workforce_certificate';

export function createCertificateScans(deps: { db: Db; storage: FileStorage }) {
  const files = createFileService(deps);

  async function certificate(tx: Db, actor: Actor, staffId: string, certificateId: string, edit: boolean) {
    const person = await getStaff(tx, actor, staffId, edit);
    if (edit) await assertEditable(tx, actor, person);
    const q = tx
      .select({ id: certificates.id, fileId: certificates.fileId })
      .from(certificates)
      .where(
        and(
          eq(certificates.districtCode, person.districtCode),
          eq(certificates.staffId, person.id),
          eq(certificates.id, certificateId),
        ),
      );
    const [c] = edit ? await q.for('update') : await q;
    if (!c) throw new DomainError('not_found');
    const owner: AttachmentOwner = { type: CERTIFICATE_OWNER, id: c.id, districtCode: person.districtCode };
    return { owner, fileId: c.fileId };
  }

  return {
    async upload(
      ctx: RequestContext,
      actor: Actor,
      staffId: string,
      certificateId: string,
      file: CheckedFile,
    ) {
      const row = await files.attach(ctx, {
        owner: async (tx) => (await certificate(tx, actor, staffId, certificateId, true)).owner,
        file,
        audit: { action: 'workforce.certificate_scan', objectType: 'workforce_staff', objectId: staffId },
        onAttached: async (tx, attachment) => {
          await tx
            .update(certificates)
            .set({ fileId: attachment.id })
            .where(
              and(eq(certificates.districtCode, attachment.districtCode), eq(certificates.id, certificateId)),
            );
        },
      });
      return {
        fileId: row.id,
        fileName: row.fileName,
        contentType: row.contentType,
        sizeBytes: row.sizeBytes,
      };
    },

    async download(ctx: RequestContext, actor: Actor, staffId: string, certificateId: string) {
      const { fileId } = await certificate(deps.db, actor, staffId, certificateId, false);
      if (!fileId) throw new DomainError('not_found');
      return files.download(ctx, {
        owner: async (tx) => (await certificate(tx, actor, staffId, certificateId, false)).owner,
        attachmentId: fileId,
        auditAction: 'workforce.certificate_scan_download',
      });
    },
  };
}
