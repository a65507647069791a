import { readFileSync, writeFileSync } from 'node:fs';
import { applyFixes, type LintResult, type ResolvedConfig, type Template } from '../engine';
import { regionBetween } from './body-locations';
import { lintWithConfig } from './config-file';
import { diff as diffLibrary } from './lazy';
import type { LintedTemplate } from './lint-files';
import { positionsIn } from './positions';
import { rewriteBodies } from './rewrite';
import { SourceError, parseTemplates, templateExtensionOf, type TemplateExtension } from './sources';

/** As ESLint: fixes that keep bringing new fixable findings stop after this many passes. */
export const MAX_FIX_PASSES = 10;

/**
 * Applies the fixes of `result` (the lint of `template`), lints again and applies again,
 * until no fix applies or `MAX_FIX_PASSES` passes. Returns the fixed body and its lint.
 */
export function fixTemplate(template: Template, config: ResolvedConfig, result: LintResult): { body: string; result: LintResult; applied: number } {
  let body = template.body;
  let applied = 0;
  for (let pass = 0; pass < MAX_FIX_PASSES; pass++) {
    const fixed = applyFixes(body, result.findings);
    if (fixed.applied.length === 0) break;
    applied += fixed.applied.length;
    body = fixed.output;
    result = lintWithConfig({ ...template, body }, config);
  }
  return { body, result, applied };
}

/**
 * Fixes every template of `linted` that has fixes, file by file: each file is rewritten
 * once with all its fixed bodies (`write`), or only described in a unified diff. The
 * entries of `linted` are updated in place to what the file now holds: fixed body, its
 * lint, and sources and locations read again from the new text.
 */
export function fixFiles(linted: LintedTemplate[], { write }: { write: boolean }): { diff: string; files: number; applied: number } {
  const byFile = new Map<string | null, LintedTemplate[]>();
  for (const entry of linted) byFile.set(entry.path, [...(byFile.get(entry.path) ?? []), entry]);
  let diff = '';
  let files = 0;
  let applied = 0;
  for (const [path, entries] of byFile) {
    const fixed = new Map<number, { body: string; result: LintResult }>();
    for (const entry of entries) {
      const outcome = fixTemplate(entry.template, entry.config, entry.result);
      if (outcome.body === entry.body) continue;
      fixed.set(entry.index, outcome);
      applied += outcome.applied;
    }
    if (fixed.size === 0) continue;
    files++;
    const name = entries[0].file ?? entries[0].source;
    const before = path === null ? entries[0].body : readFileSync(path, 'utf8');
    const bom = before.startsWith('\uFEFF') ? '\uFEFF' : '';
    const text = before.slice(bom.length);
    const after = path === null ? fixed.get(0)!.body : rewrite(text, templateExtensionOf(path), name, fixed);
    if (path !== null) {
      const reread = parseTemplates(after, templateExtensionOf(path), name);
      for (const entry of entries) {
        const { source, line, locateBody } = reread[entry.index];
        Object.assign(entry, { source, line, locateBody });
      }
      if (write) writeFileSync(path, bom + after);
    } else {
      const positionOf = positionsIn(after);
      entries[0].locateBody = (start, end) => regionBetween(start, end, positionOf);
    }
    for (const entry of entries) {
      const outcome = fixed.get(entry.index);
      if (outcome) Object.assign(entry, { body: outcome.body, result: outcome.result, template: { ...entry.template, body: outcome.body } });
    }
    const { createTwoFilesPatch, FILE_HEADERS_ONLY } = diffLibrary();
    diff += createTwoFilesPatch(`a/${name}`, `b/${name}`, text, after, undefined, undefined, { headerOptions: FILE_HEADERS_ONLY });
  }
  return { diff, files, applied };
}

/** The file's new text; a rewrite that would change more than the bodies is refused with the file named, and nothing is written. */
function rewrite(text: string, extension: TemplateExtension, name: string, fixed: ReadonlyMap<number, { body: string }>): string {
  try {
    return rewriteBodies(text, extension, name, new Map([...fixed].map(([index, { body }]) => [index, body])));
  } catch (error) {
    throw new SourceError(`${name}: the fixes were not written: ${(error as Error).message}`);
  }
}
