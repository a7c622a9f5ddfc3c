/**
 * The lifetime-ban list's shared key (ADR 0013): an HMAC-SHA-256 key that districts exchanging ban
 * lists hold in common, separate from the encryption and blind-index keys of the key ring (those
 * never leave the district). Production: `TUOYU_BAN_LIST_KEY` (32 bytes, base64). Embedded default:
 * `DATA_DIR/ban-list-key.json`, created with a random key (mode 600) on first use; replace it with the
 * key agreed between districts before exchanging lists. Tests get a random in-memory key.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../../config.ts';

export const BAN_KEY_FORMAT = 'tuoyu-ban-key/1';
const ENV = 'TUOYU_BAN_LIST_KEY';

let installed: Buffer | undefined;

function decode(b64: string, source: string): Buffer {
  const k = Buffer.from(b64.trim(), 'base64');
  if (k.length !== 32) throw new Error(`${source}: the ban-list key must be 32 bytes in base64`);
  return k;
}

/** Read the key from the environment or the data folder (creating the file on first use). */
export function loadBanListKey(opts: { dataDir: string; env?: NodeJS.ProcessEnv }): Buffer {
  const env = opts.env ?? process.env;
  const fromEnv = env[ENV];
  if (fromEnv) return decode(fromEnv, ENV);
  const file = path.join(opts.dataDir, 'ban-list-key.json');
  if (existsSync(file)) {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as { format?: string; key?: string };
    if (parsed.format !== BAN_KEY_FORMAT || !parsed.key)
      throw new Error(`${file}: not a ${BAN_KEY_FORMAT} file`);
    return decode(parsed.key, file);
  }
  const key = randomBytes(32);
  writeBanListKey(opts.dataDir, key);
  return key;
}

/** Write the key file `DATA_DIR/ban-list-key.json` (mode 600), replacing the one there. */
export function writeBanListKey(dataDir: string, key: Buffer): void {
  if (key.length !== 32) throw new Error('the ban-list key must be 32 bytes');
  mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, 'ban-list-key.json');
  writeFileSync(file, `${JSON.stringify({ format: BAN_KEY_FORMAT, key: key.toString('base64') })}\n`, {
    mode: 0o600,
  });
}

/** Where the key comes from: the environment (cannot be written by the app) or the data folder. */
export function banListKeySource(env: NodeJS.ProcessEnv = process.env): 'env' | 'file' {
  return env[ENV] ? 'env' : 'file';
}

/** Decode a key given on the command line or in an environment variable (32 bytes, base64). */
export function parseBanListKey(b64: string, source: string): Buffer {
  return decode(b64, source);
}

/** Install a key (start-up, tests, the bench). The first installed key stays unless `replace`. */
export function installBanListKey(key: Buffer, replace = false): void {
  if (!installed || replace) installed = key;
}

/** The key in use; loaded on first use (the demo seed runs before the app is built). */
export function banListKey(): Buffer {
  if (!installed)
    installed =
      process.env.NODE_ENV === 'test' ? randomBytes(32) : loadBanListKey({ dataDir: loadConfig().dataDir });
  return installed;
}

/** The ban-list hash of a normalised document number (base64url, 43 characters: no long digit runs). */
export function banHash(idType: string, normalisedNumber: string, key: Buffer = banListKey()): string {
  const kind = idType === 'citizen_id' ? 'citizen_id' : 'foreign_document';
  return createHmac('sha256', key)
    .update(`tuoyu-ban/1\u0000${kind}\u0000${normalisedNumber}`)
    .digest('base64url');
}

/** Signature of an exported list (HMAC under a key derived from the shared key). */
export function signBanList(body: string, key: Buffer = banListKey()): string {
  const signing = createHmac('sha256', key).update('tuoyu-ban/1 signing').digest();
  return createHmac('sha256', signing).update(body).digest('hex');
}

/** Whether a signature (hex) is the list's signature under the key; constant-time (ADR 0018). */
export function verifyBanList(body: string, signature: string, key: Buffer = banListKey()): boolean {
  const expected = Buffer.from(signBanList(body, key), 'hex');
  const given = Buffer.from(signature, 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}
