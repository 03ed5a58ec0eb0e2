#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Reading level of a handout's patient text, read back from its PDF,
or of the patient texts of catalogs.

    build-aux/readability.py [--lang en|es|de|fr] [--show] HANDOUT.pdf...
    build-aux/readability.py --catalog [--lang en|es|de|fr] [--show] CATALOG.xml...

With --catalog, the texts a patient reads (name, summary, shorten,
lengthen, pressure by="self", feel, caution) in that language are
measured, each text its own block (a name is one sentence).

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
German: Amstad's Flesch (Flesch reading ease fitted to German)
    180 - words/sentence - 58.5 syllables/word
French: Kandel-Moles (Flesch reading ease fitted to French)
    207 - 1.015 words/sentence - 73.6 syllables/word
  For both, as Flesch's: 90-100 very easy (4th-5th grade), 80-90 easy
  (6th grade), 70-80 fairly easy (7th grade), 60-70 standard.

Syllables are counted by rule (vowel groups; in Spanish with diphthongs
and hiatus; in German ie, ei, eu, au, äu, ai as one vowel and ä, ö, ü as
vowels; in French a silent final e, es and verb ending ent), which is
what these formulas were fitted with.
"""

import argparse
import re
import subprocess
import sys
import xml.etree.ElementTree as ET

LANGS = ("en", "es", "de", "fr")
WEEKDAYS = {
    "en": "mon tue wed thu fri sat sun m t w f s".split(),
    "es": "lun mar mié jue vie sáb dom l m x j v s d".split(),
    "de": "mo di mi do fr sa so m d f s".split(),
    "fr": "lun mar mer jeu ven sam dim l m j v s d".split(),
}
LOG_START = {"en": "Your exercise log", "es": "Tu registro de ejercicios",
             "de": "Ihr Übungsplan zum Abhaken", "fr": "Votre carnet d’exercices"}
LOG_END = {"en": "Your notes", "es": "Tus notas", "de": "Ihre Notizen", "fr": "Vos notes"}
SUMMARY = ("Your program:", "Tu programa:", "Ihr Programm:", "Votre programme\u00a0:", "Votre programme :")
PAGE = re.compile(r"^(Page \d+ of \d+|Página \d+ de \d+|Seite \d+ von \d+|Page \d+ sur \d+)$")
CAPTIONS = {"Start", "Move", "Inicio", "Movimiento", "Anfang", "Bewegung", "Départ", "Mouvement"}
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
PATIENT_TEXTS = ("name", "summary", "shorten", "lengthen", "pressure", "feel", "caution")


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
                if line.startswith(SUMMARY):
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


GERMAN_VOWELS = re.compile(r"ie|ei|eu|au|äu|ai|ey|ay|aa|ee|oo|[aeiouyäöü]")


def syllables_de(word):
    """Vowel groups, each diphthong or doubled vowel one syllable:
    "Oberschenkel" 4, "Knie" 1, "ziehen" 2, "Bauer" 2."""
    w = word.lower()
    if w.isdigit():
        return 1
    n = 0
    for group in re.findall(r"[aeiouyäöü]+", w):
        n += len(GERMAN_VOWELS.findall(group))
    return max(n, 1)


def syllables_fr(word):
    """Vowel groups, less a silent final e, es or verb ending ent:
    "jambe" 1, "jambes" 1, "tombent" 1, "lentement" 3, "le" 1."""
    w = word.lower().replace("’", "'").split("'")[-1]
    if w.isdigit():
        return 1
    n = len(re.findall(r"[aeiouyàâäéèêëîïôöùûüÿœæ]+", w))
    if n > 1 and (re.search(r"[^aeiouyàâäéèêëîïôöùûüÿœæ](e|es)$", w)
                  or (w.endswith("ent") and not w.endswith("ment"))):
        n -= 1
    return max(n, 1)


SYLLABLES = {"en": syllables_en, "es": syllables_es, "de": syllables_de, "fr": syllables_fr}


def flesch_band(score):
    return ("very easy, 4th-5th grade" if score >= 90 else "easy, 6th grade" if score >= 80
            else "fairly easy, 7th grade" if score >= 70 else "standard, 8th-9th grade" if score >= 60
            else "difficult")


def scores(sents, lang):
    words = [w for s in sents for w in words_of(s)]
    syl = sum(SYLLABLES[lang](w) for w in words)
    wps, spw = len(words) / len(sents), syl / len(words)
    line = f"{len(sents)} sentences, {len(words)} words, {wps:.1f} words/sentence, {spw:.2f} syllables/word: "
    if lang == "de":
        amstad = 180 - wps - 58.5 * spw
        return amstad, line + f"Amstad {amstad:.1f} ({flesch_band(amstad)})"
    if lang == "fr":
        km = 207 - 1.015 * wps - 73.6 * spw
        return km, line + f"Kandel-Moles {km:.1f} ({flesch_band(km)})"
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


def catalog_texts(path, lang):
    """The patient texts of one catalog in @lang, in file order."""
    root = ET.parse(path).getroot()
    default = root.get(XML_LANG, "en")
    texts = []
    for exercise in root.iter("exercise"):
        for element in exercise:
            if element.tag not in PATIENT_TEXTS or element.get("by", "self") != "self":
                continue
            if element.get(XML_LANG, default) == lang and element.text and element.text.strip():
                texts.append(" ".join(element.text.split()))
    return texts


def measure_catalogs(paths, lang, show):
    texts = [t for path in paths for t in catalog_texts(path, lang)]
    if not texts:
        print(f"no {lang} patient texts in {', '.join(paths)}")
        return None
    # Each text is a block: a name without a full stop is one sentence.
    sents = [s for s in sentences([line for t in texts for line in (t, "")]) if words_of(s)]
    if show:
        for s in sents:
            print("  |", s)
    value, line = scores(sents, lang)
    print(f"{lang}, {len(texts)} patient texts of {len(paths)} catalog(s):")
    print(f"  {line}")
    return value


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--lang", choices=LANGS, default="en")
    parser.add_argument("--catalog", action="store_true", help="measure catalog XML files, not handout PDFs")
    parser.add_argument("--show", action="store_true", help="print the sentences counted")
    parser.add_argument("files", nargs="+", metavar="FILE")
    args = parser.parse_args()
    if args.catalog:
        measure_catalogs(args.files, args.lang, args.show)
        return 0
    for path in args.files:
        measure(path, args.lang, args.show)
    return 0


if __name__ == "__main__":
    sys.exit(main())
