import { AnalysisStatus } from './AnalysisStatus.tsx';
import type { PerformanceState } from './use-performance.ts';

/** The performance views' AnalysisStatus (Cohorts and Timeline share the one analysis). */
export function PerformanceStatus({ state }: { state: PerformanceState }) {
  return (
    <AnalysisStatus
      what="performance"
      purpose="see how the model performs"
      state={state}
      done={state.table !== undefined}
    />
  );
}
