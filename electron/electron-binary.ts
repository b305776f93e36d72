/** Where Electron's binary is, or why there is none. */
export type BinaryLookup = { found: true; path: string } | { found: false; reason: string };

/**
 * Looks the binary up the way the `electron` package does: requiring it returns the binary's
 * path, and it throws when install.js never downloaded one (no path.txt). `loadElectron` is that
 * require; `exists` checks the path, since dist/ can go missing after path.txt was written.
 */
export function findElectronBinary(
  loadElectron: () => unknown,
  exists: (path: string) => boolean,
): BinaryLookup {
  let path: unknown;
  try {
    path = loadElectron();
  } catch (error) {
    if ((error as { code?: unknown } | null)?.code === 'MODULE_NOT_FOUND') {
      return { found: false, reason: 'the electron package is not installed' };
    }
    return {
      found: false,
      reason:
        "no Electron binary is installed (Electron's install step did not download it: " +
        'ELECTRON_SKIP_BINARY_DOWNLOAD was set, or there was no network)',
    };
  }
  if (typeof path !== 'string' || path === '') {
    return { found: false, reason: 'the electron package gave no binary path' };
  }
  if (!exists(path)) return { found: false, reason: `Electron's binary is missing at ${path}` };
  return { found: true, path };
}

/** What `npm start` prints when there is no binary: what happened, what to do, what it does now. */
export function noBinaryMessage(reason: string, hasUserFiles: boolean): string {
  return [
    `faultline: the desktop window cannot start: ${reason}.`,
    '  To get it, reinstall Electron with internet access: node node_modules/electron/install.js',
    '  Meanwhile npm start serves the same app in your browser (npm run web does too).',
    ...(hasUserFiles
      ? ['  The browser app cannot open files named on the command line: drop them in its window.']
      : []),
  ].join('\n');
}
