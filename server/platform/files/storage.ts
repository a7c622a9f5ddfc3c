/**
 * Where uploaded files live: a small interface a deployment can point elsewhere (object storage, NFS).
 * The embedded default keeps files under DATA_DIR/files with random names; keys are never user input.
 *
 * S3-compatible slot (not implemented here): an adapter for MinIO, Ceph RGW or a cloud object store
 * implements `FileStorage` with PutObject / GetObject (NoSuchKey → undefined) / DeleteObject on
 * `${prefix}${key}` in one bucket, configured by `S3StorageConfig`, and is passed to `registerModules`
 * as `storage`. Server-side encryption and versioning are the bucket's; the database keeps the sha256.
 * See docs/kit/files.md.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, open, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

export interface FileStorage {
  put(key: string, data: Buffer): Promise<void>;
  /** The bytes, or undefined when the key is unknown. */
  get(key: string): Promise<Buffer | undefined>;
  /**
   * The bytes as a stream of chunks (never the whole file in memory), or undefined when the key is
   * unknown. Optional: readers that can stream (the import) fall back to `get` without it.
   */
  open?(key: string): Promise<AsyncIterable<Buffer> | undefined>;
  delete(key: string): Promise<void>;
}

/** What an S3-compatible adapter needs (the slot: configuration only, no client is bundled). */
export interface S3StorageConfig {
  endpoint: string;
  region: string;
  bucket: string;
  /** Key prefix inside the bucket, e.g. 'tuoyu/310118/'. */
  prefix: string;
  /** Credentials come from the environment (never from the database or the repository). */
  accessKeyIdEnv: string;
  secretAccessKeyEnv: string;
  forcePathStyle?: boolean;
}

/** A new random storage key (128 bits, hex): the stored name never comes from the upload. */
export function newStorageKey(): string {
  return randomBytes(16).toString('hex');
}

const KEY = /^[a-f0-9]{32}$/;

function checkKey(key: string): string {
  if (!KEY.test(key)) throw new Error('invalid storage key');
  return key;
}

/** Files in a local folder, two-level fan-out (ab/abcdef…) so no folder grows too large. */
export function localFileStorage(root: string): FileStorage {
  const where = (key: string) => path.join(root, checkKey(key).slice(0, 2), key);
  return {
    async put(key, data) {
      const file = where(key);
      await mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
      await writeFile(file, data, { mode: 0o600, flag: 'wx' });
    },
    async get(key) {
      try {
        return await readFile(where(key));
      } catch (e) {
        if ((e as { code?: string }).code === 'ENOENT') return undefined;
        throw e;
      }
    },
    async open(key) {
      try {
        const handle = await open(where(key), 'r');
        return handle.createReadStream({ highWaterMark: 64 * 1024 });
      } catch (e) {
        if ((e as { code?: string }).code === 'ENOENT') return undefined;
        throw e;
      }
    },
    async delete(key) {
      await rm(where(key), { force: true });
    },
  };
}

/** Files in memory (tests, or a deployment that stores nothing on disk). */
export function memoryFileStorage(): FileStorage {
  const files = new Map<string, Buffer>();
  return {
    async put(key, data) {
      files.set(checkKey(key), Buffer.from(data));
    },
    async get(key) {
      return files.get(key);
    },
    async open(key) {
      const data = files.get(key);
      if (!data) return undefined;
      return (async function* () {
        for (let i = 0; i < data.length; i += 64 * 1024) yield data.subarray(i, i + 64 * 1024);
      })();
    },
    async delete(key) {
      files.delete(key);
    },
  };
}
