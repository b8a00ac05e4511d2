import type { ColumnDef, ColumnType } from './types.js';

/** Small constructors so the catalog reads like the tables of data-formats.md. */
const col =
  (type: ColumnType) =>
  (name: string, required = false, defaultValue?: string): ColumnDef => ({
    name,
    type,
    required,
    ...(defaultValue === undefined ? {} : { default: defaultValue }),
  });

export const text = col({ kind: 'string' });
export const bool = col({ kind: 'bool' });
export const timestamp = col({ kind: 'timestamp' });
export const date = col({ kind: 'date' });
export const money = col({ kind: 'money' });
export const timezone = col({ kind: 'timezone' });
export const country = col({ kind: 'country' });
export const language = col({ kind: 'language' });
export const oneOf = (values: readonly string[]) => col({ kind: 'enum', values });
export const integer = (min?: number, max?: number) => col({ kind: 'integer', min, max });
export const number = (min?: number, max?: number) => col({ kind: 'number', min, max });
