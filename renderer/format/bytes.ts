/**
 * A size in SI units, as labelled (1 KB = 1,000 bytes, as macOS Finder counts): "512 B",
 * "1.5 KB", "52.4 MB". Three significant digits, enough to tell files apart.
 */
export function formatBytes(bytes: number): string {
  if (bytes < 1000) return `${bytes} B`;
  let value = bytes / 1000;
  let unit = 'KB';
  for (const next of ['MB', 'GB', 'TB']) {
    // 999.5 KB would round to "1000 KB"; it reads as "1 MB" instead.
    if (value < 999.5) break;
    value /= 1000;
    unit = next;
  }
  return `${Number(value.toPrecision(3))} ${unit}`;
}
