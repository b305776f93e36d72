import type { Finding } from '../../../shared/investigation/finding.ts';
import { AnalysisPending } from '../../app/AnalysisPending.tsx';
import { useApp, useAppState } from '../../app/AppContext.ts';
import { resultCohort } from '../../app/result-cohort.ts';
import { formatCount } from '../../format/numbers.ts';
import { describePredicates } from '../../format/predicates.ts';
import { FindingItem, pinOf } from './FindingItem.tsx';
import { FindingsBanner } from './FindingsBanner.tsx';
import { NotesEditor } from './NotesEditor.tsx';
import { PinnedList } from './PinnedList.tsx';
import { showEvidence } from './show-evidence.ts';
import { useFindings } from './use-findings.ts';
import './findings.css';

/**
 * The Findings view, where an investigation starts and ends: is the model still working, for
 * whom, since when and why, in a few ranked lines, each with its evidence one click away; the
 * pinned slices and cohorts; the analyst's notes; and the exports.
 */
export function FindingsView() {
  const { store } = useApp();
  const { result, ended, retry, request, waiting, start } = useFindings();
  const pins = useAppState((s) => s.pins);
  const where = request?.where ?? [];
  if (waiting !== null) {
    return (
      <div className="findings-view">
        <p>
          {`The log holds ${formatCount(waiting.rows)} rows: investigating runs every analysis (drift, performance by cohort, calibration, weak slices, the canary) and takes minutes at this size.`}
        </p>
        <p>
          <button type="button" className="button-primary" onClick={start}>
            Investigate
          </button>
        </p>
      </div>
    );
  }
  if (result === undefined) {
    return (
      <AnalysisPending
        what="every analysis"
        work="investigation"
        className="findings-view"
        ended={ended}
        onRetry={retry}
      />
    );
  }
  const { summary, findings, investigation } = result;
  const pinnedNames = new Set(pins.map((p) => p.name));
  const onEvidence = (finding: Finding) => showEvidence(store, finding.evidence);
  return (
    <div className="findings-view" data-result-cohort={resultCohort(where, true)}>
      {where.length > 0 && (
        <p className="cohort-note">
          Investigating within <strong>{describePredicates(where)}</strong>.
        </p>
      )}
      <FindingsBanner summary={summary} />
      <div className="findings-actions">
        <button
          type="button"
          className="button-primary"
          onClick={() => store.getState().setExporting('report')}
        >
          Export report…
        </button>
        <button type="button" onClick={() => store.getState().setExporting('fixtures')}>
          Export fixtures…
        </button>
      </div>
      <section aria-label="Findings">
        <h2>{findings.length === 0 ? 'No findings' : `Findings, most severe first`}</h2>
        <ol className="findings-list">
          {findings.map((f) => (
            <FindingItem
              key={f.id}
              finding={f}
              pinned={pinnedNames.has(pinOf(f)?.name ?? '')}
              onEvidence={onEvidence}
              onPin={(pin) => store.getState().pin(pin)}
            />
          ))}
        </ol>
      </section>
      {investigation.skipped.length > 0 && (
        <section aria-label="Not investigated">
          <h2>Not investigated</h2>
          <ul className="muted">
            {investigation.skipped.map((s) => (
              <li key={s.section}>{`${s.section}: ${s.reason}`}</li>
            ))}
          </ul>
        </section>
      )}
      <div className="findings-columns">
        <PinnedList
          pins={pins}
          results={investigation.pinned}
          onUnpin={(name) => store.getState().unpin(name)}
        />
        <NotesEditor />
      </div>
    </div>
  );
}
