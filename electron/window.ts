import type { BrowserWindowConstructorOptions, WebContents } from 'electron';

/** What every window of the app runs with: isolated, sandboxed, no Node, no webviews. */
export const hardenedPreferences = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  webviewTag: false,
  navigateOnDragDrop: false,
  spellcheck: false,
} as const satisfies BrowserWindowConstructorOptions['webPreferences'];

/** The one window's options: isolated, sandboxed, no Node in the renderer. */
export function windowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  return {
    width: 1280,
    height: 820,
    minWidth: 800,
    minHeight: 500,
    show: false,
    title: 'Faultline',
    webPreferences: { preload: preloadPath, ...hardenedPreferences },
  };
}

/**
 * The renderer's Content-Security-Policy. 'wasm-unsafe-eval' lets DuckDB-WASM compile its module
 * (no JS eval); worker-src blob: is for its worker; everything else stays on the app's origin.
 */
export const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "worker-src 'self' blob:",
  "connect-src 'self'",
  "img-src 'self' data: blob:",
  "style-src 'self' 'unsafe-inline'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * True when `url` stays inside the app. For http(s) that is the same origin; file: URLs have an
 * opaque origin ("null"), so there `url` must lie under `allowedOrigin` (the app's directory URL).
 */
export function isAppUrl(url: string, allowedOrigin: string): boolean {
  let target: URL;
  let allowed: URL;
  try {
    target = new URL(url);
    allowed = new URL(allowedOrigin);
  } catch {
    return false;
  }
  if (target.protocol !== allowed.protocol) return false;
  if (allowed.origin !== 'null') return target.origin === allowed.origin;
  return target.href.startsWith(allowed.href);
}

/** Denies navigation away from the app, redirects out of it, webviews and every new window. */
export function hardenWebContents(
  contents: Pick<WebContents, 'on' | 'setWindowOpenHandler'>,
  allowedOrigin: string,
): void {
  contents.on('will-navigate', (event) => {
    if (!isAppUrl(event.url, allowedOrigin)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    if (!isAppUrl(event.url, allowedOrigin)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}
