import type { DataSource } from './engine.ts';

export interface RaggedLine {
  line: number;
  fields: number;
  headerFields: number;
}

const candidates = [',', '\t', ';', '|'];
const scanLimit = 64 * 1024 * 1024;

/** Fields per line, honouring double quotes (a quoted delimiter or newline is data). */
function* lineFieldCounts(text: string, delimiter: string): Generator<[number, number]> {
  let fields = 1;
  let inQuotes = false;
  let line = 1;
  let startLine = 1;
  let empty = true;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"') {
      inQuotes = !inQuotes;
      empty = false;
    } else if (inQuotes) {
      if (ch === '\n') line++;
    } else if (ch === delimiter) {
      fields++;
      empty = false;
    } else if (ch === '\n') {
      if (!empty) yield [startLine, fields];
      line++;
      startLine = line;
      fields = 1;
      empty = true;
    } else if (ch !== '\r') {
      empty = false;
    }
  }
  if (!empty) yield [startLine, fields];
}

/**
 * Finds the first line whose field count differs from the header's. Runs only after DuckDB
 * failed to sniff a dialect, to turn that failure into a message naming the line.
 */
export async function findRaggedLine(
  source: DataSource,
  delimiter?: string,
): Promise<RaggedLine | null> {
  const bytes = await source.readRange(0, Math.min(source.size, scanLimit));
  const text = new TextDecoder().decode(bytes);
  const firstLine = text.slice(0, text.indexOf('\n') >= 0 ? text.indexOf('\n') : text.length);
  const delims = delimiter ? [delimiter] : candidates.filter((d) => firstLine.includes(d));
  for (const d of delims) {
    let headerFields = 0;
    for (const [line, fields] of lineFieldCounts(text, d)) {
      if (line === 1) headerFields = fields;
      else if (fields !== headerFields) return { line, fields, headerFields };
    }
  }
  return null;
}
