/** The playground page, as one HTML document. Placeholder until the playground lands. */
export function renderPlaygroundPage(): string {
  return '<!doctype html><html lang="en"><title>smslint</title><h1>smslint</h1></html>';
}
