import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { AnalysisPending } from './AnalysisPending.tsx';

describe('AnalysisPending', () => {
  it('points to the job bar while the analysis runs', () => {
    const html = renderToStaticMarkup(
      <AnalysisPending
        what="drift"
        className="drift-pending"
        ended={false}
        onRetry={() => undefined}
      />,
    );
    expect(html).toBe(
      '<div class="drift-pending"><p class="muted">Measuring drift… (progress and cancel in the job bar)</p></div>',
    );
  });

  it('says what failed and offers to run it again', () => {
    const html = renderToStaticMarkup(
      <AnalysisPending
        what="drift"
        work="comparison"
        className="drift-pending"
        ended
        onRetry={() => undefined}
      />,
    );
    expect(html).toContain(
      '<p>No drift result: the comparison failed or was cancelled (see above).</p>',
    );
    expect(html).toContain('<button type="button" class="button-small">Run again</button>');
  });
});
