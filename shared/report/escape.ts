// Escaping of every user string the report shows: column names and values can hold markup,
// Markdown syntax, quotes, pipes and newlines.

const HTML_ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Text for HTML or XML content and quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ENTITIES[c] ?? c);
}

const WORD_CHAR = /[\p{L}\p{N}]/u;

/**
 * Inline Markdown text shown literally: markup as entities (GitHub would strip it, other
 * renderers run it), the punctuation that can start emphasis, code, links, tables or strike
 * backslash-escaped (not `_` inside a word, which CommonMark never reads as emphasis), a leading
 * heading or list marker made literal, newlines as spaces.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[&<>]/g, (c) => HTML_ENTITIES[c] ?? c)
    .replace(/[\\`*_[\]|~]/g, (c, at: number, whole: string) =>
      c === '_' && WORD_CHAR.test(whole[at - 1] ?? '') && WORD_CHAR.test(whole[at + 1] ?? '')
        ? c
        : `\\${c}`,
    )
    .replace(/\r\n|\r|\n/g, ' ')
    .replace(/^(\s*)(#{1,6}(?=\s|$)|[-+](?=\s|$)|[-=]+\s*$)/, '$1\\$2')
    .replace(/^(\s*\d{1,9})([.)])(?=\s|$)/, '$1\\$2');
}

/** A GFM table cell: escaped inline text (pipes included), never breaking the row. */
export function markdownCell(text: string): string {
  return escapeMarkdown(text).trim() || ' ';
}

/**
 * A block of free text (the analyst's notes): each line escaped, line breaks kept, leading
 * spaces as no-break spaces (indentation that Markdown would read as a code block).
 */
export function markdownLines(text: string): string {
  return text
    .split(/\r\n|\r|\n/)
    .map((line) => {
      const indent = /^[ \t]*/.exec(line)?.[0] ?? '';
      return '\u00a0'.repeat(indent.length) + escapeMarkdown(line.slice(indent.length));
    })
    .join('  \n');
}
