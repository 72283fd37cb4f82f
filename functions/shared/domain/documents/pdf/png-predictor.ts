import { UnsupportedPdfError } from './unsupported-pdf-error.ts';

/**
 * Undoes the PNG row filters (predictors 10 to 15) that cross-reference and object streams are
 * often compressed with: each row starts with the byte naming its filter.
 */
export function undoPngPredictor(data: Uint8Array, colors: number, bitsPerComponent: number, columns: number): Buffer {
  const bytesPerPixel = Math.max(1, Math.ceil((colors * bitsPerComponent) / 8));
  const rowLength = Math.ceil((columns * colors * bitsPerComponent) / 8);
  if (rowLength <= 0) throw new UnsupportedPdfError('invalid predictor parameters');
  const rows = Math.floor(data.length / (rowLength + 1));
  const out = Buffer.alloc(rows * rowLength);
  for (let row = 0; row < rows; row += 1) {
    const filter = data[row * (rowLength + 1)];
    const source = row * (rowLength + 1) + 1;
    const start = row * rowLength;
    const previous = start - rowLength;
    for (let column = 0; column < rowLength; column += 1) {
      const raw = data[source + column]!;
      const left = column >= bytesPerPixel ? out[start + column - bytesPerPixel]! : 0;
      const up = row > 0 ? out[previous + column]! : 0;
      const upLeft = row > 0 && column >= bytesPerPixel ? out[previous + column - bytesPerPixel]! : 0;
      out[start + column] = (raw + predicted(filter, left, up, upLeft)) & 0xff;
    }
  }
  return out;
}

function predicted(filter: number | undefined, left: number, up: number, upLeft: number): number {
  switch (filter) {
    case 0:
      return 0;
    case 1:
      return left;
    case 2:
      return up;
    case 3:
      return (left + up) >> 1;
    case 4: {
      const estimate = left + up - upLeft;
      const toLeft = Math.abs(estimate - left);
      const toUp = Math.abs(estimate - up);
      const toUpLeft = Math.abs(estimate - upLeft);
      if (toLeft <= toUp && toLeft <= toUpLeft) return left;
      return toUp <= toUpLeft ? up : upLeft;
    }
    default:
      throw new UnsupportedPdfError(`unknown PNG row filter ${filter}`);
  }
}
