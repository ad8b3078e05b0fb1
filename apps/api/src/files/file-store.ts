import { Readable } from 'node:stream';

/**
 * Where evidence files are kept. On disk today (DiskFileStore); an S3-compatible object store
 * implements the same three calls and is provided under FILE_STORE instead.
 */
export interface FileStore {
  put(key: string, content: Buffer): Promise<void>;
  get(key: string): Promise<Readable>;
  remove(key: string): Promise<void>;
}

export const FILE_STORE = Symbol('FILE_STORE');
