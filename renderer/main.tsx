import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import type { FaultlineBridge } from '../shared/ipc/bridge-api.ts';
import { App } from './app/App.tsx';
import { AppContext, type AppServices } from './app/AppContext.ts';
import { openStartupFiles } from './app/open-from-dialog.ts';
import { isMacUserAgent } from './app/shortcuts.ts';
import { createSession } from './engine/session.ts';
import { createAppStore } from './store/store.ts';
import './styles.css';

// The desktop preload exposes the bridge as window.faultline; a plain browser has none.
const bridge = (window as Window & { faultline?: FaultlineBridge }).faultline ?? null;
const store = createAppStore();
const session = createSession(store, bridge);
const services: AppServices = { store, session, bridge, mac: isMacUserAgent(navigator.userAgent) };

// Started here, not in an effect, so StrictMode's double mount cannot open them twice.
if (bridge !== null) {
  void openStartupFiles(bridge, session);
} else if (new URLSearchParams(window.location.search).get('open') === 'sample') {
  void session.openSample();
}

const root = document.getElementById('root');
if (root === null) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <AppContext value={services}>
      <App />
    </AppContext>
  </StrictMode>,
);
