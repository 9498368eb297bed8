"""The trainer functions (verl, TRL, OpenRLHF) against a real `rewards serve` on an ephemeral port,
called with the argument names, types and shapes each trainer uses."""
import asyncio
import importlib.util
import os
import unittest

import support
from support import RealServer, free_port
from verifiable_rewards import RewardsClient, set_default_client
from verifiable_rewards import openrlhf as openrlhf_mod
from verifiable_rewards import trl, verl

SERVER = None


def setUpModule():
    global SERVER
    SERVER = RealServer()  # raises, naming what to build, when rewards serve is not available
    os.environ["REWARDS_URL"] = SERVER.url


def tearDownModule():
    set_default_client(None)
    if SERVER:
        SERVER.stop()


class TrainerCase(unittest.TestCase):
    def setUp(self):
        os.environ["REWARDS_URL"] = SERVER.url
        self._reset_client()
        self.addCleanup(self._reset_client)

    @staticmethod
    def _reset_client():
        """Each test builds the process-wide client from REWARDS_URL afresh (and closes the last one)."""
        old = set_default_client(None)
        if old is not None:
            old.close()


GSM8K_EXTRA = {"split": "train", "index": 0, "answer": "Natalia sold 48/2 = <<48/2=24>>24 clips in May.\n#### 72",
               "question": "Natalia sold clips to 48 of her friends in April, and then she sold half as many clips in May. How many clips did Natalia sell altogether in April and May?"}
IFEVAL_GT = {"prompt": "Write a greeting without commas.", "instruction_id_list": ["punctuation:no_comma"], "kwargs": [{}]}


class VerlTest(TrainerCase):
    def test_compute_score_gsm8k_pass_and_fail(self):
        r = verl.compute_score("openai/gsm8k", "48/2 = 24 in May, so 48 + 24 = 72.\nThe answer is \\boxed{72}.", "72", GSM8K_EXTRA)
        self.assertEqual(r, {"score": 1.0, "pass": True, "reason": "", "extracted": "72"})
        r = verl.compute_score("openai/gsm8k", "So she sold \\boxed{96} clips.", "72", GSM8K_EXTRA)
        self.assertEqual(r["score"], 0.0)
        self.assertFalse(r["pass"])
        self.assertEqual(r["reason"], "not-equivalent")
        self.assertEqual(r["extracted"], "96")

    def test_compute_score_math_equivalence_and_reward_kwargs(self):
        r = verl.compute_score("lighteval/MATH", "Thus the probability is $0.5$.", "\\frac{1}{2}", None)
        self.assertTrue(r["pass"])
        r = verl.compute_score("anything", "\\boxed{3}", "3", {}, verifier="math")  # reward_kwargs: verifier=math
        self.assertTrue(r["pass"])

    def test_compute_score_async(self):
        r = asyncio.run(verl.compute_score_async("HuggingFaceH4/MATH-500", "\\boxed{\\sqrt{4}}", "2", {"index": 3}))
        self.assertEqual(r["score"], 1.0)

    def test_compute_score_batch_mixed_domains_same_keys(self):
        out = verl.compute_score_batch(
            data_sources=["openai/gsm8k", "mcq", "google/IFEval", "lighteval/MATH", "no-such-source"],
            solution_strs=["#### 72 so \\boxed{72}", "The answer is (C).", "Hello there friend", "\\boxed{1/3}", "\\boxed{1}"],
            ground_truths=["72", "C", IFEVAL_GT, "\\frac{1}{2}", "1"],
            extra_infos=[GSM8K_EXTRA, {"index": 1}, {"index": 2}, {"index": 3}, {"index": 4}],
        )
        self.assertEqual([r["pass"] for r in out], [True, True, True, False, False])
        self.assertEqual([r["score"] for r in out], [1.0, 1.0, 1.0, 0.0, 0.0])
        self.assertEqual(out[4]["reason"], "invalid-input")  # no route: an error, not a wrong answer
        self.assertEqual({frozenset(r) for r in out}, {frozenset(["score", "pass", "reason", "extracted"])})
        self.assertEqual(out[1]["extracted"], "C")

    def test_exported_json_text_references(self):
        # `rewards export` writes MCQ/code/IFEval references as the JSON text of the object
        mcq_gt = '{"answer": "B", "letters": "ABCD"}'
        out = verl.compute_score_batch(
            data_sources=["mcq", "mcq", "math"],
            solution_strs=["Answer: B", "Answer: C", "\\boxed{\\{1, 2\\}}"],
            ground_truths=[mcq_gt, mcq_gt, "{1, 2}"],  # a math gold that starts with { stays a string
            extra_infos=[{"index": 0}, {"index": 1}, {"index": 2}],
        )
        self.assertEqual([r["pass"] for r in out], [True, False, True])

    def test_server_down_raises_instead_of_zero(self):
        set_default_client(RewardsClient(urls="http://127.0.0.1:%d" % free_port(), retries=1, backoff_base=0.01))
        self.addCleanup(self._reset_client)
        with self.assertRaisesRegex(Exception, "failed after 2 attempt"):
            verl.compute_score("openai/gsm8k", "\\boxed{72}", "72")


