import { sideTitles } from '../../app/dataset-sides.ts';
import { formatCount } from '../../format/numbers.ts';
import type { OpenDataset } from '../../store/datasets-slice.ts';
import { describeFiles, describeFormat, describeTimeSpan } from './dataset-facts.ts';
import { Fact } from './Fact.tsx';
import { WarningList } from './WarningList.tsx';

/** What one open dataset is: files, rows, time span, task, label mapping, and its warnings. */
export function DatasetCard({ dataset, onClose }: { dataset: OpenDataset; onClose: () => void }) {
  const { side, name, loaded, schema } = dataset;
  const titleId = `dataset-${side}-title`;
  const timeSpan = describeTimeSpan(schema.timeSpan);
  return (
    <article
      className={`dataset-card side-${side}`}
      data-testid={`dataset-${side}`}
      data-drop-side={side}
      aria-labelledby={titleId}
    >
      <header className="dataset-card-header">
        <span className="side-badge">{sideTitles[side]}</span>
        <h2 id={titleId}>{name}</h2>
        <button
          type="button"
          className="button-small"
          onClick={onClose}
          aria-label={`Close the ${side} dataset, ${name}`}
        >
          Close
        </button>
      </header>
      <dl className="facts">
        <Fact term="Format">{describeFormat(loaded)}</Fact>
        <Fact term="Files">
          <span title={loaded.files.map((f) => f.name).join('\n')}>
            {describeFiles(loaded.files)}
          </span>
        </Fact>
        <Fact term="Rows">{formatCount(loaded.rows)}</Fact>
        <Fact term="Columns">{formatCount(schema.columns.length)}</Fact>
        <Fact term="Time span">{timeSpan ?? 'no time column'}</Fact>
        <Fact term="Task">
          {schema.task ?? 'unknown'} <small className="reason">{schema.taskReason}</small>
        </Fact>
        {schema.label !== null && (
          <Fact term="Positive label">
            {`${schema.label.positive} (negative: ${schema.label.negative})`}{' '}
            <small className="reason">{schema.label.reason}</small>
          </Fact>
        )}
      </dl>
      {/* The schema's warnings begin with the loader's (renamed or duplicate column names), so
          this one list shows load and validation warnings alike. */}
      <WarningList warnings={schema.warnings} label={`Warnings for ${name}`} />
    </article>
  );
}
