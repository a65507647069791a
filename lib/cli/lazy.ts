/* eslint-disable @typescript-eslint/no-require-imports -- `require` inside a function is what defers a module's load */
import type * as Diff from 'diff';
import type * as Tinyglobby from 'tinyglobby';
import type * as Yaml from 'yaml';

/**
 * Libraries that only some runs need, loaded on first use: a run on one `.json` file is
 * mostly Node's start, and each of these took longer to load than that run lints (`yaml`
 * alone about 20 ms). The bin bundles only smslint's own code (`--packages=external`): the
 * packages stay in node_modules, so one that a run never requires is never read either
 * (ajv's compiler and RE2JS, needed for a template's own patterns, likewise; the bin on one
 * file went from 2.2 to 1.95 times a bare `node -e 0`).
 */

/** For `.yaml`/`.yml` templates, YAML `--variables` and `--fix` of a YAML file. */
export const yaml = (): typeof Yaml => require('yaml') as typeof Yaml;

/** For folders and globs, not for a file named as it is. */
export const glob = (): typeof Tinyglobby => require('tinyglobby') as typeof Tinyglobby;

/** For `--fix` and `--fix-dry-run`. */
export const diff = (): typeof Diff => require('diff') as typeof Diff;
