// The HTML report's stylesheet, inline: no fonts or images from anywhere, light backgrounds only,
// and print rules (each big section on a new page, tables and charts never split).
export const REPORT_CSS = `
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { font: 14px/1.5 -apple-system, "Segoe UI", Helvetica, Arial, sans-serif; color: #1b1b1b;
  background: #fff; max-width: 1000px; margin: 2rem auto; padding: 0 1.5rem; }
h1 { font-size: 1.8rem; margin: 0 0 .2rem; }
h2 { font-size: 1.35rem; border-bottom: 2px solid #d4d4d4; padding-bottom: .2rem; margin: 2.4rem 0 .8rem; }
h3 { font-size: 1.05rem; margin: 1.4rem 0 .4rem; }
.byline, .muted { color: #5c5c5c; }
nav.contents ol { columns: 2; padding-left: 1.4rem; }
nav.contents a { color: #1f5fa8; }
table { border-collapse: collapse; width: 100%; margin: .6rem 0 1rem; font-size: 12.5px; }
th, td { border-bottom: 1px solid #e2e2e2; padding: .3rem .5rem; text-align: left; vertical-align: top;
  overflow-wrap: break-word; }
th { background: #f3f3f3; font-weight: 600; }
td.code { font-family: ui-monospace, Menlo, Consolas, monospace; font-size: 11.5px; word-break: break-all; }
th.num, td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.status { border-left: 6px solid #6b6b6b; background: #f7f7f7; padding: .7rem 1rem; font-size: 1.1rem; }
.status-failing { border-color: #b3261e; }
.status-degraded { border-color: #b86e00; }
.status-watch { border-color: #c9a400; }
.status-healthy { border-color: #2e7d32; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .25rem 1.2rem; margin: .8rem 0; }
dl.facts dt { font-weight: 600; }
dl.facts dd { margin: 0; }
ol.findings { padding-left: 1.6rem; }
ol.findings li { margin: .45rem 0; }
ol.findings .detail { color: #444; }
.badge { display: inline-block; font-size: 11px; text-transform: uppercase; letter-spacing: .03em;
  border: 1px solid currentColor; border-radius: 3px; padding: 0 .35em; margin-right: .45em; }
.sev-critical .badge { color: #b3261e; }
.sev-high .badge { color: #b86e00; }
.sev-medium .badge { color: #8a6d00; }
.sev-low .badge { color: #5c5c5c; }
.notes { white-space: pre-wrap; border-left: 3px solid #cfcfcf; padding: .2rem 0 .2rem 1rem; }
figure { margin: 1rem 0; }
figure svg { max-width: 100%; height: auto; }
@page { margin: 15mm; }
@media print {
  body { margin: 0; max-width: none; padding: 0; font-size: 10.5pt; }
  nav.contents { display: none; }
  section.major { break-before: page; }
  h2, h3 { break-after: avoid; }
  table, figure, .status, dl.facts { break-inside: avoid; }
  tr { break-inside: avoid; }
  th { background: #f3f3f3; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
`;
