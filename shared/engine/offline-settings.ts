/**
 * Run right after connecting: DuckDB would otherwise try to download extensions (parquet, json)
 * on first use, and offline that request never returns.
 */
export const offlineSettings =
  'SET autoload_known_extensions = false; SET autoinstall_known_extensions = false;';
