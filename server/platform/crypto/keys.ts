/**
 * Personal-data keys: two key sets, one for AES-256-GCM encryption and one for the HMAC blind index.
 *
 * Sources, in order:
 * 1. `TUOYU_KEYS` (production): the key file's JSON, or that JSON in base64 (one line, for secret stores).
 * 2. `DATA_DIR/keys.json` (embedded default): created with fresh random keys, mode 600, on first start.
 *
 * File format (docs/kit/personal-data.md):
 *   { "format": "tuoyu-keys/1",
 *     "encryption": { "current": "e1", "keys": { "e1": "<32 bytes base64>" } },
 *     "blindIndex": { "current": "i1", "keys": { "i1": "<32 bytes base64>" } } }
 * Key ids are 1–16 characters [a-z0-9]; old keys stay listed until `keys:rotate` has moved every value.
 */
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { type KeySet, randomKey } from './cipher.ts';

export const KEY_FORMAT = 'tuoyu-keys/1';

export interface KeyRing {
  encryption: KeySet;
  blindIndex: KeySet;
}

interface KeySetJson {
  current: string;
  keys: Record<string, string>;
}
interface KeyFileJson {
  format: string;
  encryption: KeySetJson;
  blindIndex: KeySetJson;
}

const KEY_ID = /^[a-z0-9]{1,16}$/;

function parseSet(j: KeySetJson | undefined, what: string, source: string): KeySet {
  if (!j || typeof j !== 'object' || typeof j.current !== 'string' || typeof j.keys !== 'object')
    throw new Error(`${source}: "${what}" needs "current" and "keys"`);
  const keys = new Map<string, Buffer>();
  for (const [id, b64] of Object.entries(j.keys)) {
    if (!KEY_ID.test(id)) throw new Error(`${source}: key id "${id}" must be 1–16 characters a-z 0-9`);
    const key = Buffer.from(String(b64), 'base64');
    if (key.length !== 32) throw new Error(`${source}: key "${id}" must be 32 bytes (base64)`);
    keys.set(id, key);
  }
  if (!keys.has(j.current))
    throw new Error(`${source}: current key "${j.current}" of "${what}" is not listed`);
  return { current: j.current, keys };
}

/** Parse a key file's text (JSON, or the JSON in base64). Never puts key bytes in the error text. */
export function parseKeyRing(text: string, source: string): KeyRing {
  const trimmed = text.trim();
  const json = trimmed.startsWith('{') ? trimmed : Buffer.from(trimmed, 'base64').toString('utf8');
  let j: KeyFileJson;
  try {
    j = JSON.parse(json) as KeyFileJson;
  } catch {
    throw new Error(`${source}: not JSON (nor base64 of JSON)`);
  }
  if (j.format !== KEY_FORMAT) throw new Error(`${source}: "format" must be "${KEY_FORMAT}"`);
  return {
    encryption: parseSet(j.encryption, 'encryption', source),
    blindIndex: parseSet(j.blindIndex, 'blindIndex', source),
  };
}

const setJson = (s: KeySet): KeySetJson => ({
  current: s.current,
  keys: Object.fromEntries([...s.keys].map(([id, k]) => [id, k.toString('base64')])),
});

export function serializeKeyRing(ring: KeyRing): string {
  const j: KeyFileJson = {
    format: KEY_FORMAT,
    encryption: setJson(ring.encryption),
    blindIndex: setJson(ring.blindIndex),
  };
  return `${JSON.stringify(j, null, 2)}\n`;
}

/** A ring with one fresh key in each set. */
export function generateKeyRing(): KeyRing {
  return {
    encryption: { current: 'e1', keys: new Map([['e1', randomKey()]]) },
    blindIndex: { current: 'i1', keys: new Map([['i1', randomKey()]]) },
  };
}

/** A new key in one set becomes current (id: the prefix and the next number); old keys are kept. */
export function addKey(ring: KeyRing, which: 'encryption' | 'blindIndex'): { ring: KeyRing; keyId: string } {
  const set = ring[which];
  const prefix = which === 'encryption' ? 'e' : 'i';
  let n = set.keys.size + 1;
  while (set.keys.has(`${prefix}${n}`)) n++;
  const keyId = `${prefix}${n}`;
  const next: KeySet = { current: keyId, keys: new Map([...set.keys, [keyId, randomKey()]]) };
  return { ring: { ...ring, [which]: next }, keyId };
}

/** Write a key file atomically with mode 600. */
export function writeKeyFile(file: string, ring: KeyRing): void {
  const tmp = `${file}.tmp-${process.pid}`;
  writeFileSync(tmp, serializeKeyRing(ring), { mode: 0o600 });
  chmodSync(tmp, 0o600);
  renameSync(tmp, file);
}

export interface LoadedKeys {
  ring: KeyRing;
  /** Where they came from: 'TUOYU_KEYS' or the file's path. */
  source: string;
  /** The file was created just now (first start). */
  created: boolean;
}

export const keyFileOf = (dataDir: string) => path.join(dataDir, 'keys.json');

/** Load the keys from TUOYU_KEYS or DATA_DIR/keys.json, creating the file if neither exists. */
export function loadKeys(opts: { dataDir: string; env?: NodeJS.ProcessEnv }): LoadedKeys {
  const env = opts.env ?? process.env;
  if (env.TUOYU_KEYS)
    return { ring: parseKeyRing(env.TUOYU_KEYS, 'TUOYU_KEYS'), source: 'TUOYU_KEYS', created: false };
  const file = keyFileOf(opts.dataDir);
  if (existsSync(file))
    return { ring: parseKeyRing(readFileSync(file, 'utf8'), file), source: file, created: false };
  const ring = generateKeyRing();
  mkdirSync(opts.dataDir, { recursive: true });
  writeKeyFile(file, ring);
  return { ring, source: file, created: true };
}
