/** Stable codes for every error a user can cause; the CLI exits 2 with them, the UI shows them. */
export type FaultlineErrorCode =
  | 'file_not_found'
  | 'empty_file'
  | 'no_rows'
  | 'not_text'
  | 'malformed_csv'
  | 'ragged_row'
  | 'malformed_json'
  | 'mixed_types'
  | 'malformed_parquet'
  | 'malformed_arrow'
  | 'malformed_gzip'
  | 'unknown_format'
  | 'schema_mismatch'
  | 'unknown_column'
  | 'bad_role'
  | 'bad_argument'
  | 'bad_predicate'
  | 'cancelled'
  | 'out_of_memory'
  | 'engine'
  | 'not_granted'
  | 'overwrite_input'
  | 'output_exists'
  | 'write_failed'
  | 'bad_manifest';

/** Plain data (no class), so it crosses IPC and structured clone unchanged. */
export interface FaultlineErrorData {
  code: FaultlineErrorCode;
  message: string;
  file?: string;
  line?: number;
  column?: string;
}

/** A thrown FaultlineError; `toData()` gives its plain form for IPC and JSON. */
export class FaultlineError extends Error {
  readonly code: FaultlineErrorCode;
  readonly file?: string;
  readonly line?: number;
  readonly column?: string;

  constructor(data: FaultlineErrorData) {
    super(data.message);
    this.name = 'FaultlineError';
    this.code = data.code;
    if (data.file !== undefined) this.file = data.file;
    if (data.line !== undefined) this.line = data.line;
    if (data.column !== undefined) this.column = data.column;
  }

  toData(): FaultlineErrorData {
    const data: FaultlineErrorData = { code: this.code, message: this.message };
    if (this.file !== undefined) data.file = this.file;
    if (this.line !== undefined) data.line = this.line;
    if (this.column !== undefined) data.column = this.column;
    return data;
  }
}

/** Any thrown value as error data: a FaultlineError as it is, anything else as an engine error. */
export function errorDataOf(e: unknown): FaultlineErrorData {
  if (e instanceof FaultlineError) return e.toData();
  return { code: 'engine', message: e instanceof Error ? e.message : String(e) };
}
