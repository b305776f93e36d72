import { engineContract } from './engine-contract.ts';
import { createNodeEngine } from './duckdb.node.ts';

engineContract('DuckDB-WASM, Node blocking build', createNodeEngine);
