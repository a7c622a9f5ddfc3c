/**
 * Upload purposes: the one table of what each kind of upload may be (file kinds and size limit). A
 * module that takes files adds its purpose here; the upload helper and the attachments table use it.
 */
import { DOCUMENT_MAX_BYTES } from '../../../domain/contracts/institution.ts';
import type { FileKind } from './kinds.ts';

export interface PurposeDef {
  kinds: readonly FileKind[];
  /** The largest accepted file in bytes; larger → 413 payload.too_large, nothing stored. */
  maxBytes: number;
  /** What the file is for, in both languages (docs and messages). */
  zh: string;
  en: string;
}

const MiB = 1024 * 1024;

export const PURPOSES = {
  /** Filing documents of an institution (licences, certificates, photos of the site). */
  institution_document: {
    kinds: ['pdf', 'jpeg', 'png'],
    maxBytes: DOCUMENT_MAX_BYTES, // the web checks the same number before sending
    zh: '机构备案材料',
    en: 'Institution filing document',
  },
  /** A spreadsheet to import (the import kit reads it; the file is kept for the record). */
  import: { kinds: ['xlsx', 'csv'], maxBytes: 20 * MiB, zh: '导入文件', en: 'Import file' },
  /** Evidence attached to a quality evaluation form (issue 12): documents and photos. */
  quality_evidence: {
    kinds: ['pdf', 'jpeg', 'png'],
    maxBytes: 10 * MiB,
    zh: '质量评估佐证材料',
    en: 'Quality evaluation evidence',
  },
  /** A finding photographed by the inspector on a phone during an inspection (issue 10); EXIF/GPS stripped. */
  inspection_photo: {
    kinds: ['jpeg', 'png'],
    maxBytes: 10 * MiB,
    zh: '检查问题照片',
    en: 'Inspection finding photo',
  },
  /** Evidence of a rectification attached by the institution (issue 10): photos and documents. */
  rectification_evidence: {
    kinds: ['pdf', 'jpeg', 'png'],
    maxBytes: 10 * MiB,
    zh: '整改佐证材料',
    en: 'Rectification evidence',
  },
  /** The scan of a staff member's certificate (issue 9): 保育员证, 健康证, …; EXIF/GPS stripped. */
  staff_certificate: {
    kinds: ['pdf', 'jpeg', 'png'],
    maxBytes: 5 * MiB,
    zh: '从业人员证书扫描件',
    en: 'Staff certificate scan',
  },
  /** The scan of a pre-hire record check (issue 17): the query receipt or 无犯罪记录证明; EXIF/GPS stripped. */
  staff_record_check: {
    kinds: ['pdf', 'jpeg', 'png'],
    maxBytes: 5 * MiB,
    zh: '入职查询回执或无犯罪记录证明扫描件',
    en: 'Pre-hire record check scan',
  },
  /** Evidence a department attaches to its quarterly report on an annex task (issue 13). */
  task_report_evidence: {
    kinds: ['pdf', 'jpeg', 'png', 'xlsx'],
    maxBytes: 10 * MiB,
    zh: '任务进展佐证材料',
    en: 'Task report evidence',
  },
} as const satisfies Record<string, PurposeDef>;

export type Purpose = keyof typeof PURPOSES;

export function purposeDef(purpose: Purpose): PurposeDef {
  return PURPOSES[purpose];
}
