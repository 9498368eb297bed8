#!/usr/bin/python3
"""Builds the runtime data of the ifeval verifier (data/ifeval/*.json).

Everything the TypeScript ports need from the Python world is extracted here, once, so that the
verifier behaves like the reference checkers without Python at run time:

  python-unicode.json  character classes exactly as CPython 3.11 (Unicode 14.0) defines them:
                       re's \\w, \\s, \\d for str patterns, and str.isupper/islower/isalpha/isalnum/
                       isdigit per character. JavaScript's \\p{...} tables follow the Node build's
                       Unicode version and differ (\\s, new letters), so we ship Python's.
  punkt-english.json   NLTK punkt English parameters (from the corpus' punkt_english_params.json).
  langdetect.json      langdetect 1.0.9 profiles (55 languages, the reference's load order) and the
                       normalisation tables of its messages.properties.
  emoji.json           the single-code-point keys of emoji 2.14.1's EMOJI_DATA (what emoji.is_emoji
                       answers True for on one character).
  syllapy.json         syllapy 0.7.2's known-word syllable counts.
  stopwords-english.json  NLTK's English stop word list (179 words, nltk_data 2021).
  pos-tagger.json      NLTK's averaged perceptron tagger (nltk_data 2015 pickle), pruned to the
                       features that can fire on the first token of a text (the only tag IFBench's
                       words:start_verb reads) and its tag dictionary.

Run with the reference Python (Debian bookworm: python3 3.11, python3-nltk 3.8, python3-langdetect
1.0.9) and the sources passed as environment variables:

  CORPUS=/work/shared/corpora/ifeval EMOJI_SRC=<emoji 2.14.1 checkout> SYLLAPY_SRC=<syllapy checkout>
  NLTK_DATA_SRC=<dir with corpora/stopwords/english and taggers/averaged_perceptron_tagger/...>
  python3 scripts/ifeval-data/build.py data/ifeval
"""
import json
import os
import pickle
import re
import sys
import unicodedata

OUT = sys.argv[1] if len(sys.argv) > 1 else 'data/ifeval'
CORPUS = os.environ.get('CORPUS', '/work/shared/corpora/ifeval')


def write(name, obj):
    path = os.path.join(OUT, name)
    with open(path, 'w', encoding='utf-8') as f:
        json.dump(obj, f, ensure_ascii=False, separators=(',', ':'))
    print(f'{path}: {os.path.getsize(path)} bytes')


def ranges(pred):
    """Code point ranges [[lo, hi], ...] where pred(chr(cp)) holds (surrogates excluded)."""
    out, start = [], None
    for cp in range(0x110000):
        ok = not (0xD800 <= cp <= 0xDFFF) and pred(chr(cp))
        if ok and start is None:
            start = cp
        elif not ok and start is not None:
            out.append([start, cp - 1])
            start = None
    if start is not None:
        out.append([start, 0x10FFFF])
    return out


def build_unicode():
    w, s, d = re.compile(r'\w'), re.compile(r'\s'), re.compile(r'\d')
    write('python-unicode.json', {
        'source': f'CPython {sys.version.split()[0]}, unicodedata {unicodedata.unidata_version}',
        'word': ranges(lambda c: w.match(c) is not None),
        'space': ranges(lambda c: s.match(c) is not None),
        'decimal': ranges(lambda c: d.match(c) is not None),
        'upper': ranges(str.isupper),
        'lower': ranges(str.islower),
        'title': ranges(lambda c: unicodedata.category(c) == 'Lt'),
        'alpha': ranges(str.isalpha),
        'alnum': ranges(str.isalnum),
        'digit': ranges(str.isdigit),
    })


def build_punkt():
    with open(os.path.join(CORPUS, 'punkt_english_params.json'), encoding='utf-8') as f:
        p = json.load(f)
    write('punkt-english.json', {
        'source': p['source'],
        'abbrev_types': sorted(p['abbrev_types']),
        'collocations': sorted(p['collocations']),
        'sent_starters': sorted(p['sent_starters']),
        'ortho_context': p['ortho_context'],
    })


