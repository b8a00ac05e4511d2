import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { type Issue, UserError } from '../core/issues.js';
import { textTableLines } from '../core/text-table.js';
import { loadDocument } from '../files/load-document.js';
import { type MappingSpec, parseMapping } from '../ingest/mapping/load-mapping.js';
import { applyMapping, listMappings, removeMapping } from '../ingest/mapping-store.js';
import { type StoreOptions, withStore, withStoreOptions } from './context.js';

/** `covenant mapping validate|apply|list|show|remove`: mappings kept for imports through the API. */
export function registerMapping(program: Command): void {
  const mapping = program.command('mapping').description('Mapping files stored for imports (kind Mapping)');
  mapping
    .command('validate')
    .description('check Mapping files: every problem with file:line:column, nothing stored')
    .argument('<files...>', 'Mapping YAML files')
    .action(async (files: string[]) => {
      await parseAll(files);
      process.stdout.write(`${files.length} mapping file${files.length === 1 ? '' : 's'} valid\n`);
    });
  withStoreOptions(mapping.command('apply'))
    .description('store Mapping files for the tenant (replacing one of the same name)')
    .argument('<files...>', 'Mapping YAML files')
    .action(async (files: string[], options: StoreOptions) => {
      const parsed = await parseAll(files);
      await withStore(options, (store) =>
        store.transaction(async (tx) => {
          for (const { spec, source } of parsed)
            process.stdout.write(`${spec.name} ${await applyMapping(tx, options.tenant, spec, source)}\n`);
        }),
      );
    });
  withStoreOptions(mapping.command('list'))
    .description("the tenant's stored mappings")
    .action(async (options: StoreOptions) => {
      const rows = await withStore(options, (store) => listMappings(store, options.tenant));
      process.stdout.write(
        rows.length === 0
          ? 'no stored mappings\n'
          : `${textTableLines(
              ['name', 'dataset', 'applied'],
              rows.map((r) => [r.name, r.dataset, String(r.appliedAt)]),
            ).join('\n')}\n`,
      );
    });
  withStoreOptions(mapping.command('show'))
    .description('a stored mapping (its YAML)')
    .argument('<name>', 'the mapping name')
    .action(async (name: string, options: StoreOptions) => {
      const found = (await withStore(options, (store) => listMappings(store, options.tenant))).find(
        (m) => m.name === name,
      );
      if (!found) throw new UserError(`no stored mapping ${name} in tenant ${options.tenant}`);
      process.stdout.write(found.source.endsWith('\n') ? found.source : `${found.source}\n`);
    });
  withStoreOptions(mapping.command('remove'))
    .description('remove a stored mapping')
    .argument('<name>', 'the mapping name')
    .action(async (name: string, options: StoreOptions) => {
      await withStore(options, (store) => removeMapping(store, options.tenant, name));
      process.stdout.write(`${name} removed\n`);
    });
}

async function parseAll(files: string[]): Promise<{ spec: MappingSpec; source: string }[]> {
  const parsed: { spec: MappingSpec; source: string }[] = [];
  const issues: Issue[] = [];
  for (const file of files) {
    const result = await loadDocument(file, 'mapping', parseMapping);
    if (result.ok) parsed.push({ spec: result.value, source: await readFile(file, 'utf8') });
    else issues.push(...result.issues);
  }
  if (issues.length > 0) {
    throw new UserError(
      `${issues.length} problem${issues.length === 1 ? '' : 's'} in the mapping files`,
      issues,
    );
  }
  return parsed;
}
