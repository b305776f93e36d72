// The report as a document: sections of simple blocks (report-blocks.ts), built once from the
// model, so the HTML and Markdown renderers say the same thing and only differ in syntax.
import { appendixSections } from './report-document-appendix.ts';
import { evidenceSections } from './report-document-evidence.ts';
import { findingSections } from './report-document-findings.ts';
import type { ReportDocument } from './report-blocks.ts';
import type { ReportModel } from './report-model.ts';

/** The model as a document: the incident checklist's sections, in order. */
export function reportDocument(model: ReportModel): ReportDocument {
  const version = model.faultline_version !== null ? ` · Faultline ${model.faultline_version}` : '';
  return {
    title: model.title,
    byline: `Generated ${model.generated_at}${version}`,
    sections: [...findingSections(model), ...evidenceSections(model), ...appendixSections(model)],
  };
}
