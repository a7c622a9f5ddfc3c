/**
 * The entries of an XLSX (a ZIP) put in the order ExcelJS's streaming reader handles well: the
 * workbook, its relationships, the shared strings and the styles before any worksheet.
 *
 * ExcelJS 4.4's reader parks a worksheet met before the shared strings in a temporary file and reads
 * it after the rest; on that path its ZIP iteration sometimes ends early (entries lost, a sheet read
 * as empty or with its shared-string cells unresolved: about 1 in 400 reads here). Its own writer
 * stores the worksheets first now and then (its entries are written concurrently), so the platform's
 * own templates met that path. Reordering the raw entries (no recompression: local header, data and
 * data descriptor are copied as they are, the central directory's offsets patched) keeps the reader
 * on its plain streaming path. Anything this does not understand (ZIP64, a damaged directory) is
 * left as it is, and the reader reports on it as before.
 */

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/** Parts read before the worksheets: the reader needs them to resolve a sheet's cells and names. */
const FIRST = new Set([
  '[Content_Types].xml',
  '_rels/.rels',
  'xl/workbook.xml',
  'xl/_rels/workbook.xml.rels',
  'xl/sharedStrings.xml',
  'xl/styles.xml',
]);

interface Entry {
  name: string;
  local: number;
  central: Buffer;
  rank: number;
  start?: number;
  end?: number;
}

function findEocd(zip: Buffer): number {
  const min = Math.max(0, zip.length - 22 - 0xffff);
  for (let i = zip.length - 22; i >= min; i--) if (zip.readUInt32LE(i) === EOCD) return i;
  return -1;
}

/** The ZIP with its entries in reading order, or the same buffer when it already is (or is not understood). */
export function readingOrder(zip: Buffer): Buffer {
  if (zip.length < 22) return zip;
  const eocd = findEocd(zip);
  if (eocd < 0) return zip;
  const count = zip.readUInt16LE(eocd + 10);
  const cdSize = zip.readUInt32LE(eocd + 12);
  const cdStart = zip.readUInt32LE(eocd + 16);
  if (count === 0xffff || cdStart === 0xffffffff || cdSize === 0xffffffff) return zip; // ZIP64
  if (cdStart + cdSize > eocd) return zip;
  const entries: Entry[] = [];
  let p = cdStart;
  for (let i = 0; i < count; i++) {
    if (p + 46 > eocd || zip.readUInt32LE(p) !== CENTRAL) return zip;
    const nameLen = zip.readUInt16LE(p + 28);
    const len = 46 + nameLen + zip.readUInt16LE(p + 30) + zip.readUInt16LE(p + 32);
    const local = zip.readUInt32LE(p + 42);
    if (local === 0xffffffff || local >= cdStart || p + len > eocd) return zip;
    if (zip.readUInt32LE(local) !== LOCAL) return zip;
    const name = zip.toString('utf8', p + 46, p + 46 + nameLen);
    entries.push({ name, local, central: zip.subarray(p, p + len), rank: FIRST.has(name) ? 0 : 1 });
    p += len;
  }
  const byPosition = [...entries].sort((a, b) => a.local - b.local);
  let seenLater = false;
  let inOrder = true;
  for (const e of byPosition) {
    if (e.rank === 1) seenLater = true;
    else if (seenLater) inOrder = false;
  }
  if (inOrder) return zip;
  byPosition.forEach((e, i) => {
    e.start = e.local;
    e.end = byPosition[i + 1]?.local ?? cdStart;
  });
  const ordered = [...byPosition].sort((a, b) => a.rank - b.rank); // stable: file order within a rank
  const parts: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of ordered) {
    parts.push(zip.subarray(e.start, e.end));
    const central = Buffer.from(e.central);
    central.writeUInt32LE(offset, 42);
    centrals.push(central);
    offset += e.end! - e.start!;
  }
  // The central directory in its original order, then the end record with the new directory start.
  const centralOrder = new Map(ordered.map((e, i) => [e, centrals[i]!]));
  const end = Buffer.from(zip.subarray(eocd));
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, ...entries.map((e) => centralOrder.get(e)!), end]);
}
