import type { Evidence } from '../../../shared/investigation/finding.ts';
import type { AppStore } from '../../store/store.ts';

/**
 * Opens the view holding a finding's evidence. A finding about some rows (a cohort, a slice, a
 * canary segment) makes them the active cohort, so the view shows exactly those rows; one about a
 * column has the view select it first.
 */
export function showEvidence(store: AppStore, evidence: Evidence): void {
  const state = store.getState();
  if (evidence.cohort !== undefined && evidence.cohort.length > 0) state.setCohort(evidence.cohort);
  state.setEvidenceColumn(evidence.column ?? null);
  state.setActiveView(evidence.view);
}
