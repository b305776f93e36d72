/** DuckDB type families, by DuckDB's type name (as DESCRIBE prints it). */
export function isIntegerType(t: string): boolean {
  return /^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|UHUGEINT)$/.test(
    t,
  );
}

export function isFloatType(t: string): boolean {
  return t === 'FLOAT' || t === 'DOUBLE' || t === 'REAL';
}

export function isNumericType(t: string): boolean {
  return isIntegerType(t) || isFloatType(t) || t.startsWith('DECIMAL');
}

export function isTemporalType(t: string): boolean {
  return t === 'DATE' || t.startsWith('TIMESTAMP');
}

export function isTextType(t: string): boolean {
  return t === 'VARCHAR';
}
