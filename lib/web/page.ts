import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSync } from 'esbuild';

/** Browsers the page's script and style are compiled for. */
const BROWSER_TARGETS = ['chrome109', 'edge109', 'firefox115', 'safari15'];

let page: string | undefined;

/**
 * The playground page, as one HTML document with its script and style inline (so API Gateway
 * serves it from one Lambda with one response). Built with esbuild on first call, then cached.
 * esbuild is a devDependency: call this at build time or in the local server, never in a Lambda.
 */
export function renderPlaygroundPage(): string {
  page ??= assemble();
  return page;
}

function assemble(): string {
  const { script, style } = bundle();
  const html = readFileSync(join(__dirname, 'page.html'), 'utf8');
  // Replacement functions: `$` in the bundle must not be read as a replacement pattern.
  return html.replace('/*STYLE*/', () => style).replace('/*SCRIPT*/', () => script);
}

/** The minified browser bundle of `client.ts` and the minified `playground.css`. */
export function bundle(): { script: string; style: string } {
  const result = buildSync({
    entryPoints: [join(__dirname, 'client.ts'), join(__dirname, 'playground.css')],
    bundle: true,
    minify: true,
    format: 'iife',
    platform: 'browser',
    target: BROWSER_TARGETS,
    charset: 'utf8',
    legalComments: 'none',
    outdir: 'playground',
    write: false,
  });
  const output = (extension: string) => {
    const file = result.outputFiles.find((candidate) => candidate.path.endsWith(extension));
    if (!file) throw new Error(`playground: esbuild produced no ${extension} file`);
    return file.text.trim();
  };
  // Inline, a closing tag inside a string would end the block early.
  return { script: output('.js').replaceAll('</script', '<\\/script'), style: output('.css').replaceAll('</style', '<\\/style') };
}
