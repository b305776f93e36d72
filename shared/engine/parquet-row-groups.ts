/** A Parquet file read one row group at a time: its rows per group and each group as Arrow IPC. */
export interface ParquetRowGroups {
  rowsPerGroup: number[];
  read(group: number): Promise<Uint8Array>;
}

/** The part of parquet-wasm's ParquetFile this uses (typed here: shared/ has no DOM types). */
export interface ParquetFileLike {
  metadata(): {
    numRowGroups(): number;
    rowGroup(i: number): { numRows(): number | bigint };
  };
  read(options: { rowGroups: number[] }): Promise<{ intoIPCStream(): Uint8Array }>;
}

/**
 * Row groups of a Parquet file that parquet-wasm reads through a Blob (a picked File in the
 * browser, a file-backed Blob in Node): only the footer and one row group's column chunks are
 * in memory at a time, never the whole file.
 */
export async function parquetRowGroups(file: ParquetFileLike): Promise<ParquetRowGroups> {
  const metadata = file.metadata();
  const rowsPerGroup = Array.from({ length: metadata.numRowGroups() }, (_, i) =>
    Number(metadata.rowGroup(i).numRows()),
  );
  return {
    rowsPerGroup,
    async read(group) {
      return (await file.read({ rowGroups: [group] })).intoIPCStream();
    },
  };
}
