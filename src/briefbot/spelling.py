"""The UN's spelling of a reader's word: "authorisations" and "defense" are the Council's "authorizations" and
"defence".

United Nations documents are written in Oxford spelling: "-ize" verbs ("organized crime", "stabilization") beside
British "-our", "-re", "-ence" and "-mme" ("labour", "centre", "defence", "programme"). Analysts write either
British "-ise" ("authorised", "demobilisation") or American forms ("labor", "defense", "program"), and a stemmer
keeps them apart ("authoris" is not "author"), so a question spelt its reader's way missed the paragraph worded the
Council's way (BM25), scored its sentences as lacking the word (answer stage) and abstained.

:func:`un_word` maps one lower-case word to the UN's spelling (every side alike: the words of a question and of a
passage are compared in it, so a word that merely looks like a variant is changed harmlessly on both);
:func:`un_text` spells a question the UN's way for the rules that read it; :func:`un_spellings` lists the UN
spellings a retrieval query adds beside the reader's own words.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

# "-ise" → "-ize" only after the letters of the "-ize" family ("organ-ise", "author-ise", "stabil-ise",
# "recogn-ise", "critic-ise", "standard-ise"), never after those of words spelt "-ise" everywhere ("advise",
# "exercise", "promise", "surprise", "expertise", "comprise", "enterprise"). At least one letter comes before
# them ("arise" is not "ar-ise").
_IZE = re.compile(r"([a-z]+(?:al|ar|an|gn|il|on|or|it|at|im|er|ol|as|ic|id|rd|in|rn|un|og|ur|iv|th))"
                  r"is(e|es|ed|ing|er|ers|ation|ations|ational|able)")
_NOT_IZE = frozenset({"treatise", "treatises", "valise", "valises"})
# "analyze" → the UN's "analyse".
_YSE = re.compile(r"((?:anal|paral|catal|dial)y)z(e|es|ed|ing|er|ers)")
# American "-or" → "-our" for the words that take it, with the endings that keep it ("honorary", "vigorous" and
# "humorous" do not).
_OUR = re.compile(r"(labo|favo|behavio|neighbo|harbo|hono|armo|colo|rumo|endeavo|vigo|humo|savio|vapo|valo|clamo|"
                  r"rigo|splendo|odo|tumo)r(s|ed|ing|er|ers|ite|ites|able|ably|hood|hoods|ful|less|y)?")
_WORDS = {
    "center": "centre", "centers": "centres", "centered": "centred", "centering": "centring",
    "theater": "theatre", "theaters": "theatres", "fiber": "fibre", "fibers": "fibres",
    "caliber": "calibre", "calibers": "calibres", "liter": "litre", "liters": "litres",
    "meter": "metre", "meters": "metres", "kilometer": "kilometre", "kilometers": "kilometres",
    "millimeter": "millimetre", "millimeters": "millimetres", "centimeter": "centimetre", "centimeters": "centimetres",
    "maneuver": "manoeuvre", "maneuvers": "manoeuvres", "maneuvered": "manoeuvred", "maneuvering": "manoeuvring",
    "defense": "defence", "defenses": "defences", "offense": "offence", "offenses": "offences",
    "pretense": "pretence", "license": "licence", "licenses": "licences",
    "program": "programme", "programs": "programmes",
    "catalog": "catalogue", "catalogs": "catalogues", "dialog": "dialogue", "dialogs": "dialogues",
    "analog": "analogue",
    "traveled": "travelled", "traveling": "travelling", "traveler": "traveller", "travelers": "travellers",
    "canceled": "cancelled", "canceling": "cancelling", "labeled": "labelled", "labeling": "labelling",
    "modeled": "modelled", "modeling": "modelling", "fueled": "fuelled", "fueling": "fuelling",
    "signaled": "signalled", "signaling": "signalling", "channeled": "channelled", "channeling": "channelling",
    "counseling": "counselling", "counselor": "counsellor", "counselors": "counsellors",
    "totaled": "totalled", "totaling": "totalling", "leveled": "levelled", "leveling": "levelling",
    "enrollment": "enrolment", "enrollments": "enrolments", "fulfill": "fulfil", "fulfills": "fulfils",
    "fulfillment": "fulfilment", "installment": "instalment", "installments": "instalments",
    "skillful": "skilful", "willful": "wilful",
    "gray": "grey", "aging": "ageing", "mold": "mould", "skeptical": "sceptical",
    # The UN writes metric tons "tons" (its editorial style); a reader often writes "tonnes".
    "tonne": "ton", "tonnes": "tons",
}


@lru_cache(maxsize=65_536)
def un_word(word: str) -> str:
    """``word`` (lower case) in the UN's spelling; the word itself when it has no other."""
    if word in _WORDS:
        return _WORDS[word]
    if word not in _NOT_IZE and (m := _IZE.fullmatch(word)):
        return f"{m.group(1)}iz{m.group(2)}"
    if m := _YSE.fullmatch(word):
        return f"{m.group(1)}s{m.group(2)}"
    if m := _OUR.fullmatch(word):
        return f"{m.group(1)}ur{m.group(2) or ''}"
    return word


_WORD = re.compile(r"[A-Za-z]+")


def un_text(text: str) -> str:
    """``text`` with each word in the UN's spelling, its capitals kept ("Demobilisation" → "Demobilization")."""
    return respelt(text, un_word)


def respelt(text: str, to: Callable[[str], str]) -> str:
    """``text`` with each word replaced by ``to`` of its lower case, its capitals kept."""
    def spelt(m: re.Match[str]) -> str:
        w = m.group(0)
        other = to(w.lower())
        if other == w.lower():
            return w
        return other.upper() if w.isupper() and len(w) > 1 else other.capitalize() if w[0].isupper() else other
    return _WORD.sub(spelt, text)


def un_spellings(text: str) -> list[str]:
    """The UN spellings of the words of ``text`` spelt otherwise, once each, in order ("authorisations" →
    ["authorizations"])."""
    out: dict[str, None] = {}
    for w in _WORD.findall(text):
        un = un_word(w.lower())
        if un != w.lower():
            out[un] = None
    return list(out)


_READER = {un: reader for reader, un in _WORDS.items()}


def reader_word(word: str) -> str:
    """A spelling of ``word`` (lower case, the UN's) that the UN does not use and :func:`un_word` reads back as it
    ("organization" → "organisation", "defence" → "defense"), or the word itself: what evals/respell.py asks."""
    if "iz" in word:
        british = word[::-1].replace("zi", "si", 1)[::-1]  # the last "iz"
        if un_word(british) == word:
            return british
    if word in _READER:
        return _READER[word]
    if "our" in word and un_word(american := word.replace("our", "or", 1)) == word:
        return american
    if "ys" in word and un_word(american := word[::-1].replace("sy", "zy", 1)[::-1]) == word:
        return american
    return word
