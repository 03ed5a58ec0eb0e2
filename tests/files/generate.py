#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Regenerates the test files that are binary or too big to write by hand.

Run from anywhere: python3 tests/files/generate.py
The output is committed; run this only to change these files. Every other
file under tests/files/ is written by hand (see README.md).
"""
import base64
import os
import struct
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))


def write(rel, data):
    path = os.path.join(HERE, rel)
    with open(path, "wb") as f:
        f.write(data)
    print(f"{rel}: {len(data)} bytes")


def png_chunk(kind, data):
    return (struct.pack(">I", len(data)) + kind + data
            + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF))


def png(width, height, rows, color_type=6):
    """rows: list of raw pixel rows (bytes, without the filter byte)."""
    raw = b"".join(b"\x00" + r for r in rows)
    return (b"\x89PNG\r\n\x1a\n"
            + png_chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8,
                                             color_type, 0, 0, 0))
            + png_chunk(b"IDAT", zlib.compress(raw, 9))
            + png_chunk(b"IEND", b""))


def dot_png(rgb):
    """4x4 RGBA: transparent, with an opaque 2x2 dot in the middle."""
    clear = b"\x00\x00\x00\x00"
    dot = bytes(rgb) + b"\xff"
    edge = clear * 4
    middle = clear + dot + dot + clear
    return png(4, 4, [edge, middle, middle, edge])


def huge_png():
    """A real PNG header declaring 30000 x 30000 RGB (900 megapixels).

    Only the first row of pixel data is present (it compresses to a few
    bytes), so the file is tiny; a loader that decodes before checking the
    size would allocate 2.7 GB."""
    w = h = 30000
    first_row = b"\x00" + b"\x00" * (w * 3)
    return (b"\x89PNG\r\n\x1a\n"
            + png_chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0))
            + png_chunk(b"IDAT", zlib.compress(first_row, 9))
            + png_chunk(b"IEND", b""))


def wrap64(data, indent):
    b64 = base64.b64encode(data).decode("ascii")
    return "\n".join(indent + b64[i:i + 76] for i in range(0, len(b64), 76))


def main():
    write("catalog/valid/images/dot.png", dot_png((0x1c, 0x71, 0xd8)))
    write("catalog/valid/images/iliopsoas.png", dot_png((0xc0, 0x1c, 0x28)))

    # A valid catalog in UTF-16 (little-endian, with BOM).
    utf16 = """<?xml version="1.0" encoding="UTF-16"?>
<limber-catalog version="1" xml:lang="es">
  <title>Catálogo en UTF-16</title>
  <exercise id="gluteo-sentado">
    <name>Liberación del glúteo mayor, sentado</name>
    <name xml:lang="en">Seated gluteus maximus release</name>
    <region>hip</region>
    <tissue>gluteus-maximus</tissue>
    <position>seated</position>
    <equipment>ball</equipment>
    <equipment>chair</equipment>
    <summary>Siéntese sobre una pelota y cruce el tobillo sobre la rodilla.</summary>
    <caution>Deténgase si siente hormigueo en la pierna.</caution>
    <dosage sets="2" reps="8" side="both"/>
  </exercise>
</limber-catalog>
"""
    write("catalog/valid/utf16.xml", b"\xff\xfe" + utf16.encode("utf-16-le"))

    # Raw bytes 0xC3 0x28 (a UTF-8 lead byte followed by "(") in a name.
    bad = (b'<?xml version="1.0" encoding="UTF-8"?>\n'
           b'<!-- expect: 5: UTF-8 -->\n'
           b'<limber-catalog version="1" xml:lang="es">\n'
           b'  <exercise id="gluteo">\n'
           b'    <name>Gl\xc3(teo</name>\n'
           b'    <region>hip</region>\n'
           b'    <tissue>gluteus-maximus</tissue>\n'
           b'  </exercise>\n'
           b'</limber-catalog>\n')
    write("catalog/invalid/invalid-utf8.xml", bad)

    # 10,000 nested elements on line 7; libxml2 stops at depth 256.
    depth = 10000
    deep = ('<?xml version="1.0" encoding="UTF-8"?>\n'
            '<!-- expect: 7: depth -->\n'
            '<limber-catalog version="1">\n'
            '  <exercise id="deep">\n'
            '    <name>Deep</name>\n'
            '    <region>hip</region>\n'
            '    <summary>' + "<b>" * depth + "x" + "</b>" * depth
            + '</summary>\n'
            '    <tissue>iliopsoas</tissue>\n'
            '  </exercise>\n'
            '</limber-catalog>\n')
    write("catalog/invalid/deep-nesting.xml", deep.encode("ascii"))

    # One 5,000-character entity referenced 3,000 times: 15 MB once
    # expanded, though the file is small and well-formed.
    refs = "&a;" * 3000
    quad = ('<?xml version="1.0" encoding="UTF-8"?>\n'
            '<!-- expect: 3: DOCTYPE -->\n'
            '<!DOCTYPE limber-catalog [\n'
            '  <!ENTITY a "' + "a" * 5000 + '">\n'
            ']>\n'
            '<limber-catalog version="1">\n'
            '  <exercise id="quadratic">\n'
            '    <name>Quadratic blowup</name>\n'
            '    <region>hip</region>\n'
            '    <tissue>iliopsoas</tissue>\n'
            '    <summary>' + refs + '</summary>\n'
            '  </exercise>\n'
            '</limber-catalog>\n')
    write("catalog/invalid/quadratic-blowup.xml", quad.encode("ascii"))

    # A program whose snapshot embeds a PNG declaring 30000 x 30000.
    huge = ('<?xml version="1.0" encoding="UTF-8"?>\n'
            '<!-- expect: 13: image 30000 -->\n'
            '<limber-program version="1" xml:lang="en">\n'
            '  <title>Huge image</title>\n'
            '  <patient name="Jane Doe"/>\n'
            '  <created>2026-11-24</created>\n'
            '  <item exercise="hip-flexor-release">\n'
            '    <dosage sets="2" reps="5"/>\n'
            '    <exercise id="hip-flexor-release">\n'
            '      <name>Hip flexor release</name>\n'
            '      <region>hip</region>\n'
            '      <tissue>iliopsoas</tissue>\n'
            '      <image type="image/png" alt="A dot">\n'
            + wrap64(huge_png(), "        ") + '\n'
            '      </image>\n'
            '    </exercise>\n'
            '  </item>\n'
            '</limber-program>\n')
    write("program/invalid/image-huge-png.limber", huge.encode("ascii"))


if __name__ == "__main__":
    main()
