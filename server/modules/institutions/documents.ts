/**
 * Filing documents: PDF, JPEG or PNG, recognised from the first bytes (never from the name), ≤ 10 MB,
 * stored under a random key in FileStorage, served as attachments only to callers in scope.
 */
import { createHash } from 'node:crypto';
import type { FieldError } from '../../../domain/contracts/common.ts';
import type { InstitutionStatus } from '../../../domain/contracts/institution.ts';
import {
  type DOCUMENT_CATEGORIES,
  DOCUMENT_MAX_BYTES,
  type InstitutionDocument,
} from '../../../domain/contracts/institution.ts';
import { editRights } from '../../../domain/institutions/lifecycle.ts';
import type { Db } from '../../db/client.ts';
import { recordAudit } from '../../platform/audit/service.ts';
import type { Actor, RequestContext } from '../../platform/context.ts';
import { DomainError, throwIfErrors } from '../../platform/errors.ts';
import { uuidv7 } from '../../platform/ids.ts';
import './errors.ts';
import { toDocument } from './mappers.ts';
import { callerOf } from './profile.ts';
import * as repo from './repository.ts';
import { type FileStorage, newStorageKey } from './storage.ts';
import { institutionDocuments } from './tables.ts';

type DocType = 'application/pdf' | 'image/jpeg' | 'image/png';

const MAGIC: [DocType, number[]][] = [
  ['application/pdf', [0x25, 0x50, 0x44, 0x46, 0x2d]], // %PDF-
  ['image/png', [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]],
  ['image/jpeg', [0xff, 0xd8, 0xff]],
];
const EXTENSIONS: Record<string, DocType> = {
  pdf: 'application/pdf',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
};
const DECLARED_ALIASES: Record<string, DocType> = { 'image/jpg': 'image/jpeg', 'image/pjpeg': 'image/jpeg' };

/** The type the bytes are, from their magic number; undefined for anything else. */
export function sniffType(data: Uint8Array): DocType | undefined {
  return MAGIC.find(([, sig]) => sig.every((b, i) => data[i] === b))?.[0];
}

const err = (rule: string, zh: string, en: string): FieldError => ({
  field: 'file',
  rule,
  message_zh: zh,
  message_en: en,
});

/** Field errors of an upload: empty, too large, not PDF/JPEG/PNG, or not what its name/declared type says. */
export function checkUpload(file: { fileName: string; declaredType: string; data: Buffer }): {
  errors: FieldError[];
  type?: DocType;
} {
  if (file.data.length === 0) return { errors: [err('document.empty', '文件为空', 'The file is empty')] };
  if (file.data.length > DOCUMENT_MAX_BYTES) throw new DomainError('payload.too_large');
  const type = sniffType(file.data);
  if (!type)
    return {
      errors: [
        err(
          'document.unsupported_type',
          '只能上传 PDF、JPEG 或 PNG 文件',
          'Only PDF, JPEG or PNG files are accepted',
        ),
      ],
    };
  const ext = /\.([a-z0-9]+)$/i.exec(file.fileName)?.[1]?.toLowerCase() ?? '';
  const declared = DECLARED_ALIASES[file.declaredType] ?? file.declaredType;
  if (EXTENSIONS[ext] !== type || declared !== type)
    return {
      errors: [
        err(
          'document.type_mismatch',
          '文件内容与文件名或声明的类型不符',
          'The file content does not match its name or declared type',
        ),
      ],
    };
  return { errors: [], type };
}

/** A file name safe for Content-Disposition (RFC 6266/5987: ASCII fallback plus UTF-8). */
export function contentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

export function createDocumentService({ db, storage }: { db: Db; storage: FileStorage }) {
  return {
    async upload(
      ctx: RequestContext,
      actor: Actor,
      id: string,
      category: (typeof DOCUMENT_CATEGORIES)[number],
      file: { fileName: string; declaredType: string; data: Buffer },
    ): Promise<InstitutionDocument> {
      const row = await repo.getInstitution(db, actor, id);
      if (!editRights(row.status as InstitutionStatus, callerOf(actor, row.id)).upload)
        throw new DomainError('institutions.not_editable');
      const checked = checkUpload(file);
      throwIfErrors(checked.errors);
      const key = newStorageKey();
      await storage.put(key, file.data);
      try {
        return await db.transaction(async (tx) => {
          const inScope = await repo.getInstitution(tx, actor, id, true);
          const [doc] = await tx
            .insert(institutionDocuments)
            .values({
              districtCode: inScope.districtCode,
              id: uuidv7(ctx.now.getTime()),
              institutionId: inScope.id,
              category,
              fileName: file.fileName.slice(0, 200),
              contentType: checked.type!,
              sizeBytes: file.data.length,
              sha256: createHash('sha256').update(file.data).digest('hex'),
              storageKey: key,
              uploadedBy: actor.userId,
              uploadedAt: ctx.now,
            })
            .returning();
          await recordAudit(tx, ctx, {
            action: 'institutions.upload',
            objectType: 'institution',
            objectId: inScope.id,
            changes: { document: doc!.id, category, contentType: checked.type, sizeBytes: file.data.length },
          });
          return toDocument(doc!);
        });
      } catch (e) {
        await storage.delete(key);
        throw e;
      }
    },

    /**
     * The document's bytes, if the institution is in scope and the document belongs to it. Filing
     * documents can carry personal data (the director's ID copy), so every download is audited.
     */
    async download(ctx: RequestContext, actor: Actor, id: string, docId: string) {
      const row = await repo.getInstitution(db, actor, id);
      const doc = await repo.findDocument(db, row, docId);
      if (!doc) throw new DomainError('not_found');
      const data = await storage.get(doc.storageKey);
      if (!data) throw new DomainError('not_found');
      await db.transaction((tx) =>
        recordAudit(tx, ctx, {
          action: 'institutions.document_download',
          objectType: 'institution_document',
          objectId: doc.id,
        }),
      );
      return { doc: toDocument(doc), data };
    },
  };
}

export type DocumentService = ReturnType<typeof createDocumentService>;
