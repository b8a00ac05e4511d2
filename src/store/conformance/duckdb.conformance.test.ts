import { DuckDbStore } from '../duckdb/duckdb-store.js';
import { runConformance } from './run-conformance.js';

runConformance('DuckDB', () => DuckDbStore.open(':memory:'), { rowLevelSecurity: false });
