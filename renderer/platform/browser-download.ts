import { zipSync, strToU8 } from 'fflate';

/** A file to hand the user: its name (a relative path inside a folder) and its bytes or text. */
export interface ExportFile {
  name: string;
  data: string | Uint8Array;
}

const bytesOf = (data: string | Uint8Array): Uint8Array =>
  typeof data === 'string' ? strToU8(data) : data;

/**
 * What a browser downloads for a set of files: the file itself when there is one, else one zip
 * named `folder`.zip holding them under `folder/` (a browser cannot write a folder).
 */
export function downloadable(
  folder: string,
  files: readonly ExportFile[],
): { name: string; bytes: Uint8Array } {
  const [only] = files;
  if (files.length === 1 && only !== undefined && !only.name.includes('/')) {
    return { name: only.name, bytes: bytesOf(only.data) };
  }
  const entries = Object.fromEntries(files.map((f) => [`${folder}/${f.name}`, bytesOf(f.data)]));
  return { name: `${folder}.zip`, bytes: zipSync(entries) };
}

/** Starts the browser's download of `files` (see downloadable); returns the downloaded name. */
export function downloadFiles(folder: string, files: readonly ExportFile[]): string {
  const { name, bytes } = downloadable(folder, files);
  const url = URL.createObjectURL(new Blob([bytes as Uint8Array<ArrayBuffer>]));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  // The click has handed the blob to the download; the URL is not needed after this turn.
  setTimeout(() => URL.revokeObjectURL(url), 0);
  return name;
}
