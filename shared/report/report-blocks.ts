// The blocks a report document is made of: text, facts, findings, tables, charts, notes. Their
// text is plain; each renderer escapes it in its own syntax.
import type { FindingsSummary, Severity } from '../investigation/finding.ts';

export interface TableColumn {
  title: string;
  /** Right-aligned. */
  numeric?: boolean;
  /** Machine text (hashes, paths): monospace, broken anywhere. */
  code?: boolean;
}

export type Block =
  | { kind: 'paragraph'; text: string; muted?: boolean }
  | { kind: 'status'; status: FindingsSummary['status']; text: string }
  | { kind: 'facts'; items: { term: string; text: string }[] }
  | {
      kind: 'findings';
      items: { severity: Severity; title: string; detail: string; since: string | null }[];
    }
  | { kind: 'list'; items: string[] }
  | { kind: 'table'; columns: TableColumn[]; rows: string[][] }
  /** `name` is the asset's file name without `.svg`; `svg` is inline markup (no namespace). */
  | { kind: 'chart'; name: string; alt: string; svg: string }
  | { kind: 'notes'; text: string }
  | { kind: 'subheading'; text: string };

export interface DocumentSection {
  /** The anchor (`#drift`). */
  id: string;
  title: string;
  blocks: Block[];
}

export interface ReportDocument {
  title: string;
  /** "Generated 2026-10-26T09:00:00Z · Faultline 0.1.0". */
  byline: string;
  sections: DocumentSection[];
}

/** A skipped section's one paragraph. */
export const skippedBlock = (reason: string): Block => ({
  kind: 'paragraph',
  text: `Not shown: ${reason}`,
  muted: true,
});
