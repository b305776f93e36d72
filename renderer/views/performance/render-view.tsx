import type { ComponentType } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import type { PerformanceResult } from '../../../shared/analyses/performance/performance-result.ts';
import { AppContext } from '../../app/AppContext.ts';
import { PERFORMANCE_VIEW, requestKey } from '../../engine/session.ts';
import type { Session } from '../../engine/session-types.ts';
import { fakeSession } from '../../engine/test-fixtures.ts';
import type { PerformanceChoices } from '../../store/performance-choices-slice.ts';
import { createAppStore, type AppStore } from '../../store/store.ts';
import { performanceRequestOf } from './performance-request.ts';
import { fraudColumns, openLog, schemaColumn } from './test-fixtures.ts';

/**
 * A store with a reference and a current log open, the views' `choices` made, and `result`
 * cached for their request.
 */
export function storeWithResult(
  result: PerformanceResult | null,
  choices: Partial<PerformanceChoices> = {},
): AppStore {
  const store = createAppStore();
  store.getState().addDataset(openLog('reference'));
  store.getState().addDataset(openLog('current', [...fraudColumns(), schemaColumn('device')]));
  store.getState().choosePerformance(choices);
  const request = performanceRequestOf(store.getState());
  if (request === null) throw new Error('no performance request for the open logs');
  if (result !== null) {
    store
      .getState()
      .setViewResult(PERFORMANCE_VIEW, requestKey(request), result, ['reference', 'current']);
  }
  return store;
}

/**
 * A view's markup with `store` as it is now and `session` (effects do not run: nothing is
 * requested). Server rendering reads a zustand store's initial state, so the store is handed over
 * as if it had started in its present state.
 */
export function renderView(
  View: ComponentType,
  store: AppStore,
  session: Session = fakeSession(),
): string {
  const now: AppStore = { ...store, getInitialState: store.getState };
  return renderToStaticMarkup(
    <AppContext value={{ store: now, session, bridge: null, mac: false }}>
      <View />
    </AppContext>,
  );
}
