import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseDocument } from 'yaml';

/**
 * The default RFP template (rfp/default-rfp.yaml, docs/rfp.md): the seed's questions, with
 * the new RFP's id, title, client and due date written into a copy of its YAML, so the
 * stored source is a complete RFP document like an uploaded one.
 */

/** The package root (src/records or dist/records, two levels up), as load-demo finds contracts/. */
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const DEFAULT_RFP_FILE = join(ROOT, 'rfp', 'default-rfp.yaml');
/** The demo's responses and evaluators' scores to the default RFP (docs/rfp.md, The demo). */
export const DEMO_RFP_DIR = join(ROOT, 'rfp', 'demo');

export async function templateSource(setup: {
  id: string;
  title: string;
  client: string;
  deadline: string;
  issued: string;
}): Promise<string> {
  const doc = parseDocument(await readFile(DEFAULT_RFP_FILE, 'utf8'));
  doc.setIn(['metadata', 'name'], setup.id);
  if (setup.title.trim()) doc.setIn(['metadata', 'displayName'], setup.title.trim());
  doc.setIn(['spec', 'client'], setup.client);
  doc.setIn(['spec', 'issued'], setup.issued.slice(0, 10));
  doc.setIn(['spec', 'responsesDue'], setup.deadline.slice(0, 10));
  // The file's opening comment speaks of the template itself, not of this RFP.
  doc.commentBefore = ` Created from Covenant's default RFP template (rfp/default-rfp.yaml).`;
  return doc.toString({ lineWidth: 0 });
}
