// Native DuckDB results → apache-arrow Tables shaped like DuckDB-WASM's: the same Arrow type per
// DuckDB type and the same raw buffers (BIGINT as bigint, DECIMAL unscaled, TIMESTAMP as
// microseconds, DATE as days), so every reader of a result sees what it sees with the WASM engine.
import {
  Binary,
  Bool,
  DateDay,
  Decimal,
  Dictionary,
  Field,
  FixedSizeBinary,
  FixedSizeList,
  Float32,
  Float64,
  Int16,
  Int32,
  Int64,
  Int8,
  List,
  Map_,
  RecordBatch,
  Schema,
  Struct,
  Table,
  TimeMicrosecond,
  TimeNanosecond,
  TimestampMicrosecond,
  TimestampMillisecond,
  TimestampNanosecond,
  TimestampSecond,
  Uint16,
  Uint32,
  Uint64,
  Uint8,
  Utf8,
  makeData,
  makeVector,
  type Data,
  type DataType,
} from 'apache-arrow';
import {
  DuckDBArrayType,
  DuckDBArrayValue,
  DuckDBBlobValue,
  DuckDBDateValue,
  DuckDBDecimalType,
  DuckDBDecimalValue,
  DuckDBEnumType,
  DuckDBListType,
  DuckDBListValue,
  DuckDBMapType,
  DuckDBMapValue,
  DuckDBStructType,
  DuckDBStructValue,
  DuckDBTimeNSValue,
  DuckDBTimeValue,
  DuckDBTimestampMillisecondsValue,
  DuckDBTimestampNanosecondsValue,
  DuckDBTimestampSecondsValue,
  DuckDBTimestampTZValue,
  DuckDBTimestampValue,
  DuckDBTypeId,
  type DuckDBDataChunk,
  type DuckDBType,
  type DuckDBValue,
} from '@duckdb/node-api';

type Cells = readonly (DuckDBValue | null)[];

/** A list's child field, named `l` as DuckDB's Arrow export names it. */
const listChild = (type: DataType) => new Field('l', type, true);

/** The Arrow type DuckDB-WASM gives a DuckDB type (checked against DuckDB-WASM 1.32 in tests). */
export function arrowTypeOf(type: DuckDBType): DataType {
  switch (type.typeId) {
    case DuckDBTypeId.BOOLEAN:
      return new Bool();
    case DuckDBTypeId.TINYINT:
      return new Int8();
    case DuckDBTypeId.SMALLINT:
      return new Int16();
    case DuckDBTypeId.INTEGER:
    case DuckDBTypeId.SQLNULL:
      // An untyped NULL is INTEGER in DuckDB's result, as in DuckDB-WASM's.
      return new Int32();
    case DuckDBTypeId.BIGINT:
      return new Int64();
    case DuckDBTypeId.UTINYINT:
      return new Uint8();
    case DuckDBTypeId.USMALLINT:
      return new Uint16();
    case DuckDBTypeId.UINTEGER:
      return new Uint32();
    case DuckDBTypeId.UBIGINT:
      return new Uint64();
    case DuckDBTypeId.HUGEINT:
      return new Decimal(0, 38, 128);
    case DuckDBTypeId.UHUGEINT:
      return new FixedSizeBinary(16);
    case DuckDBTypeId.FLOAT:
      return new Float32();
    case DuckDBTypeId.DOUBLE:
      return new Float64();
    case DuckDBTypeId.DECIMAL: {
      const d = type as DuckDBDecimalType;
      return new Decimal(d.scale, d.width, 128);
    }
    case DuckDBTypeId.DATE:
      return new DateDay();
    case DuckDBTypeId.TIME:
      return new TimeMicrosecond();
    case DuckDBTypeId.TIME_NS:
      return new TimeNanosecond();
    case DuckDBTypeId.TIMESTAMP:
      return new TimestampMicrosecond();
    case DuckDBTypeId.TIMESTAMP_S:
      return new TimestampSecond();
    case DuckDBTypeId.TIMESTAMP_MS:
      return new TimestampMillisecond();
    case DuckDBTypeId.TIMESTAMP_NS:
      return new TimestampNanosecond();
    case DuckDBTypeId.TIMESTAMP_TZ:
      // The engine runs with TimeZone UTC, DuckDB-WASM's only zone.
      return new TimestampMicrosecond('UTC');
    case DuckDBTypeId.BLOB:
      return new Binary();
    case DuckDBTypeId.ENUM: {
      const e = type as DuckDBEnumType;
      const indices =
        e.internalTypeId === DuckDBTypeId.UTINYINT
          ? new Uint8()
          : e.internalTypeId === DuckDBTypeId.USMALLINT
            ? new Uint16()
            : new Uint32();
      return new Dictionary(new Utf8(), indices);
    }
    case DuckDBTypeId.LIST:
      return new List(listChild(arrowTypeOf((type as DuckDBListType).valueType)));
    case DuckDBTypeId.ARRAY: {
      const a = type as DuckDBArrayType;
      return new FixedSizeList(a.length, new Field('', arrowTypeOf(a.valueType), true));
    }
    case DuckDBTypeId.STRUCT: {
      const s = type as DuckDBStructType;
      return new Struct(
        s.entryNames.map((n, i) => new Field(n, arrowTypeOf(s.entryTypes[i] as DuckDBType), true)),
      );
    }
    case DuckDBTypeId.MAP: {
      const m = type as DuckDBMapType;
      const entries = new Struct([
        new Field('key', arrowTypeOf(m.keyType), false),
        new Field('value', arrowTypeOf(m.valueType), true),
      ]);
      return new Map_(new Field('entries', entries, false));
    }
    default:
      // VARCHAR and UUID are text in DuckDB-WASM too; INTERVAL, BIT, UNION and the rest, which
      // no analysis returns (fixtures write them as text), become their DuckDB text.
      return new Utf8();
  }
}

