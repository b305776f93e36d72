import type { SliceHistory } from '../../../shared/analyses/slices/slices-result.ts';
import { historyMeaning, historyWords } from './slices-words.ts';

/** How a slice fared in the reference, as a coloured word with its meaning on hover. */
export function HistoryBadge({ history }: { history: SliceHistory }) {
  return (
    <span className={`history-badge history-${history}`} title={historyMeaning(history)}>
      {historyWords(history)}
    </span>
  );
}
