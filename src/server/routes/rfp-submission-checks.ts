import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { Issue, Result } from '../../core/issues.js';
import type { RfpResponse } from '../../core/rfp/types.js';
import { isRecord, valueAt, type YamlFile } from '../../core/yaml/read-yaml.js';
import type { AppEnv } from '../deps.js';

/**
 * What a submitted response is refused for before and after it is parsed: a body too
 * large or of another type, malformed JSON, attachments sent twice, evidence files that
 * were not sent.
 */

/** Limits of a submission: the JSON or YAML body as a whole, and each evidence file in it. */
const MAX_BODY_BYTES = 8 * 1024 * 1024;

const YAML_TYPES = ['application/yaml', 'application/x-yaml', 'text/yaml', 'text/plain'];
export const typeOf = (header: string | undefined) =>
  (header ?? '').split(';')[0]?.trim().toLowerCase() ?? '';

/** A response is at most MAX_BODY_BYTES, answered 413. */
export const responseSizeLimit = (): MiddlewareHandler<AppEnv> =>
  bodyLimit({
    maxSize: MAX_BODY_BYTES,
    onError: (c) => c.json({ error: `a response is at most ${MAX_BODY_BYTES / 1024 / 1024} MiB` }, 413),
  });

/** A response is JSON that parses, or YAML (415 otherwise). */
export const responseTypeCheck: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (c.req.method !== 'POST') return next();
  const type = typeOf(c.req.header('content-type'));
  if (type === 'application/json') {
    try {
      await c.req.json();
    } catch {
      return c.json({ error: 'the body is not valid JSON' }, 400);
    }
  } else if (!YAML_TYPES.includes(type)) {
    return c.json(
      { error: 'send application/json ({ response, attachments }) or the RFPResponse YAML' },
      415,
    );
  }
  return next();
};

/** The parser's problems, attachments sent twice, and evidence files that name no attachment sent with the response. */
export function submissionProblems(
  raw: Result<YamlFile>,
  parsed: Result<RfpResponse>,
  attachments: { name: string; text: string }[],
): Issue[] {
  const problems: Issue[] = parsed.ok ? [] : [...parsed.issues];
  const names = new Map<string, number>();
  attachments.forEach((a, i) => {
    const first = names.get(a.name);
    if (first !== undefined)
      problems.push({
        code: 'duplicate_attachment',
        path: ['attachments', i, 'name'],
        message: `attachment ${a.name} is sent twice (first as attachments[${first}])`,
      });
    else names.set(a.name, i);
  });
  if (raw.ok) {
    // Each evidence file names an attachment sent with the response (the server has no other files).
    const answers = valueAt(raw.value.js, ['spec', 'answers']);
    (Array.isArray(answers) ? answers : []).forEach((answer, i) => {
      const evidence = isRecord(answer) ? answer.evidence : undefined;
      (Array.isArray(evidence) ? evidence : []).forEach((item, k) => {
        const ref = isRecord(item) ? item.file : undefined;
        if (typeof ref !== 'string' || names.has(ref)) return;
        raw.value.rep.node(
          'unknown_attachment',
          ['spec', 'answers', i, 'evidence', k, 'file'],
          names.size > 0
            ? `no attachment ${ref} was sent; attached: ${[...names.keys()].join(', ')}`
            : `no attachment ${ref} was sent (attach the file, or give a url)`,
        );
      });
    });
    problems.push(...raw.value.rep.issues);
  }
  return problems;
}
