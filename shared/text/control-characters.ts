/**
 * True when `text` holds a C0 control character or DEL: in a name or path one is an attack on
 * whatever prints it (a terminal escape, a line break that forges a log line).
 */
export function hasControlCharacters(text: string): boolean {
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code < 0x20 || code === 0x7f) return true;
  }
  return false;
}
