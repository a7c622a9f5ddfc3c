/**
 * The checks every upload passes, whatever the module: not empty, within the purpose's size, bytes of
 * a kind the purpose accepts (magic bytes, never the declared type), name and declared type agreeing
 * with the bytes, no executable, image metadata stripped. Failures are 400s naming the field.
 */
import { createHash } from 'node:crypto';
import { DomainError, fieldError } from '../errors.ts';
import { detectKind, type FileKind, isExecutable, KINDS, NEUTRAL_DECLARED_TYPES } from './kinds.ts';
import { extensionOf, sanitizeFileName } from './names.ts';
import { type Purpose, purposeDef } from './purposes.ts';
import { MalformedImageError, stripMetadata } from './strip.ts';

export interface RawUpload {
  /** The multipart field the file came in (named in errors). */
  field: string;
  fileName: string;
  declaredType: string;
  data: Buffer;
}

/** A file that passed the checks: the bytes to store (metadata stripped) and what they are. */
export interface CheckedFile {
  purpose: Purpose;
  fileName: string;
  kind: FileKind;
  contentType: string;
  data: Buffer;
  sizeBytes: number;
  sha256: string;
}

const names: Record<FileKind, string> = { pdf: 'PDF', jpeg: 'JPEG', png: 'PNG', xlsx: 'XLSX', csv: 'CSV' };

export function checkFile(purpose: Purpose, raw: RawUpload): CheckedFile {
  const def = purposeDef(purpose);
  const { field, data } = raw;
  if (data.length === 0) throw fieldError(field, 'file.empty', '文件为空', 'The file is empty');
  if (data.length > def.maxBytes) throw new DomainError('payload.too_large');
  if (isExecutable(data))
    throw fieldError(field, 'file.executable', '不允许上传可执行文件', 'Executable files are not accepted');
  const kind = detectKind(data);
  const list = def.kinds.map((k) => names[k]).join(', ');
  if (!kind || !def.kinds.includes(kind))
    throw fieldError(
      field,
      'file.unsupported_type',
      `只能上传以下类型的文件：${list}`,
      `Only these file types are accepted: ${list}`,
    );
  const fileName = sanitizeFileName(raw.fileName);
  const declared = raw.declaredType.split(';')[0]!.trim().toLowerCase();
  const k = KINDS[kind];
  if (
    !k.extensions.includes(extensionOf(fileName)) ||
    !(NEUTRAL_DECLARED_TYPES.has(declared) || k.declaredTypes.includes(declared))
  )
    throw fieldError(
      field,
      'file.type_mismatch',
      '文件内容与文件名或声明的类型不符',
      'The file content does not match its name or declared type',
    );
  let stored: Buffer;
  try {
    stored = stripMetadata(kind, data);
  } catch (e) {
    if (!(e instanceof MalformedImageError)) throw e;
    throw fieldError(
      field,
      'file.malformed',
      '图片文件已损坏，无法读取',
      'The image is damaged and cannot be read',
    );
  }
  return {
    purpose,
    fileName,
    kind,
    contentType: k.contentType,
    data: stored,
    sizeBytes: stored.length,
    sha256: createHash('sha256').update(stored).digest('hex'),
  };
}