class TrlTest(TrainerCase):
    def test_conversational_completions(self):
        fn = trl.reward_func(verifier="math")
        self.assertEqual(fn.__name__, "rewards_math")
        prompts = [[{"role": "system", "content": "Reason step by step."}, {"role": "user", "content": "What is 6 * 7?"}]] * 2
        completions = [[{"role": "assistant", "content": "6 * 7 = 42, so the answer is \\boxed{42}."}],
                       [{"role": "assistant", "content": [{"type": "text", "text": "I think \\boxed{41}."}]}]]
        out = fn(prompts=prompts, completions=completions, answer=["42", "42"], completion_ids=[[1, 2], [3]], trainer_state=object())
        self.assertEqual(out, [1.0, 0.0])

    def test_plain_completions_preset_routing_and_none_for_errors(self):
        fn = trl.reward_func(preset="mixed", reference_column="solution")
        self.assertEqual(fn.__name__, "rewards_mixed")
        out = fn(prompts=["Q1", "Q2", "Q3"], completions=["\\boxed{5}", "The answer is B", "\\boxed{5}"],
                 solution=["5", "B", "5"], data_source=["math", "mcq", "unknown-set"])
        self.assertEqual(out, [1.0, 1.0, None])  # unjudged sample: None, TRL leaves it out
        self.assertEqual(fn.client.stats["dropped"], 1)

    def test_server_down_gives_none_and_counts(self):
        c = RewardsClient(urls="http://127.0.0.1:%d" % free_port(), retries=1, backoff_base=0.01)
        self.addCleanup(c.close)
        fn = trl.reward_func(verifier="math", client=c)
        with self.assertLogs("verifiable_rewards.trl", "WARNING"):
            out = fn(prompts=["q", "q"], completions=["\\boxed{1}", "\\boxed{2}"], answer=["1", "2"])
        self.assertEqual(out, [None, None])
        self.assertEqual(c.stats["dropped"], 2)
        self.assertEqual(c.stats["failures"], 1)

    def test_missing_reference_column_is_a_setup_error(self):
        fn = trl.reward_func(verifier="math")
        with self.assertRaisesRegex(KeyError, "no column 'answer'.*solution"):
            fn(prompts=["q"], completions=["1"], solution=["1"])


def load_openrlhf_file():
    """Load the reward file by path, as OpenRLHF does with --remote_rm_url /path/to/file.py."""
    spec = importlib.util.spec_from_file_location("reward_func", openrlhf_mod.__file__)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.reward_func


CHATML_PROMPT = "<|im_start|>system\nPut the final answer in \\boxed{}.<|im_end|>\n<|im_start|>user\n%s<|im_end|>\n<|im_start|>assistant\n"


class OpenRLHFTest(TrainerCase):
    def test_queries_with_special_tokens_and_label_objects(self):
        os.environ["REWARDS_VERIFIER"] = "math"  # plain labels are math answers; label objects route themselves
        self.addCleanup(os.environ.pop, "REWARDS_VERIFIER")
        reward_func = load_openrlhf_file()
        prompts = [CHATML_PROMPT % "What is 2+2?", CHATML_PROMPT % "Pick one: (A) cat (B) dog", CHATML_PROMPT % "What is 1/2 + 1/2?",
                   "<|begin_of_text|><|start_header_id|>user<|end_header_id|>\n\nWhat is 3*3?<|eot_id|>"]
        responses = ["2+2 = \\boxed{4}<|im_end|>\n<|endoftext|><|endoftext|>",
                     "I pick option B because dogs bark.<|im_end|>",  # passes mcq, fails math: proves the label routed
                     "\\boxed{2}<|im_end|>", "\\boxed{9}<|eot_id|>"]
        queries = [p + r for p, r in zip(prompts, responses)]
        labels = ["4", '{"data_source": "mcq", "reference": "B"}', "1", {"verifier": "math", "reference": "9"}]
        out = reward_func(queries, prompts, labels)
        self.assertEqual(list(out["rewards"]), [1.0, 1.0, 0.0, 1.0])
        self.assertEqual(list(out["scores"]), [1.0, 1.0, 0.0, 1.0])
        self.assertEqual(list(out["extra_logs"]["pass"]), [1.0, 1.0, 0.0, 1.0])
        self.assertEqual(list(out["extra_logs"]["error"]), [0.0, 0.0, 0.0, 0.0])

    def test_empty_batch_and_error_samples(self):
        reward_func = load_openrlhf_file()
        self.assertEqual(reward_func([], [], [])["rewards"], [])
        out = reward_func(["q\\boxed{1}</s>"], ["q"], ['{"data_source": "nowhere", "reference": "1"}'])
        self.assertEqual(list(out["rewards"]), [0.0])
        self.assertEqual(list(out["extra_logs"]["error"]), [1.0])  # counted as not judged, not as wrong

    def test_response_extraction(self):
        self.assertEqual(openrlhf_mod.response_of("P: hi A: \\boxed{1}<|im_end|>\n<|endoftext|>", "P: hi"), " A: \\boxed{1}")
        self.assertEqual(openrlhf_mod.response_of("no prompt prefix</s>", "other"), "no prompt prefix")


if __name__ == "__main__":
    unittest.main()
