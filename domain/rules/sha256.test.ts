import { describe, expect, it } from 'vitest';
import { fromHex, sha256Hex, toHex, utf8 } from './sha256.ts';

// Vectors: FIPS 180-2 examples ('abc', the 448- and 896-bit messages, one million 'a') plus padding
// boundaries (55/56/63/64/119/120 bytes) and multi-byte UTF-8, cross-checked with OpenSSL/node:crypto.
const VECTORS: [string, string][] = [
  ['', 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'],
  ['abc', 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'],
  [
    'abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq',
    '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
  ],
  [
    'abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu',
    'cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1',
  ],
  [
    'The quick brown fox jumps over the lazy dog',
    'd7a8fbb307d7809469ca9abcb0082e4f8d5651e46d3cdb762d02d0bf37c9e592',
  ],
  ['a'.repeat(55), '9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318'],
  ['a'.repeat(56), 'b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a'],
  ['a'.repeat(63), '7d3e74a05d7db15bce4ad9ec0658ea98e3f06eeecf16b4c6fff2da457ddc2f34'],
  ['a'.repeat(64), 'ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb'],
  ['a'.repeat(119), '31eba51c313a5c08226adf18d4a359cfdfd8d2e816b13f4af952f7ea6584dcfb'],
  ['a'.repeat(120), '2f3d335432c70b580af0e8e1b3674a7c020d683aa5f73aaaedfdc55af904c21c'],
  ['托育 Tuoyu 👶', 'd29434c154c01b508ab26fa94fe1a466b3a52017f4785eb5732c5ca050014bc5'],
];

describe('sha256', () => {
  it.each(VECTORS)('hashes %#', (input, hex) => {
    expect(sha256Hex(input)).toBe(hex);
  });

  it('hashes one million "a" (FIPS 180-2)', () => {
    expect(sha256Hex('a'.repeat(1_000_000))).toBe(
      'cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0',
    );
  });

  it('hashes bytes and strings the same way', () => {
    expect(sha256Hex(utf8('abc'))).toBe(sha256Hex('abc'));
  });

  it.each([
    ['00ff10', [0, 255, 16]],
    ['', []],
  ] as [string, number[]][])('round-trips hex %s', (hex, bytes) => {
    expect([...(fromHex(hex) ?? [])]).toEqual(bytes);
    expect(toHex(Uint8Array.from(bytes))).toBe(hex);
  });

  it.each(['abc', 'zz', '0g'])('rejects bad hex %s', (hex) => {
    expect(fromHex(hex)).toBeNull();
  });

  it('encodes UTF-8 like the standard (3- and 4-byte sequences)', () => {
    expect([...utf8('托')]).toEqual([0xe6, 0x89, 0x98]);
    expect([...utf8('👶')]).toEqual([0xf0, 0x9f, 0x91, 0xb6]);
    expect([...utf8('é')]).toEqual([0xc3, 0xa9]);
    expect([...utf8('\ud800x')]).toEqual([0xef, 0xbf, 0xbd, 0x78]); // lone surrogate → U+FFFD, like TextEncoder
  });
});
