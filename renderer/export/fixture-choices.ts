import type { FixtureSelection } from '../../shared/fixtures/extract.ts';
import type { Pin } from '../../shared/investigation/investigation.ts';
import type { Predicate } from '../engine/predicate-types.ts';
import type { FixtureRequest, TableView } from '../engine/worker-protocol.ts';
import { describePredicates } from '../format/predicates.ts';
import type { OpenDataset } from '../store/datasets-slice.ts';
import type { AppState } from '../store/store.ts';
import { canarySides, chosenVersions } from '../views/canary/canary-sides.ts';
import { performanceSides } from '../views/performance/performance-sides.ts';
import { fileStem } from './report-export.ts';

/** Rows a fixture can hold: a pinned slice or cohort, the active cohort, or confident errors. */
export type FixtureRows =
  | { kind: 'pin'; pin: Pin }
  | { kind: 'cohort'; predicates: Predicate[] }
  | { kind: 'confident_errors'; limit: number };

/** Whose predictions the rows are: the log under investigation, or the canary's baseline model. */
export interface FixtureOrigin {
  id: 'log' | 'baseline';
  /** In words, for the dialog: "production.parquet, against the reference training.parquet". */
  words: string;
  log: OpenDataset;
  reference: OpenDataset | null;
  /** Rows of one model version only (the baseline's); empty for the whole log. */
  only: Predicate[];
}

/** Where fixture rows can come from, for the open datasets. */
export function fixtureOrigins(
  datasets: AppState['datasets'],
  choices: AppState['canaryChoices'],
): FixtureOrigin[] {
  const origins: FixtureOrigin[] = [];
  const sides = performanceSides(datasets);
  if (sides !== null) {
    origins.push({
      id: 'log',
      words:
        sides.reference === null
          ? `${sides.log.name}, against its own overall metrics`
          : `${sides.log.name}, against the same rows of the reference ${sides.reference.name}`,
      log: sides.log,
      reference: sides.reference,
      only: [],
    });
  }
  const canary = canarySides(datasets);
  if (canary?.kind === 'model_column') {
    const { baseline } = chosenVersions(canary.versions, choices);
    origins.push({
      id: 'baseline',
      words: `the baseline model's rows (${canary.column} = ${baseline}) of ${canary.log.name}: a new model must do as well on them`,
      log: canary.log,
      // The log as its own reference: the guards hold the baseline's metrics on these very rows.
      reference: canary.log,
      only: [{ column: canary.column, op: '=', value: baseline }],
    });
  }
  return origins;
}

/** The fixture's default name: what its rows are, as a file name. */
export function fixtureName(rows: FixtureRows): string {
  switch (rows.kind) {
    case 'pin':
      return fileStem(rows.pin.name);
    case 'cohort':
      return fileStem(describePredicates(rows.predicates));
    case 'confident_errors':
      return `confident-errors-${rows.limit}`;
  }
}

function selection(rows: FixtureRows, only: Predicate[], cohort: Predicate[]): FixtureSelection {
  switch (rows.kind) {
    case 'pin':
      return {
        kind: 'predicates',
        predicates: [...only, ...rows.pin.predicates],
        as: rows.pin.kind,
      };
    case 'cohort':
      return { kind: 'predicates', predicates: [...only, ...rows.predicates], as: 'cohort' };
    case 'confident_errors':
      return { kind: 'confident_errors', limit: rows.limit, where: [...only, ...cohort] };
  }
}

/** The worker's request for a fixture of `rows` from `origin`, named `name`. */
export function fixtureRequestOf(
  origin: FixtureOrigin,
  rows: FixtureRows,
  name: string,
  state: Pick<AppState, 'overrides' | 'cohort'>,
): FixtureRequest {
  const view = (d: OpenDataset): TableView => ({
    table: d.loaded.table,
    overrides: state.overrides[d.id] ?? {},
  });
  return {
    log: view(origin.log),
    reference: origin.reference === null ? null : view(origin.reference),
    what: selection(rows, origin.only, state.cohort),
    name,
    source: { name: origin.log.name, sha256: origin.log.sources[0]?.sha256 ?? null },
    referenceName: origin.reference?.name ?? null,
  };
}
