/**
 * What a file IS, read from its first bytes (never from its name or the declared type): the kinds an
 * upload purpose may accept, and the executables every purpose refuses.
 */

export type FileKind = 'pdf' | 'jpeg' | 'png' | 'xlsx' | 'csv';

export interface KindDef {
  /** The content type stored and served (detected, never the declared one). */
  contentType: string;
  /** File-name extensions that may carry this kind (lower case, no dot). */
  extensions: readonly string[];
  /** Declared types (the browser's guess) that agree with this kind. */
  declaredTypes: readonly string[];
}

export const KINDS: Record<FileKind, KindDef> = {
  pdf: { contentType: 'application/pdf', extensions: ['pdf'], declaredTypes: ['application/pdf'] },
  jpeg: {
    contentType: 'image/jpeg',
    extensions: ['jpg', 'jpeg'],
    declaredTypes: ['image/jpeg', 'image/jpg', 'image/pjpeg'],
  },
  png: { contentType: 'image/png', extensions: ['png'], declaredTypes: ['image/png'] },
  xlsx: {
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    extensions: ['xlsx'],
    declaredTypes: ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'application/zip'],
  },
  csv: {
    contentType: 'text/csv',
    extensions: ['csv'],
    declaredTypes: ['text/csv', 'text/plain', 'application/csv', 'application/vnd.ms-excel'],
  },
};

/** Declared types that claim nothing (a browser that does not know the extension sends these). */
export const NEUTRAL_DECLARED_TYPES = new Set(['', 'application/octet-stream']);

const startsWith = (data: Uint8Array, sig: readonly number[], at = 0) =>
  data.length >= at + sig.length && sig.every((b, i) => data[at + i] === b);

const PDF = [0x25, 0x50, 0x44, 0x46, 0x2d]; // %PDF-
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const JPEG = [0xff, 0xd8, 0xff];
const ZIP = [0x50, 0x4b, 0x03, 0x04]; // PK\3\4

/** Executable formats: ELF, PE/DOS ("MZ"), Mach-O (both byte orders, 32/64, fat), scripts ("#!"). */
const EXECUTABLES: readonly (readonly number[])[] = [
  [0x7f, 0x45, 0x4c, 0x46], // \x7fELF
  [0x4d, 0x5a], // MZ
  [0xfe, 0xed, 0xfa, 0xce],
  [0xfe, 0xed, 0xfa, 0xcf],
  [0xce, 0xfa, 0xed, 0xfe],
  [0xcf, 0xfa, 0xed, 0xfe],
  [0xca, 0xfe, 0xba, 0xbe],
  [0x23, 0x21], // #!
];

/** Whether the bytes are a program (a renamed executable is refused whatever its name says). */
export function isExecutable(data: Uint8Array): boolean {
  const bomless = startsWith(data, [0xef, 0xbb, 0xbf]) ? data.subarray(3) : data;
  return EXECUTABLES.some((sig) => startsWith(bomless, sig));
}

/** An XLSX is a ZIP whose entries include [Content_Types].xml and the xl/ folder. */
function isXlsx(data: Uint8Array): boolean {
  if (!startsWith(data, ZIP)) return false;
  const text = Buffer.from(data.buffer, data.byteOffset, data.byteLength).toString('latin1');
  return text.includes('[Content_Types].xml') && text.includes('xl/');
}

const utf8 = new TextDecoder('utf-8', { fatal: true });
const gb18030 = new TextDecoder('gb18030', { fatal: true });

/**
 * CSV: text (UTF-8 with or without BOM, or GB18030) without NUL or other control characters except
 * tab, CR, LF. Anything binary is not CSV.
 */
function isCsvText(data: Uint8Array): boolean {
  let text: string;
  try {
    text = utf8.decode(data);
  } catch {
    try {
      text = gb18030.decode(data);
    } catch {
      return false;
    }
  }
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) || c === 0x7f) return false;
  }
  return true;
}

/** The kind the bytes are, or undefined (executables are never a kind; check isExecutable first). */
export function detectKind(data: Uint8Array): FileKind | undefined {
  if (data.length === 0 || isExecutable(data)) return undefined;
  if (startsWith(data, PDF)) return 'pdf';
  if (startsWith(data, PNG)) return 'png';
  if (startsWith(data, JPEG)) return 'jpeg';
  if (startsWith(data, ZIP)) return isXlsx(data) ? 'xlsx' : undefined;
  return isCsvText(data) ? 'csv' : undefined;
}
