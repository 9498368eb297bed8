"""`pip install ./clients/python` gives an importable, standard-library-only package."""
import ast
import os
import shutil
import subprocess
import sys
import tempfile
import unittest

from support import CLIENT_DIR

PKG = os.path.join(CLIENT_DIR, "verifiable_rewards")


class PackageTest(unittest.TestCase):
    def test_pip_install_and_import(self):
        with tempfile.TemporaryDirectory() as tmp:
            src = os.path.join(tmp, "src")  # a copy, so the build leaves nothing in the source tree
            shutil.copytree(CLIENT_DIR, src, ignore=shutil.ignore_patterns("tests", "__pycache__", "build", "*.egg-info"))
            target = os.path.join(tmp, "site")
            r = subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "--no-build-isolation", "--no-deps", "--target", target, src],
                               capture_output=True, text=True, timeout=300)
            self.assertEqual(r.returncode, 0, r.stdout + r.stderr)
            code = "import verifiable_rewards.verl, verifiable_rewards.trl, verifiable_rewards.openrlhf as o; print(o.__file__)"
            r = subprocess.run([sys.executable, "-c", code], cwd=tmp, env=dict(os.environ, PYTHONPATH=target), capture_output=True, text=True)
            self.assertEqual(r.returncode, 0, r.stderr)
            self.assertTrue(r.stdout.strip().startswith(target))

    def test_imports_are_standard_library_or_own(self):
        allowed = set(getattr(sys, "stdlib_module_names", ())) | {"verifiable_rewards", "torch"}  # torch: optional, guarded
        if len(allowed) < 10:
            self.skipTest("sys.stdlib_module_names needs Python 3.10+")
        for name in os.listdir(PKG):
            if not name.endswith(".py"):
                continue
            tree = ast.parse(open(os.path.join(PKG, name), encoding="utf-8").read())
            for node in ast.walk(tree):
                mods = [a.name for a in node.names] if isinstance(node, ast.Import) else [node.module] if isinstance(node, ast.ImportFrom) and node.level == 0 else []
                for m in mods:
                    self.assertIn(m.split(".")[0], allowed, "%s imports %s" % (name, m))


if __name__ == "__main__":
    unittest.main()
