import { FaultlineError } from '../shared/errors.ts';

/** Fills a buffer of `length` bytes from a cryptographic source (crypto.randomBytes in main). */
export type RandomBytes = (length: number) => Uint8Array;

/** Files the user picked; the renderer reads through ids, and only these files. */
export interface FileGrants {
  /** Grants `path` and returns its id (the same id if it was already granted). */
  grant(path: string, size: number): string;
  /** The granted path for `id`; throws FaultlineError `not_granted` otherwise. */
  resolve(id: string): string;
  /** The size recorded when `id` was granted; throws like `resolve`. */
  size(id: string): number;
}

const ID_BYTES = 16;

/** A grant registry whose ids come from `randomBytes` (128 bits, hex). */
export function createFileGrants(randomBytes: RandomBytes): FileGrants {
  const byId = new Map<string, { path: string; size: number }>();
  const idByPath = new Map<string, string>();

  function lookup(id: string): { path: string; size: number } {
    const entry = byId.get(id);
    if (entry === undefined) {
      throw new FaultlineError({
        code: 'not_granted',
        message: `File id ${JSON.stringify(id)} was not granted: open the file in Faultline first.`,
      });
    }
    return entry;
  }

  function newId(): string {
    for (;;) {
      const bytes = randomBytes(ID_BYTES);
      if (bytes.length !== ID_BYTES) throw new Error(`randomBytes gave ${bytes.length} bytes`);
      const id = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
      if (!byId.has(id)) return id;
    }
  }

  return {
    grant(path, size) {
      const known = idByPath.get(path);
      if (known !== undefined) {
        byId.set(known, { path, size });
        return known;
      }
      const id = newId();
      byId.set(id, { path, size });
      idByPath.set(path, id);
      return id;
    },
    resolve: (id) => lookup(id).path,
    size: (id) => lookup(id).size,
  };
}
