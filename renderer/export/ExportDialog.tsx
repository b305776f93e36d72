import { useEffect, useRef, type ReactNode } from 'react';
import './export.css';

/** A modal dialog for one export: its title, its body, and Close (Escape closes it too). */
export function ExportDialog({
  title,
  onClose,
  children,
}: {
  title: string;
  onClose(): void;
  children: ReactNode;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog !== null && !dialog.open) dialog.showModal();
  }, []);
  return (
    <dialog ref={ref} className="export-dialog" aria-label={title} onClose={onClose}>
      <header className="export-dialog-header">
        <h2>{title}</h2>
        <button type="button" className="button-small" onClick={onClose}>
          Close
        </button>
      </header>
      {children}
    </dialog>
  );
}
