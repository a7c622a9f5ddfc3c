/**
 * Photo and document evidence (issue 10) on the files kit (docs/kit/files.md): finding photos on an
 * inspection (purpose inspection_photo, one checklist item each as the attachment's category), taken by
 * an assigned signer until everyone has signed; and the institution's evidence on a rectification item
 * (purpose rectification_evidence) while the item is open (new or returned). Every call resolves the
 * owner through the module's guard (another town's officer or another institution's admin: 404);
 * uploads, downloads and deletions are audited.
 */
import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import type { Actor, RequestContext } from '../../platform/context.ts';
import { DomainError } from '../../platform/errors.ts';
import type { CheckedFile } from '../../platform/files/check.ts';
import { type AttachmentRow, type FileService, listAttachments } from '../../platform/files/service.ts';
import { checklistsByIds } from './checklists.ts';
import './errors.ts';
import { inspectionOwner, rectificationOwner, toEvidenceFile, toInspectionPhoto } from './evidence-files.ts';
import { inspectionWhere, isSigner } from './inspections.ts';
import { rectWhere } from './rectifications.ts';
import { supervisionInspections, supervisionRectifications } from './tables.ts';

export function createEvidenceService({ db, files }: { db: Db; files?: FileService }) {
  const kit = (): FileService => {
    if (!files) throw new Error('supervision: no file service');
    return files;
  };

  async function inspection(tx: Db, actor: Actor, id: string, lock = false) {
    const q = tx
      .select()
      .from(supervisionInspections)
      .where(and(inspectionWhere(actor), eq(supervisionInspections.id, id)));
    const [row] = lock ? await q.for('update') : await q;
    if (!row) throw new DomainError('not_found');
    return row;
  }

  async function rectification(tx: Db, actor: Actor, id: string, lock = false) {
    const q = tx
      .select()
      .from(supervisionRectifications)
      .where(and(rectWhere(actor), eq(supervisionRectifications.id, id)));
    const [row] = lock ? await q.for('update') : await q;
    if (!row) throw new DomainError('not_found');
    return row;
  }

  /** The inspection may still take photos from this actor: an assigned signer, not yet signed by all. */
  async function editableInspection(tx: Db, actor: Actor, id: string) {
    const row = await inspection(tx, actor, id, true);
    if (row.status === 'signed') throw new DomainError('supervision.inspection_signed');
    if (!isSigner(actor, row)) throw new DomainError('supervision.not_assigned');
    return row;
  }

  /** The item may still take evidence from this actor: its institution's admin, item open (new or returned). */
  async function editableRectification(tx: Db, actor: Actor, id: string) {
    const row = await rectification(tx, actor, id, true);
    if (actor.scope?.kind !== 'institution' || actor.scope.institutionId !== row.institutionId)
      throw new DomainError('auth.forbidden');
    if (row.status !== 'open') throw new DomainError('supervision.evidence_locked');
    return row;
  }

  const ownUpload = (actor: Actor) => (a: AttachmentRow) => {
    if (a.uploadedBy !== actor.userId) throw new DomainError('supervision.not_uploader');
  };

  return {
    async addPhoto(ctx: RequestContext, actor: Actor, id: string, itemCode: string, file: CheckedFile) {
      const row = await kit().attach(ctx, {
        owner: async (tx) => {
          const insp = await editableInspection(tx, actor, id);
          const items = (await checklistsByIds(tx, insp.districtCode, insp.checklistIds)).flatMap(
            (l) => l.items,
          );
          if (!items.some((i) => i.code === itemCode))
            throw new DomainError('validation.failed', {
              errors: [
                {
                  field: 'itemCode',
                  rule: 'unknown_item',
                  message_zh: `检查条目 ${itemCode} 不在本次检查所用的检查表版本中`,
                  message_en: `Item ${itemCode} is not in this inspection's checklist versions`,
                },
              ],
            });
          return inspectionOwner(insp);
        },
        file,
        category: itemCode,
        audit: { action: 'supervision.inspection_photo_upload', objectType: 'inspection', objectId: id },
      });
      return toInspectionPhoto(row);
    },

    async listPhotos(actor: Actor, id: string) {
      const insp = await inspection(db, actor, id);
      return { items: (await listAttachments(db, inspectionOwner(insp))).map(toInspectionPhoto) };
    },

    downloadPhoto(ctx: RequestContext, actor: Actor, id: string, fileId: string) {
      return kit().download(ctx, {
        owner: async (tx) => inspectionOwner(await inspection(tx, actor, id)),
        attachmentId: fileId,
        auditAction: 'supervision.inspection_photo_download',
      });
    },

    async deletePhoto(ctx: RequestContext, actor: Actor, id: string, fileId: string) {
      await kit().detach(ctx, {
        owner: async (tx) => inspectionOwner(await editableInspection(tx, actor, id)),
        attachmentId: fileId,
        check: ownUpload(actor),
        audit: { action: 'supervision.inspection_photo_delete', objectType: 'inspection', objectId: id },
      });
      return { ok: true as const };
    },

    async addEvidence(ctx: RequestContext, actor: Actor, id: string, file: CheckedFile) {
      const row = await kit().attach(ctx, {
        owner: async (tx) => rectificationOwner(await editableRectification(tx, actor, id)),
        file,
        audit: { action: 'supervision.rectification_file_upload', objectType: 'rectification', objectId: id },
      });
      return toEvidenceFile(row);
    },

    async listEvidence(actor: Actor, id: string) {
      const r = await rectification(db, actor, id);
      return { items: (await listAttachments(db, rectificationOwner(r))).map(toEvidenceFile) };
    },

    downloadEvidence(ctx: RequestContext, actor: Actor, id: string, fileId: string) {
      return kit().download(ctx, {
        owner: async (tx) => rectificationOwner(await rectification(tx, actor, id)),
        attachmentId: fileId,
        auditAction: 'supervision.rectification_file_download',
      });
    },

    async deleteEvidence(ctx: RequestContext, actor: Actor, id: string, fileId: string) {
      await kit().detach(ctx, {
        owner: async (tx) => rectificationOwner(await editableRectification(tx, actor, id)),
        attachmentId: fileId,
        check: ownUpload(actor),
        audit: { action: 'supervision.rectification_file_delete', objectType: 'rectification', objectId: id },
      });
      return { ok: true as const };
    },
  };
}
