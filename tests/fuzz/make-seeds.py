#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Writes the seed corpus of each fuzz target into OUT/TARGET/.

The seeds are the files already in the tree, valid and invalid, so they
are not kept twice in git: catalogs for fuzz-catalog, programs for
fuzz-program and fuzz-handout, and for fuzz-figure every <figure>
element of them, each on its own.  The bundled catalogs (20-60 kB) are
split into one catalog per exercise: small inputs run many times faster
(a 57 kB catalog takes 0.5 s under AddressSanitizer), and libFuzzer
mutates what it is given.  Kept crashers seed their target too.

    make-seeds.py SOURCE_ROOT OUT
"""

import base64
import hashlib
import shutil
import sys
import xml.etree.ElementTree as ET
from pathlib import Path


def files(root, *globs):
    found = []
    for pattern in globs:
        found += [p for p in root.glob(pattern) if p.is_file()]
    return sorted(set(found))


def copy(paths, out):
    out.mkdir(parents=True, exist_ok=True)
    for path in paths:
        # Flat, and named after where it came from.
        shutil.copyfile(path, out / "-".join(path.parts[-3:]))


def figures(paths, out):
    out.mkdir(parents=True, exist_ok=True)
    seen = set()
    for path in paths:
        try:
            tree = ET.parse(path)
        except ET.ParseError:
            continue  # the malformed test files: nothing to take from them
        for figure in tree.iter("figure"):
            figure.tail = None
            data = ET.tostring(figure, encoding="utf-8")
            digest = hashlib.sha1(data).hexdigest()[:12]
            if digest not in seen:
                seen.add(digest)
                (out / f"{path.stem}-{digest}.xml").write_bytes(data)


def split(paths, out):
    """One catalog per exercise, with the file's root element."""
    out.mkdir(parents=True, exist_ok=True)
    for path in paths:
        tree = ET.parse(path)
        root = tree.getroot()
        for i, exercise in enumerate(list(root.iter("exercise"))):
            single = ET.Element(root.tag, root.attrib)
            exercise.tail = None
            single.append(exercise)
            data = b'<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(single, encoding="utf-8")
            (out / f"{path.stem}-{i:02d}.xml").write_bytes(data)


# Small SVGs: shapes, a gradient, a reference inside the file and one
# outside it (which the check must refuse).
SVGS = {
    "shapes.svg": '<svg xmlns="http://www.w3.org/2000/svg" width="120" height="80">'
                  '<rect width="120" height="80" fill="#3584e4"/><circle cx="60" cy="40" r="30"/></svg>',
    "gradient.svg": '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><defs>'
                    '<linearGradient id="g"><stop offset="0" stop-color="red"/></linearGradient></defs>'
                    '<rect width="10" height="10" style="fill:url(#g)"/></svg>',
    "use.svg": '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" '
               'width="10" height="10"><defs><circle id="a" r="2"/></defs><use xlink:href="#a"/></svg>',
    "outside.svg": '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">'
                   '<image href="file:///etc/hostname"/></svg>',
}


def pictures(root, programs, out):
    out.mkdir(parents=True, exist_ok=True)
    copy(files(root, "tests/files/**/*.png", "tests/files/**/*.jpg", "tests/fuzz/seeds/image/*"), out)
    for name, text in SVGS.items():
        (out / name).write_text(text, encoding="utf-8")
    seen = set()
    for path in programs:
        try:
            tree = ET.parse(path)
        except ET.ParseError:
            continue
        for image in tree.iter("image"):
            try:
                data = base64.b64decode((image.text or "").strip(), validate=True)
            except ValueError:
                continue
            digest = hashlib.sha1(data).hexdigest()[:12]
            if data and digest not in seen:
                seen.add(digest)
                (out / f"{path.stem}-{digest}.img").write_bytes(data)


def main():
    root, out = Path(sys.argv[1]), Path(sys.argv[2])
    crashers = root / "tests" / "fuzz" / "crashers"
    catalogs = files(root, "tests/files/catalog/**/*.xml", "tests/files/figure/*.xml")
    bundled = files(root, "data/catalog/*.xml")
    programs = files(root, "tests/files/program/**/*.limber", "data/examples/*.limber")

    copy(catalogs + files(crashers, "catalog/*"), out / "catalog")
    split(bundled, out / "catalog")
    copy(programs + files(crashers, "program/*"), out / "program")
    copy(programs + files(crashers, "handout/*"), out / "handout")
    figures(catalogs + bundled + programs, out / "figure")
    copy(files(crashers, "figure/*"), out / "figure")
    pictures(root, programs, out / "image")
    copy(files(crashers, "image/*"), out / "image")
    # Caches of the test catalogs, written by the cache's own writer
    # (kept in tests/fuzz/seeds/cache: Python does not write them).
    copy(files(root, "tests/fuzz/seeds/cache/*") + files(crashers, "cache/*"), out / "cache")


if __name__ == "__main__":
    main()
