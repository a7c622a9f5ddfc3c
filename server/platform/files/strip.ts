/**
 * Metadata stripping for uploaded images: photos from phones carry the place they were taken (Exif
 * GPS), the device and often the owner's name. JPEG: APP1 (Exif, XMP), APP13 (IPTC) and the other
 * application segments except APP0 (JFIF), APP2 (ICC colour profile) and APP14 (Adobe colour
 * transform), and comments. PNG: eXIf, tEXt, iTXt, zTXt and tIME chunks. The pixels are not touched
 * (no re-encoding). A structure that cannot be walked is refused rather than stored unstripped.
 *
 * Note: the Exif orientation goes with the Exif block, so a phone photo taken sideways shows sideways.
 */

export class MalformedImageError extends Error {
  constructor(what: string) {
    super(`malformed image: ${what}`);
    this.name = 'MalformedImageError';
  }
}

const KEEP_JPEG_APP = new Set([0xe0, 0xe2, 0xee]);

/** The JPEG without metadata segments (everything from the first scan on is kept as is). */
export function stripJpeg(data: Buffer): Buffer {
  if (data[0] !== 0xff || data[1] !== 0xd8) throw new MalformedImageError('no JPEG start');
  const out: Buffer[] = [data.subarray(0, 2)];
  let i = 2;
  while (i < data.length) {
    if (data[i] !== 0xff) throw new MalformedImageError('expected a marker');
    let m = i + 1;
    while (data[m] === 0xff) m++; // fill bytes
    const marker = data[m];
    if (marker === undefined) break;
    const segStart = m + 1;
    if (marker === 0xd9) {
      out.push(data.subarray(i, segStart));
      return Buffer.concat(out);
    }
    if ((marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) {
      out.push(data.subarray(i, segStart));
      i = segStart;
      continue;
    }
    if (segStart + 2 > data.length) throw new MalformedImageError('truncated segment');
    const len = data.readUInt16BE(segStart);
    const end = segStart + len;
    if (len < 2 || end > data.length) throw new MalformedImageError('segment overruns the file');
    if (marker === 0xda) {
      out.push(data.subarray(i)); // start of scan: entropy-coded data and the rest, unchanged
      return Buffer.concat(out);
    }
    const isApp = marker >= 0xe0 && marker <= 0xef;
    const drop = (isApp && !KEEP_JPEG_APP.has(marker)) || marker === 0xfe;
    if (!drop) out.push(data.subarray(i, end));
    i = end;
  }
  throw new MalformedImageError('no image data');
}

const PNG_SIGNATURE_LENGTH = 8;
const DROP_PNG = new Set(['eXIf', 'tEXt', 'iTXt', 'zTXt', 'tIME']);

/** The PNG without text, Exif and time chunks; chunks after IEND are dropped too. */
export function stripPng(data: Buffer): Buffer {
  const out: Buffer[] = [data.subarray(0, PNG_SIGNATURE_LENGTH)];
  let i = PNG_SIGNATURE_LENGTH;
  let first = true;
  while (i + 12 <= data.length) {
    const len = data.readUInt32BE(i);
    const type = data.toString('latin1', i + 4, i + 8);
    const end = i + 12 + len;
    if (end > data.length || !/^[A-Za-z]{4}$/.test(type)) throw new MalformedImageError('bad chunk');
    if (first && type !== 'IHDR') throw new MalformedImageError('IHDR is not first');
    first = false;
    if (!DROP_PNG.has(type)) out.push(data.subarray(i, end));
    if (type === 'IEND') return Buffer.concat(out);
    i = end;
  }
  throw new MalformedImageError('no IEND chunk');
}

/** Strip what the kind can carry; other kinds are returned unchanged. */
export function stripMetadata(kind: string, data: Buffer): Buffer {
  if (kind === 'jpeg') return stripJpeg(data);
  if (kind === 'png') return stripPng(data);
  return data;
}
