import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findElectronBinary, noBinaryMessage } from './electron-binary.ts';

const exists = (paths: string[]) => (path: string) => paths.includes(path);
const throwing = (error: Error) => () => {
  throw error;
};

describe('findElectronBinary', () => {
  it('finds the path the electron package returns when the file is there', () => {
    const path = '/app/node_modules/electron/dist/electron';
    expect(findElectronBinary(() => path, exists([path]))).toEqual({ found: true, path });
  });

  it('says the binary was never downloaded when the package throws (no path.txt)', () => {
    // The electron package's own message when install.js did not run or could not download.
    const error = new Error(
      'Electron failed to install correctly, please delete node_modules/electron and try installing again',
    );
    const lookup = findElectronBinary(throwing(error), exists([]));
    expect(lookup).toEqual({
      found: false,
      reason:
        "no Electron binary is installed (Electron's install step did not download it: " +
        'ELECTRON_SKIP_BINARY_DOWNLOAD was set, or there was no network)',
    });
  });

  it('says the package is missing when it cannot be required at all', () => {
    const error = Object.assign(new Error("Cannot find module 'electron'"), {
      code: 'MODULE_NOT_FOUND',
    });
    expect(findElectronBinary(throwing(error), exists([]))).toEqual({
      found: false,
      reason: 'the electron package is not installed',
    });
  });

  it('names a binary path that does not exist', () => {
    const path = '/app/node_modules/electron/dist/electron';
    expect(findElectronBinary(() => path, exists([]))).toEqual({
      found: false,
      reason: `Electron's binary is missing at ${path}`,
    });
  });

  it('refuses anything but a path', () => {
    expect(findElectronBinary(() => ({}), exists([]))).toMatchObject({ found: false });
    expect(findElectronBinary(() => '', exists(['']))).toMatchObject({ found: false });
  });

  it('reads the real electron package the same way: no path.txt, no binary', () => {
    const require = createRequire(import.meta.url);
    const pathFile = join(dirname(require.resolve('electron')), 'path.txt');
    const lookup = findElectronBinary(() => require('electron'), existsSync);
    if (existsSync(pathFile)) expect(lookup).toMatchObject({ found: true });
    else
      expect(lookup).toMatchObject({
        found: false,
        reason: expect.stringMatching(/^no Electron binary is installed/),
      });
  });
});

describe('noBinaryMessage', () => {
  it('says what happened, how to get the window and what runs instead', () => {
    const message = noBinaryMessage('the electron package is not installed', false);
    expect(message.split('\n')).toEqual([
      'faultline: the desktop window cannot start: the electron package is not installed.',
      '  To get it, reinstall Electron with internet access: node node_modules/electron/install.js',
      '  Meanwhile npm start serves the same app in your browser (npm run web does too).',
    ]);
  });

  it('warns that files named on the command line must be dropped into the browser app', () => {
    expect(noBinaryMessage('x', true).split('\n').at(-1)).toBe(
      '  The browser app cannot open files named on the command line: drop them in its window.',
    );
  });
});
