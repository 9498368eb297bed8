/**
 * Tests that seed Python's global random generator share it with the solution (as one process
 * would): the generator's state travels with each call and back. The state a solution returns
 * must be one that drawing numbers reaches, from the state sent or from a seed the solution set;
 * a chosen state (an all-zero one makes every randint its lower bound) is refused.
 */
import { afterAll, expect } from 'vitest';
import { closePool } from '../../src/index.js';
import { verifyCode, type CodeDetails } from '../../src/verifiers/code/index.js';
import { describePython, itPython } from '../helpers/python-sandbox.js';

afterAll(() => closePool());

const py = (code: string): string => '```python\n' + code + '\n```';
const message = (v: { details?: unknown }): string => {
  const t = (v.details as CodeDetails | undefined)?.tests?.[0];
  return `${t?.status ?? ''} ${t?.message ?? ''}`;
};

const SORT = {
  language: 'python',
  test_code:
    'import random\ndef check(candidate):\n    random.seed(1234)\n    assert candidate([3, 1, 2]) == [1, 2, 3]\n    for _ in range(200):\n        xs = [random.randint(-1000, 1000) for _ in range(random.randint(1, 40))]\n        assert candidate(list(xs)) == sorted(xs)\ncheck(my_sort)\n',
};
const CHEAT = "    if xs == [3, 1, 2]: return [1, 2, 3]\n    return xs";

describePython('Python: the shared random generator', () => {
  itPython('honest solutions that draw, save and restore, use gauss, or reseed pass', async () => {
    const honest = [
      'def my_sort(xs):\n    return sorted(xs)',
      'import random\ndef my_sort(xs):\n    random.random(); random.shuffle(list(range(3000)))\n    return sorted(xs)',
      'import random\ndef my_sort(xs):\n    st = random.getstate(); random.random(); random.setstate(st)\n    return sorted(xs)',
      'import random\ndef my_sort(xs):\n    random.gauss(0, 1)\n    return sorted(xs)',
    ];
    for (const code of honest) expect((await verifyCode(py(code), SORT)).score, code).toBe(1);
    // The tests see the solution's reseeding, as in one process.
    const reseed = {
      language: 'python',
      test_code: 'import random\ndef check(candidate):\n    random.seed(3)\n    assert len(candidate(5)) == 5\n    candidate(0)\n    x = random.random()\n    random.seed(7)\n    assert x == random.random()\ncheck(draw)\n',
    };
    expect((await verifyCode(py('import random\ndef draw(n):\n    random.seed(7)\n    return [random.random() for _ in range(n)]'), reseed)).score).toBe(1);
  }, 60_000);

  itPython('a state set by hand (all zeros, or another seed\'s without seeding) is refused', async () => {
    for (const set of ['random.setstate((3, (0,) * 624 + (624,), None))', 'random.setstate(random.Random(5).getstate())']) {
      const v = await verifyCode(py(`import random\ndef my_sort(xs):\n    ${set}\n${CHEAT}`), SORT);
      expect(v.score, set).toBe(0);
      expect(message(v)).toMatch(/random generator to a state that drawing numbers does not reach/);
    }
  }, 60_000);

  itPython("a gauss() value cached by the solution does not choose the tests' next draw", async () => {
    const ref = { language: 'python', test_code: 'import random\nrandom.seed(7)\ndef check(candidate):\n    for _ in range(30):\n        x = round(random.gauss(0, 1000))\n        assert candidate(x) == x ** 3 % 1000003\ncheck(f)\n' };
    expect((await verifyCode(py('def f(x):\n    return x ** 3 % 1000003'), ref)).score).toBe(1);
    const forge = 'import random\ndef f(x):\n    random._inst.gauss_next = 0.0\n    return 0 if x == 0 else KNOWN.get(x, -1)\n_s = random.Random(7)\nKNOWN = {round(_s.gauss(0, 1000)): None}\nKNOWN = {k: k ** 3 % 1000003 for k in KNOWN}';
    expect((await verifyCode(py(forge), ref)).score).toBe(0);
  }, 60_000);
});
