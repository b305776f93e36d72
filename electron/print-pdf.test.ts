import type { BrowserWindowConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import {
  createPrintToPdf,
  isPrintRequestAllowed,
  PDF_PARTITION,
  type PdfWindow,
} from './print-pdf.ts';

type Listener = (event: { url: string; preventDefault(): void }) => void;

function fakes(options: { failLoad?: boolean } = {}) {
  const log: string[] = [];
  const windows: BrowserWindowConstructorOptions[] = [];
  const listeners = new Map<string, Listener>();
  let openHandler: (() => { action: string }) | null = null;
  const window: PdfWindow = {
    webContents: {
      on: ((event: string, listener: Listener) => {
        listeners.set(event, listener);
        return window.webContents;
      }) as never,
      setWindowOpenHandler: ((handler: () => { action: string }) => {
        openHandler = handler;
      }) as never,
      printToPDF: (async (pdfOptions: object) => {
        log.push(`print ${JSON.stringify(pdfOptions)}`);
        return new Uint8Array([37, 80, 68, 70]);
      }) as never,
    },
    loadFile: async (path) => {
      log.push(`load ${path}`);
      if (options.failLoad) throw new Error('ERR_FAILED');
    },
    destroy: () => log.push('destroy'),
  };
  const printToPdf = createPrintToPdf({
    createWindow: (o) => {
      windows.push(o);
      return window;
    },
    makeTempDir: async () => '/tmp/faultline-pdf-1',
    writeFile: async (path, data) => {
      log.push(`write ${path} ${data}`);
    },
    removeDir: async (path) => {
      log.push(`remove ${path}`);
    },
  });
  return { printToPdf, log, windows, listeners, openHandler: () => openHandler };
}

describe('createPrintToPdf', () => {
  it('loads the HTML from a temp file in a hidden sandboxed window, prints, then cleans up', async () => {
    const f = fakes();
    expect(await f.printToPdf('<h1>R</h1>')).toEqual(new Uint8Array([37, 80, 68, 70]));
    expect(f.log).toEqual([
      'write /tmp/faultline-pdf-1/report.html <h1>R</h1>',
      'load /tmp/faultline-pdf-1/report.html',
      'print {"printBackground":true,"pageSize":"A4"}',
      'destroy',
      'remove /tmp/faultline-pdf-1',
    ]);
    const [options] = f.windows;
    expect(options?.show).toBe(false);
    expect(options?.webPreferences).toMatchObject({
      partition: PDF_PARTITION,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
    });
    expect(options?.webPreferences?.preload).toBeUndefined();
  });

  it('lets the report go nowhere: no navigation away, no new windows', async () => {
    const f = fakes();
    await f.printToPdf('<a href="https://example.com">x</a>');
    const navigate = (url: string) => {
      let prevented = false;
      f.listeners.get('will-navigate')?.({ url, preventDefault: () => (prevented = true) });
      return prevented;
    };
    expect(navigate('https://example.com/')).toBe(true);
    expect(navigate('file:///etc/passwd')).toBe(true);
    expect(navigate('file:///tmp/faultline-pdf-1/report.html#drift')).toBe(false);
    expect(f.openHandler()?.()).toEqual({ action: 'deny' });
  });

  it('closes the window and removes the file when loading fails', async () => {
    const f = fakes({ failLoad: true });
    await expect(f.printToPdf('<p>')).rejects.toThrow('ERR_FAILED');
    expect(f.log.slice(-2)).toEqual(['destroy', 'remove /tmp/faultline-pdf-1']);
  });
});

describe('isPrintRequestAllowed', () => {
  const prefix = 'file:///tmp/faultline-pdf-';
  it.each([
    ['file:///tmp/faultline-pdf-1/report.html', true],
    ['file:///tmp/faultline-pdf-1/report.html#drift', true],
    ['data:image/png;base64,AAAA', true],
    ['blob:file:///1234', true],
    ['file:///etc/passwd', false],
    ['file:///tmp/faultline-pdf-1/../../etc/passwd', false],
    ['file:///tmp/faultline-pdf-1/%2e%2e/%2e%2e/etc/passwd', false],
    ['https://cdn.plot.ly/plotly.js', false],
    ['http://169.254.169.254/', false],
    ['ws://localhost:9222', false],
    ['devtools://devtools', false],
    ['not a url', false],
  ])('%s → %s', (url, allowed) => {
    expect(isPrintRequestAllowed(url, prefix)).toBe(allowed);
  });
});
