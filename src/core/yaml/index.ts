/** YAML with positions: what every YAML kind (Mapping, Contract) parses and reports with. */
export { type Loc, Locator } from './locate.js';
export { isRecord, readYaml, valueAt, type YamlFile } from './read-yaml.js';
export { describe, keysAt, reportZodIssues, schemaAt } from './report-zod.js';
export { Reporter, scalarText, suggest } from './reporter.js';
