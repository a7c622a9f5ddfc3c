/**
 * Personal data (citizen ID, passport/permit and phone numbers): stored encrypted with a keyed blind
 * index for exact lookup and uniqueness, masked in every response, revealed one value at a time with a
 * permission and a stated purpose (audited). How a module uses it: docs/kit/personal-data.md.
 *
 * Formats are in crypto/cipher.ts; keys in crypto/keys.ts. The key ring is installed once per process
 * (server/main.ts, scripts, test/db.ts); using personal data before that is a programming error.
 */
import { sql } from 'drizzle-orm';
import { customType } from 'drizzle-orm/pg-core';
import { maskCitizenId, maskMobile, normalizeMobile } from '../../domain/rules/ids.ts';
import type { Db } from '../db/client.ts';
import { markedColumns, type PersonalKind } from './comments.ts';
import {
  blindIndexKeyId,
  blindIndexWith,
  KeyUnavailableError,
  open,
  seal,
  sealedKeyId,
} from './crypto/cipher.ts';
import type { KeyRing } from './crypto/keys.ts';

export type { PersonalKind } from './comments.ts';
export { KeyUnavailableError } from './crypto/cipher.ts';

/** An encrypted value as stored (never plaintext: the brand makes writing plaintext a type error). */
export type Sealed = string & { readonly __sealed: true };
/** A blind index as stored. */
export type BlindIndex = string & { readonly __blindIndex: true };
export type EncryptedKind = Exclude<PersonalKind, 'name'>;

/** A text column holding a sealed value (pd1.<key id>.<base64url>). Mark it with `pd.encrypted()`. */
export const encryptedText = customType<{ data: Sealed; driverData: string }>({ dataType: () => 'text' });
/** A text column holding a blind index (<key id>.<base64url HMAC>). Mark it with `pd.blindIndex()`. */
export const blindIndex = customType<{ data: BlindIndex; driverData: string }>({
  dataType: () => 'varchar(64)',
});

let ring: KeyRing | undefined;

/** Install the process's key ring (at start, before any personal data is read or written). */
export function installKeyRing(keys: KeyRing): void {
  ring = keys;
}

export function keyRing(): KeyRing {
  if (!ring) throw new Error('personal data: no key ring installed (installKeyRing at start)');
  return ring;
}

/** The form a value is compared in: ID numbers upper-case without spaces, phones as 11 digits. */
export function normalise(kind: EncryptedKind, value: string): string {
  const v = value.trim();
  if (kind === 'phone') {
    const m = normalizeMobile(v);
    return m.ok ? m.value : v.replace(/[\s-]/g, '');
  }
  return v.replace(/\s/g, '').toUpperCase();
}

export function sealValue(kind: EncryptedKind, value: string): Sealed {
  return seal(keyRing().encryption, normalise(kind, value), kind) as Sealed;
}

export function openValue(kind: EncryptedKind, sealed: Sealed | string): string {
  return open(keyRing().encryption, sealed, kind);
}

/** The blind index under the current index key. */
export function indexValue(kind: EncryptedKind, value: string): BlindIndex {
  const set = keyRing().blindIndex;
  return blindIndexWith(set, set.current, kind, normalise(kind, value)) as BlindIndex;
}

/**
 * The blind index under every index key, current first: look up with `inArray(col, candidates)` so
 * rows not yet moved by a rotation of the index key are still found.
 */
export function indexCandidates(kind: EncryptedKind, value: string): BlindIndex[] {
  const set = keyRing().blindIndex;
  const n = normalise(kind, value);
  return [set.current, ...[...set.keys.keys()].filter((k) => k !== set.current)].map(
    (k) => blindIndexWith(set, k, kind, n) as BlindIndex,
  );
}

/** Sealed value and blind index of one value, for an insert or update. */
export function protect(kind: EncryptedKind, value: string): { sealed: Sealed; index: BlindIndex } {
  return { sealed: sealValue(kind, value), index: indexValue(kind, value) };
}

