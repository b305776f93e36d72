import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BrowserWindowConstructorOptions, WebContents } from 'electron';
import { hardenWebContents, hardenedPreferences } from './window.ts';

/** The in-memory session the printing window runs in; main.ts blocks its network requests. */
export const PDF_PARTITION = 'faultline-pdf';

/** A hidden window that only renders the report: sandboxed, isolated, no preload, no Node. */
export function pdfWindowOptions(): BrowserWindowConstructorOptions {
  return {
    show: false,
    width: 1000,
    height: 1400,
    webPreferences: { partition: PDF_PARTITION, ...hardenedPreferences },
  };
}

/**
 * True for what a report may load while printed: inline data, blobs, and files under
 * `tempPrefixUrl` (the file URL its temp folders start with). Nothing from a network, and no
 * other local file (an iframe of one would print it into the PDF).
 */
export function isPrintRequestAllowed(url: string, tempPrefixUrl: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol === 'data:' || parsed.protocol === 'blob:') return true;
  // new URL() has already resolved any `..`, so a prefix test cannot be walked out of.
  return parsed.protocol === 'file:' && parsed.href.startsWith(tempPrefixUrl);
}

/** The part of a BrowserWindow printing uses. */
export interface PdfWindow {
  webContents: Pick<WebContents, 'on' | 'setWindowOpenHandler' | 'printToPDF'>;
  loadFile(path: string): Promise<void>;
  destroy(): void;
}

/** What printing needs; main.ts passes a BrowserWindow factory and fs, tests fakes. */
export interface PrintDeps {
  createWindow(options: BrowserWindowConstructorOptions): PdfWindow;
  makeTempDir(): Promise<string>;
  writeFile(path: string, data: string): Promise<void>;
  removeDir(path: string): Promise<void>;
}

/**
 * `printToPdf(html)`: the HTML is written to a temp file (a data: URL stops at Chromium's 2 MB
 * URL limit, and a report with charts is bigger), loaded in a hidden sandboxed window that may
 * not navigate anywhere, printed on A4 with backgrounds, then the window and file are removed.
 */
export function createPrintToPdf(deps: PrintDeps): (html: string) => Promise<Uint8Array> {
  return async (html) => {
    const dir = await deps.makeTempDir();
    try {
      const file = join(dir, 'report.html');
      await deps.writeFile(file, html);
      const window = deps.createWindow(pdfWindowOptions());
      try {
        hardenWebContents(window.webContents, pathToFileURL(file).href);
        await window.loadFile(file);
        return await window.webContents.printToPDF({ printBackground: true, pageSize: 'A4' });
      } finally {
        window.destroy();
      }
    } finally {
      await deps.removeDir(dir);
    }
  };
}
