/**
 * File names as shown and served: the uploaded name is only a label (storage keys are random), but it
 * ends up in lists and in Content-Disposition, so it is cleaned before it is stored.
 */

export const FILE_NAME_MAX = 120;

/** C0/C1 controls, bidi embeddings/overrides/isolates, and other invisible format characters. */
export function isUnsafeChar(cp: number): boolean {
  return (
    cp <= 0x1f ||
    (cp >= 0x7f && cp <= 0x9f) ||
    cp === 0x061c ||
    (cp >= 0x200b && cp <= 0x200f) ||
    (cp >= 0x2028 && cp <= 0x202e) ||
    (cp >= 0x2060 && cp <= 0x2069) ||
    cp === 0xfeff ||
    (cp >= 0xfff9 && cp <= 0xfffb) ||
    (cp >= 0xd800 && cp <= 0xdfff) // lone surrogates
  );
}

/**
 * A safe display name: the last path part only (both / and \), controls and bidi characters removed,
 * no leading dots, Unicode NFC, at most FILE_NAME_MAX characters with the extension kept. Returns
 * `fallback` when nothing is left.
 */
export function sanitizeFileName(raw: string, fallback = 'file'): string {
  let name = [...raw.normalize('NFC')].filter((c) => !isUnsafeChar(c.codePointAt(0)!)).join('');
  name = name.split(/[/\\]/).pop() ?? '';
  name = name
    .replace(/[<>:"|?*]/g, '_')
    .replace(/^[.\s]+/, '')
    .replace(/[.\s]+$/, '')
    .trim();
  if (!name) return fallback;
  const chars = [...name];
  if (chars.length <= FILE_NAME_MAX) return name;
  const dot = name.lastIndexOf('.');
  const ext = dot > 0 && name.length - dot <= 10 ? [...name.slice(dot)] : [];
  return chars.slice(0, FILE_NAME_MAX - ext.length).join('') + ext.join('');
}

/** The lower-case extension of a name, '' when there is none. */
export function extensionOf(name: string): string {
  return /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase() ?? '';
}

// RFC 5987 attr-char: ALPHA / DIGIT / "!" / "#" / "$" / "&" / "+" / "-" / "." / "^" / "_" / "`" / "|" / "~"
const encodeRfc5987 = (s: string) =>
  encodeURIComponent(s).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/** Content-Disposition for a download (RFC 6266): an ASCII fallback plus the UTF-8 name in filename*. */
export function contentDisposition(fileName: string): string {
  const clean = sanitizeFileName(fileName);
  const ascii = clean.replace(/[^\x20-\x7e]/g, '_').replace(/["\\%]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeRfc5987(clean)}`;
}