function validity(cells: readonly unknown[]): { nullCount: number; nullBitmap: Uint8Array } {
  const nullBitmap = new Uint8Array((cells.length + 7) >> 3);
  let nullCount = 0;
  cells.forEach((c, i) => {
    if (c === null) nullCount++;
    else nullBitmap[i >> 3] = (nullBitmap[i >> 3] ?? 0) | (1 << (i & 7));
  });
  return { nullCount, nullBitmap };
}

/** makeData for buffers built by hand: its overloads cannot follow a type chosen at run time. */
const dataOf = (props: { type: DataType; length: number } & Record<string, unknown>): Data =>
  makeData(props as never) as Data;

function fixedWidth<T extends DataType>(
  type: T,
  cells: Cells,
  values: T['TArray'],
  write: (values: T['TArray'], i: number, cell: DuckDBValue) => void,
): Data {
  cells.forEach((c, i) => {
    if (c !== null) write(values, i, c);
  });
  return dataOf({ type, length: cells.length, ...validity(cells), data: values });
}

/** A two's-complement 128-bit integer as four little-endian 32-bit words (Arrow's Decimal128). */
function writeInt128(words: Uint32Array, at: number, v: bigint): void {
  let u = BigInt.asUintN(128, v);
  for (let k = 0; k < 4; k++) {
    words[at * 4 + k] = Number(u & 0xffffffffn);
    u >>= 32n;
  }
}

function binary(cells: Cells): Data {
  const parts = cells.map((c) => (c === null ? new Uint8Array(0) : (c as DuckDBBlobValue).bytes));
  const valueOffsets = new Int32Array(cells.length + 1);
  parts.forEach((p, i) => (valueOffsets[i + 1] = (valueOffsets[i] ?? 0) + p.length));
  const data = new Uint8Array(valueOffsets[cells.length] ?? 0);
  parts.forEach((p, i) => data.set(p, valueOffsets[i]));
  const type = new Binary();
  return dataOf({ type, length: cells.length, ...validity(cells), valueOffsets, data });
}

const encoder = new TextEncoder();

