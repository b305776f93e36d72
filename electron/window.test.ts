import type { WebContents } from 'electron';
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, hardenWebContents, isAppUrl, windowOptions } from './window.ts';

describe('windowOptions', () => {
  it('isolates and sandboxes the renderer', () => {
    const prefs = windowOptions('/app/electron/preload.cjs').webPreferences;
    expect(prefs).toMatchObject({
      preload: '/app/electron/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
  });
});

describe('contentSecurityPolicy', () => {
  const directives = new Map(
    contentSecurityPolicy.split('; ').map((d) => {
      const [name = '', ...values] = d.split(' ');
      return [name, values];
    }),
  );
  it('has the exact directives', () => {
    expect(Object.fromEntries(directives)).toEqual({
      'default-src': ["'self'"],
      'script-src': ["'self'", "'wasm-unsafe-eval'"],
      'worker-src': ["'self'", 'blob:'],
      'connect-src': ["'self'"],
      'img-src': ["'self'", 'data:', 'blob:'],
      'style-src': ["'self'", "'unsafe-inline'"],
      'object-src': ["'none'"],
      'base-uri': ["'none'"],
      'frame-ancestors': ["'none'"],
    });
  });
  it('never allows eval of JS or remote hosts', () => {
    expect(contentSecurityPolicy).not.toMatch(/'unsafe-eval'|https?:|\*/);
  });
});

type Listener = (event: { url?: string; preventDefault(): void }) => void;

function fakeContents() {
  const listeners = new Map<string, Listener>();
  let openHandler: ((details: { url: string }) => unknown) | undefined;
  const contents = {
    on(name: string, listener: Listener) {
      listeners.set(name, listener);
      return contents;
    },
    setWindowOpenHandler(handler: (details: { url: string }) => unknown) {
      openHandler = handler;
    },
  };
  const fire = (name: string, url?: string) => {
    let prevented = false;
    listeners.get(name)?.({ url, preventDefault: () => (prevented = true) });
    return prevented;
  };
  return {
    contents: contents as unknown as Pick<WebContents, 'on' | 'setWindowOpenHandler'>,
    fire,
    listeners,
    open: (url: string) => openHandler?.({ url }),
  };
}

describe('hardenWebContents', () => {
  it('prevents navigation to another origin and allows the app itself', () => {
    const fake = fakeContents();
    hardenWebContents(fake.contents, 'http://127.0.0.1:5173');
    expect(fake.fire('will-navigate', 'https://evil.example/')).toBe(true);
    expect(fake.fire('will-navigate', 'http://127.0.0.1:5174/')).toBe(true);
    expect(fake.fire('will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(fake.fire('will-navigate', 'http://127.0.0.1:5173/#/drift')).toBe(false);
    expect(fake.fire('will-redirect', 'https://evil.example/')).toBe(true);
  });

  it('keeps file: navigation inside the app directory', () => {
    const fake = fakeContents();
    hardenWebContents(fake.contents, 'file:///opt/faultline/renderer/dist/');
    expect(fake.fire('will-navigate', 'file:///opt/faultline/renderer/dist/index.html')).toBe(
      false,
    );
    expect(fake.fire('will-navigate', 'file:///home/me/.ssh/id_rsa')).toBe(true);
    expect(fake.fire('will-navigate', 'not a url')).toBe(true);
  });

  it('denies every new window and webview', () => {
    const fake = fakeContents();
    hardenWebContents(fake.contents, 'http://127.0.0.1:5173');
    expect(fake.open('https://evil.example/')).toEqual({ action: 'deny' });
    expect(fake.open('http://127.0.0.1:5173/')).toEqual({ action: 'deny' });
    expect(fake.fire('will-attach-webview')).toBe(true);
  });

  it('isAppUrl compares origins', () => {
    expect(isAppUrl('http://localhost:3000/x', 'http://localhost:3000')).toBe(true);
    expect(isAppUrl('http://localhost:3000.evil.example/', 'http://localhost:3000')).toBe(false);
  });
});
