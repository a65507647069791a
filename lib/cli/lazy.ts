/* eslint-disable @typescript-eslint/no-require-imports -- `require` inside a function is what defers a module's load */
import type * as Diff from 'diff';
import type * as Tinyglobby from 'tinyglobby';
import type * as Yaml from 'yaml';

/**
 * Libraries that only some runs need, loaded on first use: a run on one `.json` file is
 * mostly Node's start, and each of these took longer to load than that run lints (`yaml`
 * alone about 20 ms). In the bundled bin, esbuild keeps such a `require` lazy too.
 */

/** For `.yaml`/`.yml` templates, YAML `--variables` and `--fix` of a YAML file. */
export const yaml = (): typeof Yaml => require('yaml') as typeof Yaml;

/** For folders and globs, not for a file named as it is. */
export const glob = (): typeof Tinyglobby => require('tinyglobby') as typeof Tinyglobby;

/** For `--fix` and `--fix-dry-run`. */
export const diff = (): typeof Diff => require('diff') as typeof Diff;
