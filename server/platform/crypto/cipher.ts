/**
 * The crypto repository of personal data: the only place that calls node:crypto for it.
 *
 * Sealed value (text column), compact and self-describing:
 *   pd1.<keyId>.<base64url(nonce[12] ‖ ciphertext ‖ tag[16])>
 * AES-256-GCM with a fresh random 96-bit nonce per value; the additional authenticated data is the
 * value's kind (citizen_id, phone…), so a value copied into a column of another kind does not open.
 *
 * Blind index (text column): <keyId>.<base64url(HMAC-SHA-256(indexKey, kind ‖ 0x00 ‖ normalised))>,
 * deterministic for exact lookup and uniqueness; the key id says which index key made it.
 */
import { createCipheriv, createDecipheriv, createHmac, randomBytes, randomFillSync } from 'node:crypto';

export const SEALED_PREFIX = 'pd1';
const NONCE = 12;
const TAG = 16;

export interface KeySet {
  /** The key id new values are written with. */
  current: string;
  /** Every key that may still be found in the data (id → 32 bytes). */
  keys: Map<string, Buffer>;
}

/** A sealed value could not be opened: its key id is unknown, or the key does not open it. */
export class KeyUnavailableError extends Error {
  constructor(
    readonly keyId: string,
    readonly reason: 'unknown_key' | 'authentication_failed' | 'malformed',
  ) {
    super(`personal data: cannot open a value sealed with key "${keyId}" (${reason})`);
  }
}

export const randomKey = (): Buffer => randomBytes(32);

// Nonces are drawn from the CSPRNG a pool at a time (one call per 256 nonces, not one per value: an
// import seals two or three values per row, and a call per nonce was half the cost of sealing). Every
// 12 bytes of a fill are handed out once, as a copy, then the pool is filled afresh.
const POOL_NONCES = 256;
const noncePool = Buffer.alloc(NONCE * POOL_NONCES);
let nextNonce = POOL_NONCES;

function freshNonce(): Buffer {
  if (nextNonce === POOL_NONCES) {
    randomFillSync(noncePool);
    nextNonce = 0;
  }
  const nonce = Buffer.from(noncePool.subarray(NONCE * nextNonce, NONCE * (nextNonce + 1)));
  nextNonce += 1;
  return nonce;
}

function keyOf(set: KeySet, id: string): Buffer | undefined {
  return set.keys.get(id);
}

/** Encrypt one value with the current key. */
export function seal(set: KeySet, plaintext: string, aad: string): string {
  const key = keyOf(set, set.current);
  if (!key) throw new KeyUnavailableError(set.current, 'unknown_key');
  const nonce = freshNonce();
  const cipher = createCipheriv('aes-256-gcm', key, nonce);
  cipher.setAAD(Buffer.from(aad, 'utf8'));
  const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  const packed = Buffer.concat([nonce, body, cipher.getAuthTag()]).toString('base64url');
  return `${SEALED_PREFIX}.${set.current}.${packed}`;
}

/** The key id a sealed value names (undefined when it is not a sealed value). */
export function sealedKeyId(sealed: string): string | undefined {
  const parts = sealed.split('.');
  return parts.length === 3 && parts[0] === SEALED_PREFIX ? parts[1] : undefined;
}

/** Decrypt one sealed value; throws KeyUnavailableError when no configured key opens it. */
export function open(set: KeySet, sealed: string, aad: string): string {
  const keyId = sealedKeyId(sealed);
  if (keyId === undefined) throw new KeyUnavailableError('?', 'malformed');
  const key = keyOf(set, keyId);
  if (!key) throw new KeyUnavailableError(keyId, 'unknown_key');
  const raw = Buffer.from(sealed.slice(SEALED_PREFIX.length + keyId.length + 2), 'base64url');
  if (raw.length < NONCE + TAG) throw new KeyUnavailableError(keyId, 'malformed');
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, NONCE));
    decipher.setAAD(Buffer.from(aad, 'utf8'));
    decipher.setAuthTag(raw.subarray(raw.length - TAG));
    return Buffer.concat([decipher.update(raw.subarray(NONCE, raw.length - TAG)), decipher.final()]).toString(
      'utf8',
    );
  } catch {
    throw new KeyUnavailableError(keyId, 'authentication_failed');
  }
}

/** The blind index of a normalised value under one index key. */
export function blindIndexWith(set: KeySet, keyId: string, kind: string, normalised: string): string {
  const key = keyOf(set, keyId);
  if (!key) throw new KeyUnavailableError(keyId, 'unknown_key');
  const mac = createHmac('sha256', key).update(kind, 'utf8').update('\0').update(normalised, 'utf8');
  return `${keyId}.${mac.digest('base64url')}`;
}

/** The key id a blind index was made with. */
export function blindIndexKeyId(index: string): string | undefined {
  const dot = index.indexOf('.');
  return dot > 0 ? index.slice(0, dot) : undefined;
}
