import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { WorkspaceNoticeBar } from './WorkspaceNoticeBar.tsx';

const render = (problems: string[], info: string[] = []) =>
  renderToStaticMarkup(
    <WorkspaceNoticeBar
      notice={{ summary: 'Opened june.faultline.json.', problems, info }}
      onDismiss={() => undefined}
    />,
  );

describe('WorkspaceNoticeBar', () => {
  it('marks a notice with something to act on as a warning, each problem before the rest', () => {
    const html = render(
      [
        'june.csv changed since the workspace was saved (sha256 b2b2… → d4d4…): its numbers will differ',
      ],
      ['From the bundled sample: canary.parquet'],
    );
    expect(html).toContain('class="notice workspace-notice workspace-notice-warn"');
    expect(html).toMatch(
      /<li class="workspace-notice-problem">june\.csv changed since the workspace was saved.*<li class="workspace-notice-info">From the bundled sample: canary\.parquet<\/li>/,
    );
  });

  it('is a plain notice, with no list, when all went as saved', () => {
    const html = render([]);
    expect(html).toContain('class="notice workspace-notice"');
    expect(html).toContain('<p class="workspace-notice-summary">Opened june.faultline.json.</p>');
    expect(html).not.toContain('<ul>');
  });
});
