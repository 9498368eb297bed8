"""Every Python block of the README's "Python clients" part (between the python-clients markers)
runs as written, in a fresh /usr/bin/python3, against a real `rewards serve`."""
import os
import re
import subprocess
import sys
import unittest

from support import CLIENT_DIR, REPO, RealServer

BLOCK_RE = re.compile(r"```python\n(.*?)```", re.S)


def readme_blocks():
    """The python blocks of README.md between <!-- python-clients:begin --> and :end -->."""
    with open(os.path.join(REPO, "README.md"), encoding="utf-8") as f:
        text = f.read()
    m = re.search(r"<!-- python-clients:begin -->(.*?)<!-- python-clients:end -->", text, re.S)
    if not m:
        raise AssertionError("README.md has no <!-- python-clients:begin --> ... :end --> part")
    return BLOCK_RE.findall(m.group(1))


class ReadmeRecipesTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = RealServer()

    @classmethod
    def tearDownClass(cls):
        cls.server.stop()

    def test_there_are_four_recipes(self):
        blocks = readme_blocks()
        self.assertEqual(len(blocks), 4)
        for name, block in zip(("verl", "openrlhf", "trl", "/verify"), blocks):
            self.assertIn(name, block)

    def test_each_recipe_runs(self):
        env = dict(os.environ, REWARDS_URL=self.server.url, PYTHONPATH=CLIENT_DIR)
        env.pop("REWARDS_VERIFIER", None)
        for i, block in enumerate(readme_blocks()):
            with self.subTest(block=i):
                r = subprocess.run([sys.executable, "-c", block], env=env, capture_output=True, text=True, timeout=120)
                self.assertEqual(r.returncode, 0, "README python block %d failed:\n%s\n--- output ---\n%s%s" % (i, block, r.stdout, r.stderr))


if __name__ == "__main__":
    unittest.main()
