import { useMemo, useState } from 'react';
import { errorDataOf } from '../../shared/errors.ts';
import { useApp, useAppState } from '../app/AppContext.ts';
import { saveExport } from '../platform/save-export.ts';
import { useFindings } from '../views/findings/use-findings.ts';
import { ExportAction } from './ExportAction.tsx';
import { ExportDialog } from './ExportDialog.tsx';
import { reportFiles, reportModelOf, type ReportFormat } from './report-export.ts';

const formatTitles: Record<ReportFormat, string> = {
  html: 'HTML (one file, charts inside)',
  md: 'Markdown (charts as SVG files beside it)',
  json: 'JSON (the numbers, as the CLI writes them)',
  pdf: 'PDF (printed from the HTML)',
};

/**
 * Export report: the postmortem previewed as it will be saved (the HTML, in a sandboxed frame),
 * a title, a format, and Save (a save dialog on the desktop, a download in a browser).
 */
export function ExportReportDialog() {
  const { store, bridge } = useApp();
  const { result, request } = useFindings();
  const datasets = useAppState((s) => s.datasets);
  const notes = useAppState((s) => s.notes);
  const pins = useAppState((s) => s.pins);
  const logName = request === null ? null : (datasets.current?.name ?? datasets.log?.name ?? null);
  const [title, setTitle] = useState(`Postmortem: ${logName ?? 'model'}`);
  const [format, setFormat] = useState<ReportFormat>('html');
  const [status, setStatus] = useState<string | null>(null);
  // The time is fixed when the dialog opens: the preview is what gets saved.
  const [generatedAt] = useState(() => new Date().toISOString());
  const model = useMemo(
    () =>
      result === undefined || request === null
        ? null
        : reportModelOf(result, request, { datasets, notes, pins }, { title, generatedAt }),
    [result, request, datasets, notes, pins, title, generatedAt],
  );
  const preview = useMemo(() => (model === null ? null : reportFiles(model, 'html')), [model]);
  const formats: ReportFormat[] =
    bridge === null ? ['html', 'md', 'json'] : ['html', 'md', 'json', 'pdf'];

  const save = async () => {
    if (model === null) return;
    const { kind, suggestedName, files } = reportFiles(model, format);
    setStatus('Saving…');
    try {
      const where = await saveExport(bridge, kind, suggestedName, files);
      setStatus(where ?? 'Not saved: cancelled.');
    } catch (e) {
      setStatus(`Not saved: ${errorDataOf(e).message}`);
    }
  };

  return (
    <ExportDialog title="Export report" onClose={() => store.getState().setExporting(null)}>
      {model === null || preview === null ? (
        <p className="muted">
          The report is built from the Findings view's investigation, which is still running
          (progress and cancel in the job bar).
        </p>
      ) : (
        <>
          <div className="export-options">
            <label>
              Title <input value={title} onChange={(e) => setTitle(e.target.value)} size={40} />
            </label>
            <fieldset>
              <legend>Format</legend>
              {formats.map((f) => (
                <label key={f}>
                  <input
                    type="radio"
                    name="report-format"
                    value={f}
                    checked={format === f}
                    onChange={() => setFormat(f)}
                  />
                  {formatTitles[f]}
                </label>
              ))}
            </fieldset>
            <ExportAction label="Save report" status={status} onExport={save} />
          </div>
          <iframe
            className="report-preview"
            title="Report preview"
            sandbox=""
            srcDoc={preview.files[0]?.data as string}
          />
        </>
      )}
    </ExportDialog>
  );
}
