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
 * How every Lambda is bundled, shared by the CDK stack (`NodejsFunction.bundling`) and
 * `npm run bench` so the measured bundle is the deployed one. The AWS SDK clients are
 * bundled, though the Node 22 runtime ships them: minified in the bundle, their ES module
 * builds first, they load in 0.65-0.7x the time of requiring them from the runtime's
 * node_modules (bench: templates 353 -> 248 ms over bare node, dispatch 383 -> 238), for
 * 350-400 KiB more.
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
  external: [],
} as const;
