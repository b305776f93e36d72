import { FaultlineError } from '../errors.ts';

/** The file formats the loader reads (gzip is a wrapper, recorded separately). */
export type FileFormat = 'csv' | 'tsv' | 'parquet' | 'jsonl' | 'json' | 'arrow';

export interface DetectedFormat {
  format: FileFormat;
  gzip: boolean;
}

const byExtension: Record<string, FileFormat> = {
  csv: 'csv',
  txt: 'csv',
  tsv: 'tsv',
  tab: 'tsv',
  parquet: 'parquet',
  pq: 'parquet',
  jsonl: 'jsonl',
  ndjson: 'jsonl',
  json: 'json',
  arrow: 'arrow',
  feather: 'arrow',
  ipc: 'arrow',
  arrows: 'arrow',
};

const textFormats: ReadonlySet<FileFormat> = new Set(['csv', 'tsv', 'jsonl', 'json']);

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return magic.every((b, i) => bytes[i] === b);
}

const PAR1 = [0x50, 0x41, 0x52, 0x31];
const ARROW1 = [0x41, 0x52, 0x52, 0x4f, 0x57, 0x31];
const GZIP = [0x1f, 0x8b];
const IPC_CONTINUATION = [0xff, 0xff, 0xff, 0xff];

/** True for formats that are plain text (and so may come gzipped). */
export function isTextFormat(format: FileFormat): boolean {
  return textFormats.has(format);
}

/**
 * The format from the name's extension (`.gz` stripped), else from the first bytes: magic
 * numbers for Parquet, Arrow and gzip, then the first non-blank character for JSON.
 */
export function detectFormat(displayName: string, head: Uint8Array): DetectedFormat {
  const lower = displayName.toLowerCase();
  const gzipByName = lower.endsWith('.gz');
  const base = gzipByName ? lower.slice(0, -3) : lower;
  const ext = base.includes('.') ? base.slice(base.lastIndexOf('.') + 1) : '';
  const gzip = gzipByName || startsWith(head, GZIP);
  const named = byExtension[ext];
  if (named) {
    if (gzip && !isTextFormat(named)) {
      throw new FaultlineError({
        code: 'unknown_format',
        file: displayName,
        message: `${displayName}: gzip is read for CSV, TSV and JSON files only, not ${named}`,
      });
    }
    return { format: named, gzip };
  }
  if (gzip) return { format: 'csv', gzip: true };
  if (startsWith(head, PAR1)) return { format: 'parquet', gzip: false };
  if (startsWith(head, ARROW1) || startsWith(head, IPC_CONTINUATION)) {
    return { format: 'arrow', gzip: false };
  }
  const first = new TextDecoder().decode(head.subarray(0, 256)).trimStart()[0];
  if (first === '[') return { format: 'json', gzip: false };
  if (first === '{') return { format: 'jsonl', gzip: false };
  return { format: 'csv', gzip: false };
}

/** True when the bytes start with gzip's magic number. */
export function hasGzipMagic(head: Uint8Array): boolean {
  return startsWith(head, GZIP);
}

/**
 * A text file's first bytes should be UTF-8 without NUL: binary data named .csv fails here with
 * a clear message instead of DuckDB's sniffer error.
 */
export function binaryOffset(head: Uint8Array): number | null {
  const nul = head.indexOf(0);
  if (nul >= 0) return nul;
  try {
    // A multi-byte character cut at the end of the sample is not an error.
    new TextDecoder('utf-8', { fatal: true }).decode(head.subarray(0, trimPartialUtf8(head)));
    return null;
  } catch {
    return 0;
  }
}

function trimPartialUtf8(head: Uint8Array): number {
  const end = head.length;
  for (let back = 1; back <= 3 && end - back >= 0; back++) {
    const b = head[end - back] ?? 0;
    if ((b & 0xc0) === 0xc0) return end - back; // a lead byte whose continuation was cut off
    if ((b & 0x80) === 0) break;
  }
  return end;
}