/** Text cells as Utf8, each encoded straight into one buffer (no array per string). */
function utf8(cells: readonly unknown[]): Data {
  const valueOffsets = new Int32Array(cells.length + 1);
  let data = new Uint8Array(1024);
  let end = 0;
  cells.forEach((c, i) => {
    if (c !== null) {
      const text = String(c);
      // UTF-8 takes at most 3 bytes per UTF-16 unit.
      if (end + text.length * 3 > data.length) {
        const grown = new Uint8Array(Math.max(data.length * 2, end + text.length * 3));
        grown.set(data.subarray(0, end));
        data = grown;
      }
      end += encoder.encodeInto(text, data.subarray(end)).written;
    }
    valueOffsets[i + 1] = end;
  });
  return dataOf({
    type: new Utf8(),
    length: cells.length,
    ...validity(cells),
    valueOffsets,
    data: data.slice(0, end),
  });
}

/** Offsets and flattened items of list-like cells. */
function flatten(cells: Cells, itemsOf: (c: DuckDBValue) => readonly (DuckDBValue | null)[]) {
  const valueOffsets = new Int32Array(cells.length + 1);
  const items: (DuckDBValue | null)[] = [];
  cells.forEach((c, i) => {
    // A loop, not push(...): a long list would overflow the call's argument stack.
    if (c !== null) for (const item of itemsOf(c)) items.push(item);
    valueOffsets[i + 1] = items.length;
  });
  return { valueOffsets, items };
}

/** One column of DuckDB values as Arrow data of `type` (from arrowTypeOf). */
export function columnData(duck: DuckDBType, type: DataType, cells: Cells): Data {
  const n = cells.length;
  switch (duck.typeId) {
    case DuckDBTypeId.BOOLEAN: {
      const bits = new Uint8Array((n + 7) >> 3);
      cells.forEach((c, i) => {
        if (c === true) bits[i >> 3] = (bits[i >> 3] ?? 0) | (1 << (i & 7));
      });
      return makeData({ type: type as Bool, length: n, ...validity(cells), data: bits });
    }
    case DuckDBTypeId.TINYINT:
    case DuckDBTypeId.SMALLINT:
    case DuckDBTypeId.INTEGER:
    case DuckDBTypeId.UTINYINT:
    case DuckDBTypeId.USMALLINT:
    case DuckDBTypeId.UINTEGER:
    case DuckDBTypeId.FLOAT:
    case DuckDBTypeId.DOUBLE:
    case DuckDBTypeId.SQLNULL: {
      const t = type as Int32 | Float64;
      return fixedWidth(t, cells, new t.ArrayType(n), (v, i, c) => (v[i] = c as number));
    }
    case DuckDBTypeId.BIGINT:
    case DuckDBTypeId.UBIGINT: {
      const t = type as Int64 | Uint64;
      return fixedWidth(t, cells, new t.ArrayType(n), (v, i, c) => (v[i] = c as bigint));
    }
    case DuckDBTypeId.HUGEINT:
    case DuckDBTypeId.DECIMAL:
      return fixedWidth(type as Decimal, cells, new Uint32Array(n * 4), (v, i, c) =>
        writeInt128(v, i, c instanceof DuckDBDecimalValue ? c.value : (c as bigint)),
      );
    case DuckDBTypeId.UHUGEINT:
      return fixedWidth(type as FixedSizeBinary, cells, new Uint8Array(n * 16), (v, i, c) => {
        const words = new Uint32Array(4);
        writeInt128(words, 0, c as bigint);
        v.set(new Uint8Array(words.buffer), i * 16);
      });
    case DuckDBTypeId.DATE:
      return fixedWidth(type as DateDay, cells, new Int32Array(n), (v, i, c) => {
        v[i] = (c as DuckDBDateValue).days;
      });
    case DuckDBTypeId.TIME:
    case DuckDBTypeId.TIME_NS:
    case DuckDBTypeId.TIMESTAMP:
    case DuckDBTypeId.TIMESTAMP_S:
    case DuckDBTypeId.TIMESTAMP_MS:
    case DuckDBTypeId.TIMESTAMP_NS:
    case DuckDBTypeId.TIMESTAMP_TZ:
      return fixedWidth(type as TimestampMicrosecond, cells, new BigInt64Array(n), (v, i, c) => {
        v[i] = timeTicks(c);
      });
    case DuckDBTypeId.BLOB:
      return binary(cells);
    case DuckDBTypeId.ENUM: {
      const e = duck as DuckDBEnumType;
      const t = type as Dictionary<Utf8, Uint8>;
      const dictionary = makeVector(utf8(e.values));
      const indices = new t.indices.ArrayType(n);
      cells.forEach((c, i) => {
        if (c !== null) indices[i] = e.valueIndexes[String(c)] ?? 0;
      });
      return dataOf({ type: t, length: n, ...validity(cells), data: indices, dictionary });
    }
    case DuckDBTypeId.LIST:
    case DuckDBTypeId.MAP: {
      const { valueOffsets, items } =
        duck.typeId === DuckDBTypeId.LIST
          ? flatten(cells, (c) => (c as DuckDBListValue).items)
          : flatten(cells, (c) => mapEntries(c as DuckDBMapValue));
      const childDuck =
        duck.typeId === DuckDBTypeId.LIST
          ? (duck as DuckDBListType).valueType
          : mapEntryType(duck as DuckDBMapType);
      const t = type as List;
      const child = columnData(childDuck, t.children[0]?.type as DataType, items);
      return makeData({ type: t, length: n, ...validity(cells), valueOffsets, child });
    }
    case DuckDBTypeId.ARRAY: {
      const a = duck as DuckDBArrayType;
      const items = cells.flatMap((c) =>
        c === null
          ? Array.from({ length: a.length }, () => null)
          : [...(c as DuckDBArrayValue).items],
      );
      const t = type as FixedSizeList;
      const child = columnData(a.valueType, t.children[0]?.type as DataType, items);
      return makeData({ type: t, length: n, ...validity(cells), child });
    }
    case DuckDBTypeId.STRUCT: {
      const s = duck as DuckDBStructType;
      const t = type as Struct;
      const children = s.entryNames.map((name, k) =>
        columnData(
          s.entryTypes[k] as DuckDBType,
          t.children[k]?.type as DataType,
          cells.map((c) => (c === null ? null : ((c as DuckDBStructValue).entries[name] ?? null))),
        ),
      );
      return makeData({ type: t, length: n, ...validity(cells), children });
    }
    default:
      return utf8(cells);
  }
}

