import { dirname } from 'node:path';
import { z } from 'zod';
import { openPurposeSchema } from '../shared/ipc/contract.ts';
import type { RecentFile } from './menu.ts';

/** How many files File ▸ Recent keeps. */
export const MAX_RECENT = 10;

/** The fs/promises functions the store uses; main passes node's, tests an in-memory fake. */
export interface RecentFs {
  readFile(path: string, encoding: 'utf8'): Promise<string>;
  mkdir(path: string, options: { recursive: true }): Promise<unknown>;
  writeFile(path: string, data: string, encoding: 'utf8'): Promise<void>;
  rename(from: string, to: string): Promise<void>;
  rm(path: string, options: { force: true }): Promise<void>;
}

const recentFileSchema = z.strictObject({ path: z.string().min(1), purpose: openPurposeSchema });

/**
 * The recent files in `text` (recent.json). Anything unreadable gives an empty list and a bad
 * entry is skipped: a damaged file must never stop the app from starting.
 */
export function parseRecent(text: string): RecentFile[] {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return [];
  }
  if (!Array.isArray(data)) return [];
  const files = data.flatMap((entry) => {
    const parsed = recentFileSchema.safeParse(entry);
    return parsed.success ? [parsed.data] : [];
  });
  return addRecent([], files);
}

/** `files` first (in order, each once), then the older entries not among them, at most MAX_RECENT. */
export function addRecent(
  recent: readonly RecentFile[],
  files: readonly RecentFile[],
): RecentFile[] {
  const seen = new Set<string>();
  const merged: RecentFile[] = [];
  for (const file of [...files, ...recent]) {
    if (seen.has(file.path)) continue;
    seen.add(file.path);
    merged.push({ path: file.path, purpose: file.purpose });
  }
  return merged.slice(0, MAX_RECENT);
}

/** Reads and writes recent.json at `path`. */
export interface RecentStore {
  /** The saved list; empty when the file is missing, unreadable or not valid. */
  load(): Promise<RecentFile[]>;
  /** Replaces the saved list. Saves run one after another, so the last call wins. */
  save(recent: readonly RecentFile[]): Promise<void>;
}

/**
 * A store writing through a temp file beside `path` and a rename, so a crash mid-write leaves the
 * old list, never half a file. The folder is made if missing (a first run). `tempSuffix` (main passes its pid) keeps two running apps apart.
 */
export function createRecentStore(path: string, fs: RecentFs, tempSuffix: string): RecentStore {
  const tempPath = `${path}.${tempSuffix}.tmp`;
  let queue: Promise<void> = Promise.resolve();

  async function write(text: string): Promise<void> {
    try {
      await fs.mkdir(dirname(path), { recursive: true });
      await fs.writeFile(tempPath, text, 'utf8');
      await fs.rename(tempPath, path);
    } catch (error) {
      // Report the write's failure, not a failure to tidy up after it.
      await fs.rm(tempPath, { force: true }).catch(() => undefined);
      throw error;
    }
  }

  return {
    async load() {
      try {
        return parseRecent(await fs.readFile(path, 'utf8'));
      } catch {
        return [];
      }
    },
    save(recent) {
      const text = `${JSON.stringify(recent, null, 2)}\n`;
      const saved = queue.then(() => write(text));
      // The next save waits for this one whether it failed or not; the caller sees the failure.
      queue = saved.catch(() => undefined);
      return saved;
    },
  };
}
