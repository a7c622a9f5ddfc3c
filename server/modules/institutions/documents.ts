/**
 * Filing documents: attachments (server/platform/files, purpose `institution_document`) owned by the
 * institution. The guard on the institution decides who sees them; the lifecycle decides who may add.
 */
import type { InstitutionStatus } from '../../../domain/contracts/institution.ts';
import { editRights } from '../../../domain/institutions/lifecycle.ts';
import type { Db } from '../../db/client.ts';
import type { Actor, RequestContext } from '../../platform/context.ts';
import { DomainError } from '../../platform/errors.ts';
import type { CheckedFile } from '../../platform/files/check.ts';
import type { FileService } from '../../platform/files/service.ts';
import './errors.ts';
import { callerOf } from './profile.ts';
import * as repo from './repository.ts';

export function createDocumentService({ files }: { files: FileService }) {
  return {
    /** Add a checked file; the institution is locked and its edit rights checked inside the transaction. */
    async upload(ctx: RequestContext, actor: Actor, id: string, category: string, file: CheckedFile) {
      return files.attach(ctx, {
        owner: async (tx: Db) => {
          const row = await repo.getInstitution(tx, actor, id, true);
          if (!editRights(row.status as InstitutionStatus, callerOf(actor, row.id)).upload)
            throw new DomainError('institutions.not_editable');
          return repo.institutionOwner(row);
        },
        file,
        category,
        audit: { action: 'institutions.upload', objectType: 'institution', objectId: id },
      });
    },

    /** The document and its bytes, only through an institution in the actor's scope (else 404). */
    download(ctx: RequestContext, actor: Actor, id: string, docId: string) {
      return files.download(ctx, {
        owner: async (db: Db) => repo.institutionOwner(await repo.getInstitution(db, actor, id)),
        attachmentId: docId,
        auditAction: 'institutions.document_download',
      });
    },
  };
}

export type DocumentService = ReturnType<typeof createDocumentService>;
