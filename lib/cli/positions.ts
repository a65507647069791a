/** A 1-based line and column; columns count UTF-16 code units, as the engine's offsets do. */
export interface Position {
  line: number;
  column: number;
}

/**
 * Returns a function from UTF-16 offsets in `text` to lines and columns: the line starts
 * are found once and each look-up is a binary search, so many look-ups stay cheap.
 */
export function positionsIn(text: string): (offset: number) => Position {
  const lineStarts = [0];
  for (let newline = text.indexOf('\n'); newline >= 0; newline = text.indexOf('\n', newline + 1)) lineStarts.push(newline + 1);
  return (offset) => {
    let low = 0;
    let high = lineStarts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (lineStarts[middle] <= offset) low = middle;
      else high = middle - 1;
    }
    return { line: low + 1, column: offset - lineStarts[low] + 1 };
  };
}