/**
 * A secret the platform must use itself, not only compare (e.g. a webhook's HMAC signing secret, ADR
 * 0020): sealed with the current encryption key, `secret:<purpose>` as the additional data so it opens
 * only as what it was sealed for. Not personal data: no normalising, no blind index, and key rotation
 * (crypto/rotate.ts) does not move it — retire an old encryption key only after rotating such secrets.
 */
export function sealSecret(purpose: string, value: string): string {
  return seal(keyRing().encryption, value, `secret:${purpose}`);
}

export function openSecret(purpose: string, sealed: string): string {
  return open(keyRing().encryption, sealed, `secret:${purpose}`);
}

/** The masked form shown by default: 310118********0026, 138****5678, 王**, E1****78. */
export function maskPersonal(kind: PersonalKind, value: string): string {
  const v = String(value ?? '');
  if (kind === 'citizen_id') return maskCitizenId(v);
  if (kind === 'phone') return maskMobile(v);
  // A bank account shows its last four digits only (6222 **** 0128).
  if (kind === 'bank_account') return v.length <= 4 ? '*'.repeat(v.length) : `${'*'.repeat(4)}${v.slice(-4)}`;
  if (kind === 'name')
    return v.length === 0 ? '' : `${[...v][0]}${'*'.repeat(Math.max(1, [...v].length - 1))}`;
  if (v.length < 6) return '*'.repeat(v.length);
  return `${v.slice(0, 2)}${'*'.repeat(v.length - 4)}${v.slice(-2)}`;
}

/** Open a sealed column value and mask it (null stays null). */
export function maskedOf(kind: EncryptedKind, sealed: Sealed | string | null): string | null {
  return sealed == null ? null : maskPersonal(kind, openValue(kind, sealed));
}

export interface KeyProblem {
  column: string;
  keyId: string;
  reason: string;
}

/**
 * Every key id found in the encrypted columns must be configured and open a sample value; every blind
 * index key id must be configured. Returns the problems (empty = fine).
 */
export async function keyProblems(db: Db): Promise<KeyProblem[]> {
  const keys = keyRing();
  const problems: KeyProblem[] = [];
  for (const m of markedColumns()) {
    if (!('storage' in m.marker) || m.marker.storage === 'plain') continue;
    const where = `"${m.tableName}"."${m.column}"`;
    const res = (await db.execute(
      sql.raw(
        `select split_part(${where}, '.', ${m.marker.storage === 'encrypted' ? 2 : 1}) as key_id, min(${where}) as sample
         from "${m.tableName}" where ${where} is not null group by 1`,
      ),
    )) as unknown as { rows: { key_id: string; sample: string }[] };
    for (const { key_id: keyId, sample } of res.rows) {
      if (m.marker.storage === 'blind_index') {
        if (!keys.blindIndex.keys.has(blindIndexKeyId(sample) ?? ''))
          problems.push({ column: where, keyId, reason: 'unknown blind-index key' });
        continue;
      }
      try {
        if (sealedKeyId(sample) === undefined) throw new KeyUnavailableError(keyId, 'malformed');
        open(keys.encryption, sample, m.marker.personal);
      } catch (e) {
        problems.push({
          column: where,
          keyId,
          reason: e instanceof KeyUnavailableError ? e.reason : 'unreadable',
        });
      }
    }
  }
  return problems;
}

/** Refuse to start when encrypted rows exist that no configured key opens (a lost or wrong key file). */
export async function assertKeysOpenData(db: Db, source: string): Promise<void> {
  const problems = await keyProblems(db);
  if (problems.length === 0) return;
  const list = problems.map((p) => `  ${p.column}: key "${p.keyId}" (${p.reason})`).join('\n');
  throw new Error(
    `Refusing to start: the database holds encrypted personal data that the configured keys (${source}) cannot open:\n${list}\n` +
      'Restore the key file (DATA_DIR/keys.json) or TUOYU_KEYS from your backup and start again. ' +
      'Without the original keys these values cannot be recovered (docs/kit/personal-data.md, "Recovery").',
  );
}
