"""Times the Python reference IFEval checkers in-process on the GPT-4 corpus (used by
bench/ifeval.bench.ts). Not part of the package.

Needs the reference on PYTHONPATH (a package `instruction_following_eval` with `instructions_registry`)
and its dependencies (nltk with punkt, langdetect, absl-py, immutabledict). Prints one JSON line:
per-response milliseconds for strict and loose passes (best of the passes, after a warm-up pass)
and per-call milliseconds of language checks (median and mean).
Usage: python3 ifeval_ref_timer.py <corpus dir> <passes>
"""
import json
import statistics
import sys
import time

from langdetect import DetectorFactory
from instruction_following_eval import instructions_registry

DetectorFactory.seed = 0
corpus, passes = sys.argv[1], int(sys.argv[2])
inputs = [json.loads(l) for l in open(corpus + '/input_data.jsonl')]
responses = [json.loads(l)['response'] for l in open(corpus + '/input_response_data_gpt4_20231107_145030.jsonl')]


def build(inp, index):
    iid = inp['instruction_id_list'][index]
    ins = instructions_registry.INSTRUCTION_DICT[iid](iid)
    ins.build_description(**inp['kwargs'][index])
    args = ins.get_instruction_args()
    if args and 'prompt' in args:
        ins.build_description(prompt=inp['prompt'])
    return ins


def strict(inp, response):
    return [bool(response.strip() and build(inp, i).check_following(response)) for i in range(len(inp['instruction_id_list']))]


def loose(inp, response):
    r = response.split('\n')
    first, last, both = '\n'.join(r[1:]).strip(), '\n'.join(r[:-1]).strip(), '\n'.join(r[1:-1]).strip()
    variants = [response, response.replace('*', ''), first, last, both, first.replace('*', ''), last.replace('*', ''), both.replace('*', '')]
    out = []
    for i in range(len(inp['instruction_id_list'])):
        ins = build(inp, i)
        out.append(any(v.strip() and ins.check_following(v) for v in variants))
    return out


def timed(fn):
    for inp, resp in zip(inputs, responses):  # warm-up (loads punkt, profiles)
        fn(inp, resp)
    runs = []
    for _ in range(passes):
        t0 = time.perf_counter()
        for inp, resp in zip(inputs, responses):
            fn(inp, resp)
        runs.append((time.perf_counter() - t0) * 1000 / len(inputs))
    return min(runs)


LANG = ('language:response_language', 'change_case:english_capital', 'change_case:english_lowercase')
lang_calls = []
for _ in range(passes):
    for inp, resp in zip(inputs, responses):
        for i, iid in enumerate(inp['instruction_id_list']):
            if iid in LANG:
                ins = build(inp, i)
                t0 = time.perf_counter()
                ins.check_following(resp)
                lang_calls.append((time.perf_counter() - t0) * 1000)

print(json.dumps({
    'strict_ms': timed(strict),
    'loose_ms': timed(loose),
    'lang_ms_median': statistics.median(lang_calls),
    'lang_ms_mean': statistics.fmean(lang_calls),
    'lang_calls': len(lang_calls) // passes,
}))