def build_langdetect():
    import langdetect
    from langdetect.utils import messages
    from langdetect.utils.ngram import NGram
    pdir = os.path.join(CORPUS, 'langdetect-profiles')
    # The reference loads profiles in os.listdir order of its installed profiles directory; the
    # order only decides float summation order. This is the order on the machine that produced
    # the reference corpus files (Debian python3-langdetect 1.0.9).
    order = os.listdir(os.path.join(os.path.dirname(langdetect.__file__), 'profiles'))
    langs, n_words, grams = [], [], {}
    for i, name in enumerate(order):
        with open(os.path.join(pdir, name), encoding='utf-8') as f:
            prof = json.load(f)
        langs.append(prof['name'])
        n_words.append(prof['n_words'])
        for gram, freq in prof['freq'].items():
            if 1 <= len(gram) <= 3:
                grams.setdefault(gram, []).extend([i, freq])
    g = messages.get_string
    write('langdetect.json', {
        'source': 'langdetect 1.0.9 profiles and messages.properties',
        'langs': langs,
        'n_words': n_words,
        'grams': grams,
        'latin1_excluded': g('NGram.LATIN1_EXCLUDE'),
        'cjk_classes': list(NGram.CJK_CLASS),
        'vi_to_normalize': g('TO_NORMALIZE_VI_CHARS'),
        'vi_dmark': g('DMARK_CLASS'),
        'vi_normalized': [g('NORMALIZED_VI_CHARS_' + m) for m in ('0300', '0301', '0303', '0309', '0323')],
    })


def build_emoji():
    sys.path.insert(0, os.environ['EMOJI_SRC'])
    import emoji
    from emoji.unicode_codes import EMOJI_DATA
    singles = sorted(ord(k) for k in EMOJI_DATA if len(k) == 1)
    out, start, prev = [], None, None
    for cp in singles:
        if start is None:
            start = prev = cp
        elif cp == prev + 1:
            prev = cp
        else:
            out.append([start, prev])
            start = prev = cp
    if start is not None:
        out.append([start, prev])
    write('emoji.json', {'source': f'emoji {emoji.__version__} EMOJI_DATA single code points', 'ranges': out})


def build_syllapy():
    import csv
    src = os.environ['SYLLAPY_SRC']
    words = {}
    with open(os.path.join(src, 'syllapy', 'data.csv'), newline='', encoding='utf-8') as f:
        for row in csv.reader(f):
            words[row[0]] = int(row[1])
    write('syllapy.json', {'source': 'syllapy 0.7.2 data.csv', 'words': words})


def build_stopwords():
    src = os.environ['NLTK_DATA_SRC']
    with open(os.path.join(src, 'corpora', 'stopwords', 'english'), encoding='utf-8') as f:
        words = [line.strip() for line in f if line.strip()]
    write('stopwords-english.json', {'source': 'nltk_data corpora/stopwords/english', 'words': words})


def build_tagger():
    src = os.environ['NLTK_DATA_SRC']
    path = os.path.join(src, 'taggers', 'averaged_perceptron_tagger', 'averaged_perceptron_tagger.pickle')
    with open(path, 'rb') as f:
        weights, tagdict, classes = pickle.load(f)
    # Features that can fire on token 0: prev/prev2 are -START-/-START2-, context[i-1] is -START2-
    # and context[i-2] is -START-. Any feature of the word itself or of the next two words can fire.
    fixed = {'bias', 'i-1 tag -START-', 'i-2 tag -START2-', 'i tag+i-2 tag -START- -START2-',
             'i-1 word -START2-', 'i-1 suffix T2-', 'i-2 word -START-'}
    open_prefixes = ('i suffix ', 'i pref1 ', 'i word ', 'i-1 tag+i word -START- ', 'i+1 word ',
                     'i+1 suffix ', 'i+2 word ')
    kept = {feat: w for feat, w in weights.items() if feat in fixed or feat.startswith(open_prefixes)}
    write('pos-tagger.json', {
        'source': 'nltk_data taggers/averaged_perceptron_tagger (2015), pruned to first-token features',
        'classes': sorted(classes),
        'tagdict': tagdict,
        'weights': kept,
    })


if __name__ == '__main__':
    os.makedirs(OUT, exist_ok=True)
    build_unicode()
    build_punkt()
    build_langdetect()
    build_emoji()
    build_syllapy()
    build_stopwords()
    build_tagger()
