"""Reference ratios from CPython's difflib: JSON lines {"a", "b", "autojunk"?, "lines"?} on stdin,
one JSON number per line on stdout. With "lines": true, a and b are lists of strings."""
import difflib
import json
import sys

for raw in sys.stdin:
    case = json.loads(raw)
    m = difflib.SequenceMatcher(None, case["a"], case["b"], autojunk=case.get("autojunk", True))
    sys.stdout.write(json.dumps(m.ratio()) + "\n")
