import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { FaultlineBridge } from '../../shared/ipc/bridge-api.ts';
import type { Session } from '../engine/session-types.ts';
import type { AppState, AppStore } from '../store/store.ts';

/** What every component may reach: the store, the session that does the work, the desktop bridge. */
export interface AppServices {
  store: AppStore;
  session: Session;
  /** `window.faultline` in the desktop app; null in a plain browser. */
  bridge: FaultlineBridge | null;
  /** Cmd rather than Ctrl for shortcuts; read once from the user agent when the app starts. */
  mac: boolean;
}

/** Provided once by main.tsx (and by tests); null outside a provider. */
export const AppContext = createContext<AppServices | null>(null);

/** The app's services; throws when rendered outside AppContext, which is a wiring bug. */
export function useApp(): AppServices {
  const services = useContext(AppContext);
  if (services === null) throw new Error('useApp: render inside <AppContext value={…}>');
  return services;
}

/**
 * A value selected from the store; the component re-renders only when it changes. Wrap
 * selectors that build arrays or objects in useShallow, or every store change re-renders.
 */
export function useAppState<T>(selector: (state: AppState) => T): T {
  return useStore(useApp().store, selector);
}
