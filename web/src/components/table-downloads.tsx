import { useRef, useState } from 'react';
import { apiPostBlob, messageOf } from '../lib/api';
import { useT } from '../lib/i18n';

/**
 * CSV and XLSX downloads of the table just before it (placed right after every dashboard
 * <table>): the cells as shown, read from the DOM when clicked, written by the server with
 * the project's one CSV writer and its workbook writer (formula-like text made inert).
 */
function tableOf(anchor: HTMLElement | null): HTMLTableElement | null {
  let node = anchor?.previousElementSibling ?? null;
  while (node && !(node instanceof HTMLTableElement)) node = node.previousElementSibling;
  return node;
}

function cellsOf(table: HTMLTableElement): { title: string; header: string[]; rows: string[][] } {
  const text = (cell: Element) => (cell.textContent ?? '').replace(/\s+/g, ' ').trim();
  const all = [...table.rows].map((row) => [...row.cells].map(text));
  const headRows = table.tHead ? table.tHead.rows.length : 1;
  return {
    title: (table.caption ? text(table.caption) : (table.getAttribute('aria-label') ?? '')).slice(0, 80) || 'table',
    header: all.slice(0, headRows).at(-1) ?? [],
    rows: all.slice(headRows),
  };
}

function save(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

const fileName = (title: string, ext: string) => `${title.replace(/[^\w.-]+/g, '-').slice(0, 60) || 'table'}.${ext}`;

export function TableDownloads() {
  const anchor = useRef<HTMLSpanElement>(null);
  const [error, setError] = useState<string | null>(null);
  const t = useT();
  const download = async (format: 'csv' | 'xlsx') => {
    const table = tableOf(anchor.current);
    if (!table) return;
    const { title, header, rows } = cellsOf(table);
    setError(null);
    try {
      save(await apiPostBlob(`/export/table.${format}`, { title, header, rows }), fileName(title, format));
    } catch (failure) {
      setError(messageOf(failure));
    }
  };
  return (
    <span ref={anchor} className="table-downloads" data-testid="table-downloads">
      <button type="button" className="link-button" onClick={() => void download('csv')}>
        {t('table.downloadCsv')}
      </button>
      <button type="button" className="link-button" onClick={() => void download('xlsx')}>
        {t('table.downloadXlsx')}
      </button>
      {error && <span role="alert"> {error}</span>}
    </span>
  );
}
