/**
 * The pieces of Covenant's printable documents (the renewal scorecard, the RFP comparison):
 * escaping, a print stylesheet for A4 and the document around a body (the small inline
 * SVG charts are in svg-charts.ts), so a document is one self-contained HTML file (no
 * scripts, no external assets) that Chromium prints to PDF as it shows on screen.
 */

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Text for HTML (content and attribute values). */
export const esc = (text: string | number): string =>
  String(text).replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);

/** Ids such as `retender.access-breach` break only after their separators, never mid-word. */
export const breakableId = (id: string): string => esc(id).replace(/([:/._-])/g, '$1<wbr>');

/** A tag: short text in a box of its tone (good, warn, bad, neutral; see PRINT_CSS). */
export const tag = (text: string, tone: string) => `<span class="tag ${tone}">${esc(text)}</span>`;

/** The stylesheet both documents share: A4 pages, readable type, contrast that survives greyscale. */
export const PRINT_CSS = `
@page { size: A4; margin: 14mm 13mm 16mm 13mm; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { font-family: "DejaVu Sans", "Liberation Sans", Arial, Helvetica, sans-serif; font-size: 9.5pt;
  line-height: 1.38; color: #161616; margin: 0; background: #fff; }
main { max-width: 184mm; margin: 0 auto; padding: 6mm 0; }
@media print { main { padding: 0; max-width: none; } }
h1 { font-size: 17pt; line-height: 1.2; margin: 0 0 2mm 0; }
h2 { font-size: 13pt; margin: 0 0 2.5mm 0; padding-bottom: 1mm; border-bottom: 0.6mm solid #161616; break-after: avoid; }
h3 { font-size: 10.5pt; margin: 4mm 0 1.5mm 0; break-after: avoid; }
p { margin: 0 0 2mm 0; orphans: 3; widows: 3; }
.eyebrow { text-transform: uppercase; letter-spacing: 0.08em; font-size: 8pt; color: #444; margin: 0 0 1mm 0; }
.meta { color: #333; font-size: 8.5pt; margin-bottom: 4mm; }
.meta span { margin-right: 4mm; display: inline-block; }
section { margin-top: 6mm; }
/* Sections flow (a forced page per section left near-empty pages); a heading stays with what follows it. */
section.page { margin-top: 8mm; }
.keep { break-inside: avoid; }
h2 + p, h3 + table, h2 + table { break-before: avoid; }
table { border-collapse: collapse; width: 100%; font-size: 8.3pt; margin: 1mm 0 3mm 0; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
th, td { text-align: left; vertical-align: top; padding: 1.1mm 1.4mm; border-bottom: 0.25mm solid #c8c8c8; }
th { font-weight: 700; border-bottom: 0.4mm solid #161616; background: #f2f2f2; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
/* Headings may wrap between words (longer in some languages); the numbers under them do not. */
th.num { white-space: normal; hyphens: manual; }
td:first-child { overflow-wrap: break-word; }
.id { overflow-wrap: normal; word-break: normal; hyphens: none; }
.rule-ref { white-space: nowrap; }
tr.total td { font-weight: 700; border-top: 0.4mm solid #161616; }
.small { font-size: 7.8pt; color: #333; }
.muted { color: #555; }
.neg { color: #8b1212; font-weight: 700; }
.tag { display: inline-block; padding: 0.2mm 1.4mm; border-radius: 1mm; font-size: 7.6pt; font-weight: 700;
  border: 0.3mm solid currentColor; white-space: nowrap; }
.good { color: #14532d; background: #e3f4e8; }
.warn { color: #7a4100; background: #fff1d6; }
.bad { color: #8b1212; background: #fde7e7; }
.neutral { color: #333; background: #eee; }
.panel { border: 0.4mm solid #161616; border-left-width: 2.4mm; padding: 3mm 4mm; margin: 3mm 0 4mm 0; break-inside: avoid; }
.panel.good { border-color: #14532d; background: #f3faf5; color: #161616; }
.panel.warn { border-color: #a05a00; background: #fff8ea; color: #161616; }
.panel.bad { border-color: #8b1212; background: #fdf3f3; color: #161616; }
.decision { font-size: 20pt; font-weight: 800; letter-spacing: 0.01em; margin: 0 0 1.5mm 0; }
.panel ol, .panel ul { margin: 1mm 0 0 0; padding-left: 5mm; }
.panel li { margin-bottom: 1.4mm; }
.figures { display: grid; grid-template-columns: repeat(auto-fit, minmax(42mm, 1fr)); gap: 3mm; margin: 2mm 0 3mm 0; break-inside: avoid; }
.figure { border: 0.3mm solid #999; padding: 2mm 2.5mm; break-inside: avoid; min-width: 0; }
.figure .value { font-size: 12pt; font-weight: 700; white-space: nowrap; }
.figure .label { font-size: 7.8pt; color: #333; }
.chart { margin: 1mm 0 3mm 0; break-inside: avoid; }
.definitions { columns: 2; column-gap: 6mm; margin: 0; }
.definitions div { break-inside: avoid; margin-bottom: 1.4mm; }
.definitions dt { font-weight: 700; }
.definitions dd { margin: 0 0 0 3mm; }
svg text { font-family: "DejaVu Sans", "Liberation Sans", Arial, sans-serif; }
footer { margin-top: 6mm; font-size: 7.6pt; color: #444; border-top: 0.25mm solid #999; padding-top: 2mm; }
`;

/**
 * A whole document: title, stylesheet, body. `footer` (e.g. contract and period) is printed
 * at the foot of every PDF page beside the page number (src/renewal/pdf.ts reads the meta).
 */
export function documentHtml(
  title: string,
  body: string,
  extraCss = '',
  footer?: string,
  words: { lang: string; page: string; of: string } = { lang: 'en', page: 'page', of: 'of' },
): string {
  const footerMeta =
    footer === undefined
      ? ''
      : `<meta name="pdf-footer" content="${esc(footer)}">\n<meta name="pdf-page" content="${esc(words.page)}|${esc(words.of)}">\n`;
  return `<!doctype html>
<html lang="${esc(words.lang)}">
<head>
<meta charset="utf-8">
${footerMeta}<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title>
<style>${PRINT_CSS}${extraCss}</style>
</head>
<body>
<main>
${body}
</main>
</body>
</html>
`;
}
