#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Reading level of a handout's patient text, read back from its PDF.

    build-aux/readability.py [--lang en|es] [--show] HANDOUT.pdf...

The text comes from pdftotext (poppler-utils); what is not prose for the
patient is left out: the header's labels and values, the running header
and page numbers, the picture captions, the step numbers and the
tick-box log.  Headings and lines that end a block count as sentences,
as readability tools count them.

English: Flesch-Kincaid grade
    0.39 words/sentence + 11.8 syllables/word - 15.59
Spanish: Fernández-Huerta (with words per sentence, as corrected)
    206.84 - 0.60 syllables per 100 words - 1.02 words/sentence
  70-80 is "bastante fácil" (6th grade), 80-90 "fácil" (5th grade);
and Szigriszt-Pazos / INFLESZ
    206.835 - 62.3 syllables/word - words/sentence
  65-80 is "bastante fácil" (primary school), 55-65 "normal".

Syllables are counted by rule (vowel groups; in Spanish with diphthongs
and hiatus), which is what these formulas were fitted with.
"""

import argparse
import re
import subprocess
import sys

WEEKDAYS = {
    "en": "mon tue wed thu fri sat sun m t w f s".split(),
    "es": "lun mar mié jue vie sáb dom l m x j v s d".split(),
}
LOG_START = {"en": "Your exercise log", "es": "Tu registro de ejercicios"}
LOG_END = {"en": "Your notes", "es": "Tus notas"}
PAGE = re.compile(r"^(Page \d+ of \d+|Página \d+ de \d+)$")
CAPTIONS = {"Start", "Move", "Inicio", "Movimiento"}


def pdf_text(path):
    return subprocess.run(["pdftotext", "-enc", "UTF-8", path, "-"], check=True,
                          capture_output=True, text=True).stdout


def prose_lines(text, lang):
    """The lines of patient prose, page by page, blocks kept apart by ""."""
    out = []
    for page_no, page in enumerate(text.split("\f")):
        lines = [line.strip() for line in page.split("\n")]
        if page_no == 0:
            # The header: clinic, title, labels and values, up to the summary.
            for i, line in enumerate(lines):
                if line.startswith(("Your program:", "Tu programa:")):
                    lines = lines[i:]
                    break
        in_log = False
        for line in lines:
            if line.startswith(LOG_START[lang]):
                in_log = True
            elif line.startswith(LOG_END[lang]):
                in_log = False
            if in_log or PAGE.match(line) or line in CAPTIONS:
                out.append("")
                continue
            words = line.split()
            if not words or re.fullmatch(r"[\d–\-]+", line):
                out.append("")
                continue
            if all(w.lower().strip(".") in WEEKDAYS[lang] or w.isdigit() for w in words):
                out.append("")
                continue
            out.append(line)
        out.append("")
    return out


def running_header(text):
    """The later pages' running header lines (the same on every page)."""
    pages = text.split("\f")
    if len(pages) < 3:
        return set()
    first = {line.strip() for line in pages[1].split("\n")[:6] if line.strip()}
    return {line for line in first
            if all(line in {l.strip() for l in p.split("\n")} for p in pages[1:-1])}


def sentences(lines):
    """Joins wrapped lines; a sentence ends at . ! ? or at a line that
    ends a block or is followed by one that starts with a capital."""
    result, current = [], []
    for i, line in enumerate(lines):
        if not line:
            if current:
                result.append(" ".join(current))
                current = []
            continue
        current.append(line.replace(" · ", ", "))
        nxt = lines[i + 1] if i + 1 < len(lines) else ""
        if nxt and nxt[0].isupper() and not line.endswith((",", "·", "—", "-")):
            result.append(" ".join(current))
            current = []
    if current:
        result.append(" ".join(current))
    split = []
    for chunk in result:
        for s in re.split(r"(?<=[.!?])\s+", chunk):
            if re.search(r"[^\W\d_]", s):
                split.append(s)
    return split


def words_of(sentence):
    return re.findall(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*|\d+", sentence)


def syllables_en(word):
    w = word.lower()
    if w.isdigit():
        return 1
    groups = re.findall(r"[aeiouy]+", w)
    n = len(groups)
    if w.endswith("e") and not w.endswith(("le", "ee", "ye")) and n > 1:
        n -= 1
    if w.endswith(("ed", "es")) and n > 1 and not re.search(r"[td]ed$|[sxz]es$|[cg]es$|[sc]hes$|[^aeiouy]les$", w):
        n -= 1
    return max(n, 1)


STRONG = set("aeoáéó")
ACCENTED_WEAK = set("íú")
WEAK = set("iuü")


def syllables_es(word):
    w = word.lower()
    if w.isdigit():
        return 2
    w = re.sub(r"(?<=[qg])u(?=[eéií])", "", w)   # que, qui, gue, gui: a silent u
    w = re.sub(r"y$", "i", w)                     # hoy, muy: a vowel at the end
    n = 0
    for group in re.findall(r"[aeiouáéíóúü]+", w):
        n += 1
        for a, b in zip(group, group[1:]):
            # Hiatus: two strong vowels, or a stressed weak one.
            if (a in STRONG and b in STRONG) or a in ACCENTED_WEAK or b in ACCENTED_WEAK:
                n += 1
    return max(n, 1)


def scores(sents, lang):
    words = [w for s in sents for w in words_of(s)]
    count = syllables_en if lang == "en" else syllables_es
    syl = sum(count(w) for w in words)
    wps, spw = len(words) / len(sents), syl / len(words)
    line = f"{len(sents)} sentences, {len(words)} words, {wps:.1f} words/sentence, {spw:.2f} syllables/word: "
    if lang == "en":
        grade = 0.39 * wps + 11.8 * spw - 15.59
        return grade, line + f"Flesch-Kincaid grade {grade:.1f}, reading ease {206.835 - 1.015 * wps - 84.6 * spw:.0f}"
    fh = 206.84 - 0.60 * spw * 100 - 1.02 * wps
    inflesz = 206.835 - 62.3 * spw - wps
    band = ("4th grade" if fh >= 90 else "5th grade" if fh >= 80 else "6th grade" if fh >= 70
            else "7th-8th grade" if fh >= 60 else "harder")
    ease = "bastante fácil or easier" if inflesz >= 65 else "normal" if inflesz >= 55 else "difficult"
    return fh, line + f"Fernández-Huerta {fh:.1f} ({band}), INFLESZ {inflesz:.1f} ({ease})"


def measure(path, lang, show):
    text = pdf_text(path)
    header = running_header(text)
    lines = [("" if line in header else line) for line in prose_lines(text, lang)]
    sents = [s for s in sentences(lines) if words_of(s)]
    # Only full sentences (ending in . ! ?): no headings or labels, which
    # makes the grade higher, not lower.
    full = [s for s in sents if s.rstrip().endswith((".", "!", "?"))]
    if show:
        for s in sents:
            print("  |", s)
    print(f"{path}:")
    value, line = scores(sents, lang)
    print(f"  all text:       {line}")
    value_full, line = scores(full, lang)
    print(f"  sentences only: {line}")
    return value_full


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--lang", choices=("en", "es"), default="en")
    parser.add_argument("--show", action="store_true", help="print the sentences counted")
    parser.add_argument("pdf", nargs="+")
    args = parser.parse_args()
    for path in args.pdf:
        measure(path, args.lang, args.show)
    return 0


if __name__ == "__main__":
    sys.exit(main())
