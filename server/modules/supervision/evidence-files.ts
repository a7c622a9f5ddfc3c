/** How supervision's files appear in its answers: owner types and the API shape of an attachment. */
import type { EvidenceFile, InspectionPhoto } from '../../../domain/contracts/supervision-inspections.ts';
import type { AttachmentOwner, AttachmentRow } from '../../platform/files/service.ts';

export const INSPECTION_OWNER = 'inspection';
export const RECTIFICATION_OWNER = 'rectification';

export const inspectionOwner = (r: { id: string; districtCode: string }): AttachmentOwner => ({
  type: INSPECTION_OWNER,
  id: r.id,
  districtCode: r.districtCode,
});
export const rectificationOwner = (r: { id: string; districtCode: string }): AttachmentOwner => ({
  type: RECTIFICATION_OWNER,
  id: r.id,
  districtCode: r.districtCode,
});

export const toEvidenceFile = (a: AttachmentRow): EvidenceFile => ({
  id: a.id,
  fileName: a.fileName,
  contentType: a.contentType,
  sizeBytes: a.sizeBytes,
  uploadedAt: a.uploadedAt.toISOString(),
  uploadedBy: a.uploadedBy,
});
/** A finding photo: the checklist item it shows is the attachment's category. */
export const toInspectionPhoto = (a: AttachmentRow): InspectionPhoto => ({
  ...toEvidenceFile(a),
  itemCode: a.category ?? '',
});