function timeTicks(c: DuckDBValue): bigint {
  if (c instanceof DuckDBTimestampValue || c instanceof DuckDBTimestampTZValue) return c.micros;
  if (c instanceof DuckDBTimeValue) return c.micros;
  if (c instanceof DuckDBTimestampSecondsValue) return c.seconds;
  if (c instanceof DuckDBTimestampMillisecondsValue) return c.millis;
  if (c instanceof DuckDBTimestampNanosecondsValue || c instanceof DuckDBTimeNSValue) {
    return c.nanos;
  }
  throw new Error(`not a time value: ${String(c)}`);
}

/** A map's entries as struct values, the shape of Arrow's Map child. */
function mapEntries(m: DuckDBMapValue): DuckDBValue[] {
  return m.entries.map(
    (e) => new DuckDBStructValue({ key: e.key, value: e.value } as Record<string, DuckDBValue>),
  );
}

function mapEntryType(m: DuckDBMapType): DuckDBType {
  return new DuckDBStructType(['key', 'value'], [m.keyType, m.valueType]);
}

/** A native result (its column names, types and chunks) as one Arrow table. */
export function arrowTable(
  names: readonly string[],
  types: readonly DuckDBType[],
  chunks: readonly DuckDBDataChunk[],
): Table {
  const arrowTypes = types.map(arrowTypeOf);
  const fields = names.map((name, i) => new Field(name, arrowTypes[i] as DataType, true));
  const length = chunks.reduce((sum, c) => sum + c.rowCount, 0);
  const children = types.map((duck, i) => {
    const cells: (DuckDBValue | null)[] = [];
    for (const chunk of chunks) {
      const vector = chunk.getColumnVector(i);
      for (let r = 0; r < chunk.rowCount; r++) cells.push(vector.getItem(r));
    }
    return columnData(duck, arrowTypes[i] as DataType, cells);
  });
  const schema = new Schema(fields);
  const batch = new RecordBatch(
    schema,
    makeData({ type: new Struct(fields), length, nullCount: 0, children }),
  );
  return new Table([batch]);
}
