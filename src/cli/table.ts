/** The CLI's tables: the one text-table implementation of core. */
export { textTable as table } from '../core/text-table.js';
