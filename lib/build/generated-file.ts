import * as path from 'node:path';

/** A source file that `npm run generate` writes; a test checks it is what regenerating makes. */
export interface GeneratedFile {
  /** From the project root. */
  path: string;
  source: string;
}

const projectRoot = path.resolve(__dirname, '..', '..');

export function absolutePath(file: GeneratedFile): string {
  return path.join(projectRoot, file.path);
}
