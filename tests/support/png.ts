import { crc32, deflateSync } from "node:zlib";

/**
 * Encodes an RGBA image as PNG (colour type 6, 8 bits, no interlace), for
 * tests of seal uploads. `pixel(x, y)` returns [r, g, b, a].
 */
export function encodeRgbaPng(
  width: number,
  height: number,
  pixel: (x: number, y: number) => [number, number, number, number],
  options: { colorType?: 2 | 6 } = {},
): Buffer {
  const colorType = options.colorType ?? 6;
  const channels = colorType === 6 ? 4 : 3;
  const raw = Buffer.alloc((width * channels + 1) * height);
  for (let y = 0; y < height; y += 1) {
    const row = y * (width * channels + 1);
    raw[row] = 0;
    for (let x = 0; x < width; x += 1) {
      const values = pixel(x, y).slice(0, channels);
      values.forEach((value, index) => {
        raw[row + 1 + x * channels + index] = value;
      });
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8;
  header[9] = colorType;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(raw)),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "latin1"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** Encodes a red ring on a transparent background, like a company seal. */
export function sealPng(size = 200): Buffer {
  const centre = size / 2;
  return encodeRgbaPng(size, size, (x, y) => {
    const distance = Math.hypot(x - centre, y - centre);
    const onRing = distance > size * 0.4 && distance < size * 0.47;
    const onStar = distance < size * 0.12;
    return onRing || onStar ? [220, 20, 30, 255] : [0, 0, 0, 0];
  });
}
