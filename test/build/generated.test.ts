import { readFileSync } from 'node:fs';
import { generatedFiles } from '../../lib/build/generate';
import { absolutePath } from '../../lib/build/generated-file';

describe('the files generated from other sources', () => {
  // Generated code cannot drift from its sources: after a change, `npm run generate`.
  test.each(generatedFiles().map((file) => [file.path, file]))('%s is what regenerating makes', (_path, file) => {
    expect(readFileSync(absolutePath(file), 'utf8')).toBe(file.source);
  });
});
