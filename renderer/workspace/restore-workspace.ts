import type { SchemaOverrides } from '../../shared/schema/dataset-schema.ts';
import type { Workspace } from '../../shared/workspace/workspace-schema.ts';
import { datasetSides } from '../app/dataset-sides.ts';
import { defaultCanaryChoices } from '../store/canary-choices-slice.ts';
import type { AppStore } from '../store/store.ts';
import { views } from '../views/registry.ts';
import {
  calibrationChoicesFrom,
  performanceChoicesFrom,
  slicesChoicesFrom,
} from './saved-choices.ts';
import { CHOICES_KEYS } from './workspace-of-state.ts';

const nonEmpty = (overrides: SchemaOverrides | undefined) =>
  overrides !== undefined && Object.keys(overrides).length > 0 ? overrides : undefined;

/**
 * Puts a parsed workspace's investigation into the store, through each slice's own actions: the
 * corrections of every open side (the datasets were opened under them), the cohort, the Canary
 * view's choices and guardrails, the other views' choices (each field checked, a bad one back to
 * its default), pins and notes, and the view shown when it was saved if this app has it.
 */
export function restoreWorkspace(store: AppStore, workspace: Workspace): void {
  const state = () => store.getState();
  for (const side of datasetSides) {
    if (state().datasets[side] === undefined) continue;
    state().restoreOverrides(side, nonEmpty(workspace.overrides[side]));
  }
  state().setCohort(workspace.cohort);
  const { guardrails, ...canary } = workspace.canary ?? defaultCanaryChoices;
  state().chooseCanary(canary);
  state().setCanaryGuardrails(guardrails);
  state().choosePerformance(performanceChoicesFrom(workspace.choices[CHOICES_KEYS.performance]));
  state().chooseCalibration(calibrationChoicesFrom(workspace.choices[CHOICES_KEYS.calibration]));
  state().chooseSlices(slicesChoicesFrom(workspace.choices[CHOICES_KEYS.slices]));
  state().restoreInvestigation(workspace.pins, workspace.notes);
  const shown = views.find((v) => v.id === workspace.active_view);
  if (shown !== undefined) state().setActiveView(shown.id);
}
