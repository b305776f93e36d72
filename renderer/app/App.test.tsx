import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { fakeSession } from '../engine/test-fixtures.ts';
import { createAppStore } from '../store/store.ts';
import { App } from './App.tsx';
import { AppContext, type AppServices } from './AppContext.ts';
import { acceptedFileTypes } from './Header.tsx';

function renderApp(services: Partial<AppServices> = {}): string {
  const value: AppServices = {
    store: createAppStore(),
    session: fakeSession(),
    bridge: null,
    mac: false,
    ...services,
  };
  return renderToStaticMarkup(
    <AppContext value={value}>
      <App />
    </AppContext>,
  );
}

describe('App with nothing open', () => {
  it('shows the empty state with the three open buttons and the sample', () => {
    const html = renderApp();
    expect(html).toContain('Find out why a model stopped generalizing');
    for (const side of ['reference', 'current', 'log']) {
      expect(html).toContain(`<strong>Open ${side}…</strong>`);
    }
    expect(html).toContain('Or drop files anywhere in this window.');
    expect(html).toContain('>Open the bundled sample</button>');
    expect(html).not.toContain('role="tabpanel"');
    expect(html).not.toContain('role="alert"');
    expect(html).not.toContain('Running jobs');
  });

  it('backs each header button with a hidden multi-file input that accepts every loader format', () => {
    const html = renderApp();
    for (const side of ['reference', 'current', 'log']) {
      expect(html).toContain(`>Open ${side}…</button>`);
      const at = html.indexOf(`data-testid="open-${side}-input"`);
      const input = html.slice(html.lastIndexOf('<input', at), html.indexOf('>', at) + 1);
      expect(input).toContain('type="file"');
      expect(input).toContain('multiple=""');
      expect(input).toContain('hidden=""');
      expect(input).toContain(`accept="${acceptedFileTypes}"`);
    }
    expect(acceptedFileTypes.split(',')).toEqual([
      '.csv',
      '.tsv',
      '.json',
      '.jsonl',
      '.ndjson',
      '.parquet',
      '.arrow',
      '.feather',
      '.ipc',
      '.gz',
    ]);
  });

  it('writes shortcut hints with Ctrl, or with Cmd on macOS', () => {
    const html = renderApp();
    expect(html).toContain('title="Open files as the current dataset (Ctrl+Shift+O)"');
    expect(html).toContain('aria-keyshortcuts="Control+Shift+O"');
    expect(html).toContain('<kbd class="shortcut-hint" aria-hidden="true">Ctrl+1</kbd>');
    // Findings is the first tab (where the app lands once a log is open), Dataset the second.
    expect(html).toMatch(/<button id="tab-findings"[^>]*aria-keyshortcuts="Control\+1"/);
    expect(html).toMatch(/<button id="tab-dataset"[^>]*aria-keyshortcuts="Control\+2"/);
    const mac = renderApp({ mac: true });
    expect(mac).toContain('<kbd class="shortcut-hint" aria-hidden="true">⌘1</kbd>');
    expect(mac).toContain('aria-keyshortcuts="Meta+L"');
  });

  it('offers to save the workspace (once something is open) and to open one with its files', () => {
    const html = renderApp();
    expect(html).toMatch(
      /<button type="button" disabled="" title="Save the investigation as a \.faultline\.json file \(Ctrl\+S\)" aria-keyshortcuts="Control\+S">Save workspace<\/button>/,
    );
    expect(html).toContain('>Open workspace…</button>');
    const at = html.indexOf('data-testid="open-workspace-input"');
    const input = html.slice(html.lastIndexOf('<input', at), html.indexOf('>', at) + 1);
    expect(input).toContain('multiple=""');
    expect(input).toContain('hidden=""');
    expect(input).toContain(`accept=".json,${acceptedFileTypes}"`);
  });

  it('lists the views as tabs, disabled until there is something to show', () => {
    const html = renderApp();
    expect(html).toContain('role="tablist"');
    expect(html).toMatch(/<button id="tab-dataset"[^>]*role="tab"[^>]*disabled=""/);
  });
});
