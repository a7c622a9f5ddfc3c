/**
 * At start: load (or, on the very first start, create) the keys, install them, and refuse to go on when
 * the database holds encrypted values that no configured key opens — a lost or wrong key file must be
 * loud, not a server that answers 500 on every detail page. A key file created just now for a database
 * that already has encrypted data is removed again, so the backup can be put back in its place.
 */
import { rmSync } from 'node:fs';
import type { Db } from '../../db/client.ts';
import { assertKeysOpenData, installKeyRing } from '../personal-data.ts';
import { type LoadedKeys, loadKeys } from './keys.ts';

export async function openKeysAtStart(
  db: Db,
  opts: { dataDir: string; env?: NodeJS.ProcessEnv },
): Promise<LoadedKeys> {
  const keys = loadKeys(opts);
  installKeyRing(keys.ring);
  try {
    await assertKeysOpenData(db, keys.source);
  } catch (e) {
    if (keys.created) rmSync(keys.source, { force: true });
    throw e;
  }
  return keys;
}
