import type {
  DriftColumnResult,
  DriftImpactSummary,
} from '../../../shared/analyses/drift/drift-result.ts';
import { SortHeader } from '../../app/SortHeader.tsx';
import { useRovingRows } from '../../app/use-roving-rows.ts';
import { BandBadge } from './BandBadge.tsx';
import { impactCell, missingCell, noveltyCell, psiCell, testCells } from './drift-cells.ts';
import { driftHarm } from './drift-harm.ts';
import { nextSort, type DriftSort, type DriftSortKey } from './drift-table-model.ts';

interface Props {
  columns: readonly DriftColumnResult[];
  impact: DriftImpactSummary | undefined;
  withSince: boolean;
  sort: DriftSort;
  onSort(sort: DriftSort): void;
  selected: string | null;
  onSelect(name: string): void;
}

/**
 * The drift table, one row per compared column. A row is selected by click, Enter or Space; the
 * rows are one tab stop (Up/Down, Home, End). Drift where the model errs more is marked apart
 * from drift that did no visible harm.
 */
export function DriftTable({
  columns,
  impact,
  withSince,
  sort,
  onSort,
  selected,
  onSelect,
}: Props) {
  const { bodyProps, tabStop } = useRovingRows(columns, (c) => c.name, selected, onSelect);
  const header = { sort, onSort: (key: DriftSortKey) => onSort(nextSort(sort, key)) };
  return (
    <table className="data-table drift-table" aria-label="Drift by column">
      <thead>
        <tr>
          <SortHeader label="Column" sortKey="name" {...header} />
          <SortHeader
            label="Band"
            sortKey="rank"
            title="The analysis's order: band, then where errors concentrate, then PSI"
            {...header}
          />
          <SortHeader label="PSI" sortKey="psi" number {...header} />
          <th scope="col">Test</th>
          <th scope="col" className="number">
            p
          </th>
          <SortHeader
            label="q"
            sortKey="q"
            number
            title="p adjusted for all columns (Benjamini–Hochberg)"
            {...header}
          />
          <SortHeader
            label="Errors concentrate"
            sortKey="impact"
            title="The largest error-rate lift over the overall rate among bins with enough rows"
            {...header}
          />
          {withSince && <th scope="col">Since</th>}
          <SortHeader label="Missing" sortKey="missing" {...header} />
          <th scope="col">New in current</th>
        </tr>
      </thead>
      <tbody {...bodyProps}>
        {columns.map((c, i) => {
          const harm = driftHarm(c, impact);
          const test = testCells(c);
          const isSelected = c.name === selected;
          return (
            <tr
              key={c.name}
              className={[harm ? `harm-${harm}` : '', isSelected ? 'selected' : '']
                .join(' ')
                .trim()}
              aria-selected={isSelected}
              tabIndex={i === tabStop ? 0 : -1}
              onClick={() => onSelect(c.name)}
              data-column={c.name}
            >
              <th scope="row" className="column-name">
                {c.name}
                <span className="muted kind-note">
                  {c.role === 'feature' ? (c.kind === 'numeric' ? ' num' : ' cat') : ` ${c.role}`}
                </span>
              </th>
              <td title={c.reason}>
                <BandBadge band={c.band} />
                {harm === 'harmful' && <span className="harm-note">errors here</span>}
                {harm === 'harmless' && <span className="harm-note muted">harmless</span>}
              </td>
              <td className="number">{psiCell(c)}</td>
              <td>{test.test}</td>
              <td className="number">{test.p}</td>
              <td className="number">{test.q}</td>
              <td>{impactCell(c, impact)}</td>
              {withSince && <td>{c.since ?? '–'}</td>}
              <td className={c.missing.shifted ? 'missing-shifted' : undefined}>
                {missingCell(c)}
                {c.missing.shifted && <span className="harm-note">shifted</span>}
              </td>
              <td>{noveltyCell(c)}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
