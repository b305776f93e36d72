/** An export dialog's main button and, once pressed, where the export went (or why not). */
export function ExportAction({
  label,
  status,
  onExport,
}: {
  label: string;
  status: string | null;
  onExport(): Promise<void>;
}) {
  return (
    <>
      <button type="button" className="button-primary" onClick={() => void onExport()}>
        {label}
      </button>
      {status !== null && (
        <p role="status" data-testid="export-status">
          {status}
        </p>
      )}
    </>
  );
}
