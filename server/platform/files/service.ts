/**
 * Attachments: store a checked file for an owner, list an owner's files, read one back. The owner's
 * module decides who may see the owner: every call takes an `owner` resolver that runs the module's
 * own guard (and throws not_found when the actor may not see it), so a file is never reached around
 * its owner's scope. Every upload and every download is audited in the same transaction.
 */
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { recordAudit } from '../audit/service.ts';
import type { RequestContext } from '../context.ts';
import { DomainError } from '../errors.ts';
import { uuidv7 } from '../ids.ts';
import type { CheckedFile } from './check.ts';
import { type FileStorage, newStorageKey } from './storage.ts';
import { attachments } from './tables.ts';

export type AttachmentRow = typeof attachments.$inferSelect;

/** Who owns the files: the owner's table name in the singular, its id and district. */
export interface AttachmentOwner {
  type: string;
  id: string;
  districtCode: string;
}

/** Resolves the owner through the module's guard, or throws DomainError('not_found'). */
export type OwnerResolver = (db: Db) => Promise<AttachmentOwner>;

const ofOwner = (o: AttachmentOwner) =>
  and(
    eq(attachments.districtCode, o.districtCode),
    eq(attachments.ownerType, o.type),
    eq(attachments.ownerId, o.id),
  );

/** An owner's attachments, oldest first (the caller has already resolved the owner in scope). */
export function listAttachments(db: Db, owner: AttachmentOwner): Promise<AttachmentRow[]> {
  return db
    .select()
    .from(attachments)
    .where(ofOwner(owner))
    .orderBy(asc(attachments.uploadedAt), asc(attachments.id));
}

/**
 * The attachments of many owners of one type, oldest first (the caller has already read the owners
 * through its guard): one query for a list page.
 */
export async function listAttachmentsOf(
  db: Db,
  owners: { type: string; districtCode: string; ids: string[] },
): Promise<AttachmentRow[]> {
  if (owners.ids.length === 0) return [];
  return db
    .select()
    .from(attachments)
    .where(
      and(
        eq(attachments.districtCode, owners.districtCode),
        eq(attachments.ownerType, owners.type),
        inArray(attachments.ownerId, owners.ids),
      ),
    )
    .orderBy(asc(attachments.uploadedAt), asc(attachments.id));
}

export function createFileService({ db, storage }: { db: Db; storage: FileStorage }) {
  return {
    /**
     * Store `file` for the owner. The bytes are written first under a random key; the row and the
     * audit entry follow in one transaction with the owner resolved (and possibly locked) inside it.
     * If anything fails, the stored bytes are deleted again: no row without a file, no file without a row.
     */
    async attach(
      ctx: RequestContext,
      input: {
        owner: OwnerResolver;
        file: CheckedFile;
        category?: string | null;
        audit: { action: string; objectType: string; objectId: string };
        /** The owner's own write in the same transaction (e.g. pointing a record at its new scan). */
        onAttached?: (tx: Db, row: AttachmentRow) => Promise<void>;
      },
    ): Promise<AttachmentRow> {
      const { file } = input;
      const key = newStorageKey();
      await storage.put(key, file.data);
      try {
        return await db.transaction(async (tx) => {
          const owner = await input.owner(tx);
          const [row] = await tx
            .insert(attachments)
            .values({
              districtCode: owner.districtCode,
              id: uuidv7(ctx.now.getTime()),
              ownerType: owner.type,
              ownerId: owner.id,
              purpose: file.purpose,
              category: input.category ?? null,
              fileName: file.fileName,
              contentType: file.contentType,
              sizeBytes: file.sizeBytes,
              sha256: file.sha256,
              storageKey: key,
              uploadedBy: ctx.actor?.userId ?? null,
              uploadedAt: ctx.now,
            })
            .returning();
          await recordAudit(tx, ctx, {
            ...input.audit,
            changes: {
              attachment: row!.id,
              purpose: file.purpose,
              category: input.category ?? null,
              contentType: file.contentType,
              sizeBytes: file.sizeBytes,
              sha256: file.sha256,
            },
          });
          await input.onAttached?.(tx, row!);
          return row!;
        });
      } catch (e) {
        await storage.delete(key);
        throw e;
      }
    },

    /**
     * One attachment's row and bytes, if the owner resolves (in the actor's scope) and the attachment
     * is the owner's; otherwise not_found, the same answer as for an id that does not exist. Audited:
     * files can carry personal data (a director's ID copy), so who downloaded what is on record.
     */
    async download(
      ctx: RequestContext,
      input: { owner: OwnerResolver; attachmentId: string; auditAction?: string },
    ): Promise<{ attachment: AttachmentRow; data: Buffer }> {
      const owner = await input.owner(db);
      const [attachment] = await db
        .select()
        .from(attachments)
        .where(and(ofOwner(owner), eq(attachments.id, input.attachmentId)));
      if (!attachment) throw new DomainError('not_found');
      const data = await storage.get(attachment.storageKey);
      if (!data) throw new DomainError('not_found');
      await db.transaction((tx) =>
        recordAudit(tx, ctx, {
          action: input.auditAction ?? 'files.download',
          objectType: 'attachment',
          objectId: attachment.id,
          changes: { ownerType: owner.type, ownerId: owner.id, purpose: attachment.purpose },
        }),
      );
      return { attachment, data };
    },

    /**
     * Remove one attachment: the owner is resolved (and may be locked) inside the transaction, `check`
     * may refuse (e.g. not the uploader, owner no longer editable); the row and the audit entry go in
     * one transaction, the stored bytes are deleted after it commits. An attachment that is not the
     * owner's is not_found.
     */
    async detach(
      ctx: RequestContext,
      input: {
        owner: OwnerResolver;
        attachmentId: string;
        check?: (row: AttachmentRow) => void;
        audit: { action: string; objectType: string; objectId: string };
        /** The owner's own write in the same transaction (e.g. pointing a record at its new scan). */
        onAttached?: (tx: Db, row: AttachmentRow) => Promise<void>;
      },
    ): Promise<AttachmentRow> {
      const row = await db.transaction(async (tx) => {
        const owner = await input.owner(tx);
        const [row] = await tx
          .select()
          .from(attachments)
          .where(and(ofOwner(owner), eq(attachments.id, input.attachmentId)));
        if (!row) throw new DomainError('not_found');
        input.check?.(row);
        await tx
          .delete(attachments)
          .where(and(eq(attachments.districtCode, row.districtCode), eq(attachments.id, row.id)));
        await recordAudit(tx, ctx, {
          ...input.audit,
          changes: { attachment: row.id, purpose: row.purpose, category: row.category, sha256: row.sha256 },
        });
        return row;
      });
      await storage.delete(row.storageKey);
      return row;
    },
  };
}

export type FileService = ReturnType<typeof createFileService>;
