import { existsSync, readdirSync } from 'node:fs';
import * as path from 'node:path';

/** The project root, resolved from this file so it holds from `lib/service` under tsx and jest alike. */
const projectRoot = path.resolve(__dirname, '..', '..');

/** The Lambda entry files by function, as absolute paths (for `NodejsFunction.entry` and the bench). */
export const lambdaEntries = {
  lint: path.join(projectRoot, 'lambdas', 'lint.ts'),
  templates: path.join(projectRoot, 'lambdas', 'templates.ts'),
  dispatch: path.join(projectRoot, 'lambdas', 'dispatch.ts'),
} as const;

export type LambdaName = keyof typeof lambdaEntries;

/**
 * How the engine requires the compilers that only a template's `variables` or a custom
 * rule's options need (lib/engine/runtime-compilers.ts). Left out of every handler's
 * bundle: bundled apart, beside it, they load on the first request that needs them,
 * not at every cold start.
 */
const runtimeCompilersImport = './runtime-compilers';
/** Their bundle's name in a function's asset, beside `index.js`, where that `require` finds it. */
export const runtimeCompilersFile = 'runtime-compilers.js';

/**
 * The locale files the engine reads on first need (lib/engine/locales/index.ts): the models
 * and dictionaries, 342 KiB of its 455 KiB of data (the bench prints the sum). Left out of
 * every bundle and carried beside `index.js` as `en/tone-model.json` and so on, where the
 * bundle's `require('./en/tone-model.json')` finds them: a cold start parses none of them,
 * and a function that lints only English never reads the French ones.
 */
const localeFilesReadOnNeed = ['dictionary.json', 'tone-model.json', 'spam-model.json'];
const localesDir = path.join(projectRoot, 'lib', 'engine', 'locales');

/** The SDK's default credential chain, and what the bundles take instead (lib/service/lambda-credentials.ts). */
const credentialChainImport = '@aws-sdk/credential-provider-node';
const lambdaCredentials = path.join(projectRoot, 'lib', 'service', 'lambda-credentials.ts');

/**
 * How every Lambda is bundled, shared by the CDK stack (`NodejsFunction.bundling`) and
 * `npm run bench` so the measured bundle is the deployed one. The AWS SDK clients are
 * bundled, though the Node 22 runtime ships them: minified in the bundle, their ES module
 * builds first, they load in 0.65-0.7x the time of requiring them from the runtime's
 * node_modules (bench: templates 353 -> 248 ms over bare node, dispatch 383 -> 238), for
 * 230-290 KiB more (without the credential chain: lib/service/lambda-credentials.ts).
 */
export const lambdaBundling = {
  platform: 'node',
  target: 'node22',
  format: 'cjs',
  minify: true,
  sourcemap: false,
  // French locale data written as UTF-8 rather than \u escapes: a few KiB less to load.
  charset: 'utf8',
  legalComments: 'none',
  mainFields: ['module', 'main'],
  // The runtime compilers and the locale files read on first need, as the engine requires
  // them: esbuild keeps each `require` as written, and `besideBundleCommands` puts the
  // files they find beside the handler's.
  external: [runtimeCompilersImport, ...localeFilesReadOnNeed.map((file) => `./*/${file}`)],
  // The role's credentials from the environment, as Lambda gives them, without the chain's other sources.
  alias: { [credentialChainImport]: lambdaCredentials },
} as const;

/**
 * The runtime compilers' bundle (lib/engine/runtime-compilers.ts: ajv's compiler, RE2JS and
 * fast-uri), in the output folder of a handler's bundle as `runtimeCompilersFile`: the
 * esbuild command line, with the handlers' options.
 */
function runtimeCompilersBuild(outputDir: string): string[] {
  const options = lambdaBundling;
  return [
    require.resolve('esbuild/bin/esbuild'),
    path.join(projectRoot, 'lib', 'engine', 'runtime-compilers.ts'),
    '--bundle',
    `--platform=${options.platform}`,
    `--target=${options.target}`,
    `--format=${options.format}`,
    ...(options.minify ? ['--minify'] : []),
    ...(options.sourcemap ? ['--sourcemap'] : []),
    `--charset=${options.charset}`,
    `--legal-comments=${options.legalComments}`,
    `--main-fields=${options.mainFields.join(',')}`,
    '--log-level=warning',
    `--outfile=${path.join(outputDir, runtimeCompilersFile)}`,
  ];
}

/** The locale files read on first need, as paths under the locales folder (`en/tone-model.json`). */
export function localeFilesBesideBundle(): string[] {
  return readdirSync(localesDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .flatMap((entry) => localeFilesReadOnNeed.map((file) => path.join(entry.name, file)))
    .filter((file) => existsSync(path.join(localesDir, file)));
}

/**
 * The commands (program and arguments) that put beside a handler's bundle, in its output
 * folder, the files it requires on first need: the runtime compilers' bundle and the locale
 * files. The stack runs them after bundling each function, the bench beside its bundles.
 */
export function besideBundleCommands(outputDir: string): string[][] {
  const localeFiles = localeFilesBesideBundle();
  return [
    runtimeCompilersBuild(outputDir),
    ['mkdir', '-p', ...new Set(localeFiles.map((file) => path.join(outputDir, path.dirname(file))))],
    ...localeFiles.map((file) => ['cp', path.join(localesDir, file), path.join(outputDir, file)]),
  ];
}
