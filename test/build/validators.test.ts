import { readFileSync } from 'node:fs';
import { absolutePath, generatedValidators } from '../../lib/build/validators';

describe('the validators generated from the schemas', () => {
  // Generated code cannot drift from its schemas: after a change, `npm run validators`.
  test.each(generatedValidators().map((file) => [file.path, file]))('%s is what regenerating makes', (_path, file) => {
    expect(readFileSync(absolutePath(file), 'utf8')).toBe(file.source);
  });
});
