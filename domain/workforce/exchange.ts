/**
 * The ban-list exchange file (ADR 0018), pure: the canonical text that is signed, and which entries of
 * a received list are new for this district. No names, no ID numbers: keyed hashes (ADR 0013), role,
 * reason category, decision reference and date, issuing district.
 */
import { BAN_LIST_FORMAT, type BanListFile, type BanListFileEntry } from '../contracts/workforce.ts';

/** The exact text signed: fixed key order, entries sorted, so a re-serialised file verifies the same. */
export function canonicalBanList(file: Omit<BanListFile, 'signature'>): string {
  const entries = file.entries
    .map((e) => ({
      hash: e.hash,
      role: e.role,
      reasonCategory: e.reasonCategory,
      decisionRef: e.decisionRef,
      decisionDate: e.decisionDate,
      issuingDistrict: e.issuingDistrict,
    }))
    .sort((a, b) => (entryKey(a) < entryKey(b) ? -1 : entryKey(a) > entryKey(b) ? 1 : 0));
  return JSON.stringify({
    format: BAN_LIST_FORMAT,
    exportedBy: file.exportedBy,
    exportedAt: file.exportedAt,
    entries,
  });
}

/** What identifies an entry across districts: issuing district, hash and decision. */
export function entryKey(e: Pick<BanListFileEntry, 'issuingDistrict' | 'hash' | 'decisionRef'>): string {
  return `${e.issuingDistrict}\u0000${e.hash}\u0000${e.decisionRef}`;
}

/**
 * The entries of a received list to add here: not issued by this district (its own entries are
 * already held), not already imported (`known` = keys of entries held), no duplicates within the file.
 */
export function planBanImport(
  entries: readonly BanListFileEntry[],
  ownDistrict: string,
  known: ReadonlySet<string>,
): { add: BanListFileEntry[]; skipped: number } {
  const seen = new Set(known);
  const add: BanListFileEntry[] = [];
  for (const e of entries) {
    const k = entryKey(e);
    if (e.issuingDistrict === ownDistrict || seen.has(k)) continue;
    seen.add(k);
    add.push(e);
  }
  return { add, skipped: entries.length - add.length };
}
