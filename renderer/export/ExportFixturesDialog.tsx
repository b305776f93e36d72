import { useMemo, useState } from 'react';
import type { FixtureManifest } from '../../shared/fixtures/manifest.ts';
import { errorDataOf } from '../../shared/errors.ts';
import { useApp, useAppState } from '../app/AppContext.ts';
import { describePredicates } from '../format/predicates.ts';
import { saveExport } from '../platform/save-export.ts';
import { ExportAction } from './ExportAction.tsx';
import { ExportDialog } from './ExportDialog.tsx';
import {
  fixtureName,
  fixtureOrigins,
  fixtureRequestOf,
  type FixtureRows,
} from './fixture-choices.ts';

const DEFAULT_ERROR_ROWS = 50;

/** The rows choices in the order offered: the pins, the active cohort, the confident errors. */
function rowChoices(
  pins: readonly FixtureRows[],
  cohort: FixtureRows | null,
  errors: number,
): { key: string; words: string; rows: FixtureRows }[] {
  const choices = pins.map((rows) => ({
    key: `pin:${rows.kind === 'pin' ? rows.pin.name : ''}`,
    words: rows.kind === 'pin' ? `${rows.pin.kind} ${rows.pin.name} (pinned)` : '',
    rows,
  }));
  if (cohort !== null && cohort.kind === 'cohort') {
    choices.push({
      key: 'cohort',
      words: `the active cohort ${describePredicates(cohort.predicates)}`,
      rows: cohort,
    });
  }
  choices.push({
    key: 'errors',
    words: `the ${errors} most confident errors`,
    rows: { kind: 'confident_errors', limit: errors },
  });
  return choices;
}

/**
 * Export fixtures: some rows of a log (a pinned slice or cohort, the active cohort, or the most
 * confident errors) with their expected labels and the guards a future model must meet on them,
 * as a folder `faultline check DIR --log NEW` replays.
 */
export function ExportFixturesDialog() {
  const { store, bridge, session } = useApp();
  const datasets = useAppState((s) => s.datasets);
  const canaryChoices = useAppState((s) => s.canaryChoices);
  const pins = useAppState((s) => s.pins);
  const cohort = useAppState((s) => s.cohort);
  const origins = useMemo(() => fixtureOrigins(datasets, canaryChoices), [datasets, canaryChoices]);
  const [originId, setOriginId] = useState(origins[0]?.id ?? 'log');
  const [errors, setErrors] = useState(DEFAULT_ERROR_ROWS);
  const choices = rowChoices(
    pins.map((pin) => ({ kind: 'pin', pin })),
    cohort.length > 0 ? { kind: 'cohort', predicates: cohort } : null,
    errors,
  );
  const [rowsKey, setRowsKey] = useState(choices[0]?.key ?? 'errors');
  const chosen = choices.find((c) => c.key === rowsKey) ?? choices[0];
  const [name, setName] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [manifest, setManifest] = useState<FixtureManifest | null>(null);
  const origin = origins.find((o) => o.id === originId) ?? origins[0];
  const shownName = name ?? (chosen ? fixtureName(chosen.rows) : 'fixture');

  const write = async () => {
    if (origin === undefined || chosen === undefined) return;
    setStatus('Extracting the rows…');
    setManifest(null);
    const reply = await session.fixture(
      fixtureRequestOf(origin, chosen.rows, shownName, store.getState()),
    );
    if (reply === null) {
      setStatus('Not written: see the error above.');
      return;
    }
    setManifest(reply.manifest);
    try {
      const where = await saveExport(bridge, 'fixtures', shownName, reply.files);
      setStatus(where ?? 'Not saved: cancelled.');
    } catch (e) {
      setStatus(`Not saved: ${errorDataOf(e).message}`);
    }
  };

  return (
    <ExportDialog title="Export fixtures" onClose={() => store.getState().setExporting(null)}>
      <div className="export-options">
        <fieldset>
          <legend>Rows</legend>
          {choices.map((c) => (
            <label key={c.key}>
              <input
                type="radio"
                name="fixture-rows"
                checked={chosen?.key === c.key}
                onChange={() => {
                  setRowsKey(c.key);
                  setName(null);
                }}
              />
              {c.words}
            </label>
          ))}
          <label>
            Confident errors to keep{' '}
            <input
              type="number"
              min={1}
              max={100000}
              value={errors}
              onChange={(e) => setErrors(Math.max(1, Math.round(Number(e.target.value)) || 1))}
            />
          </label>
        </fieldset>
        <fieldset>
          <legend>Predictions of</legend>
          {origins.map((o) => (
            <label key={o.id}>
              <input
                type="radio"
                name="fixture-origin"
                checked={origin?.id === o.id}
                onChange={() => setOriginId(o.id)}
              />
              {o.words}
            </label>
          ))}
        </fieldset>
        <label>
          Name <input value={shownName} onChange={(e) => setName(e.target.value)} size={40} />
        </label>
        <ExportAction label="Write fixtures" status={status} onExport={write} />
      </div>
      <div className="fixture-guards">
        {manifest === null ? (
          <p className="muted">
            A fixture is a folder: rows.parquet and rows.jsonl (the rows with their expected labels)
            and manifest.json (where they came from, and the guards a new model must meet on them).
            Replay it in CI with <code>faultline check DIR --log NEW_PREDICTIONS</code>: it joins
            the new model's predictions to these rows by id and exits 1 when a guard fails.
          </p>
        ) : (
          <>
            <h3>{`${manifest.name}: ${manifest.rows} rows, guards`}</h3>
            <ul data-testid="fixture-guards">
              {manifest.guards.map((g) => (
                <li key={g.name}>
                  <strong>{`${g.metric} ${g.op} ${g.expected}`}</strong> <span>{g.reason}</span>
                </li>
              ))}
            </ul>
          </>
        )}
      </div>
    </ExportDialog>
  );
}
