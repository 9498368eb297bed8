"""RewardsClient against a scripted fake server: batching and order, spreading over URLs, retries on
429 (honouring Retry-After), 5xx, dropped connections and a dead URL; clear give-up errors."""
import asyncio
import time
import unittest

import support  # noqa: F401  (puts the package on sys.path)
from fake_server import FakeServer
from support import free_port
from verifiable_rewards import RewardsClient, RewardsError
from verifiable_rewards.retry import backoff_delay, parse_retry_after


def items(n):
    """n items, every third one correct."""
    return [{"id": i, "response": str(i) if i % 3 == 0 else "x", "reference": str(i)} for i in range(n)]


class ClientCase(unittest.TestCase):
    def client(self, **kwargs):
        """A client closed when the test ends."""
        c = RewardsClient(**kwargs)
        self.addCleanup(c.close)
        return c


class BatchingTest(ClientCase):
    def test_big_request_is_batched_and_keeps_order(self):
        with FakeServer() as srv:
            c = self.client(urls=srv.url, batch_size=7, retries=0)
            out = c.score(items(50))
        self.assertEqual(len(srv.requests), 8)  # ceil(50 / 7)
        self.assertTrue(all(len(r["body"]["items"]) <= 7 for r in srv.requests))
        self.assertEqual([v["pass"] for v in out], [i % 3 == 0 for i in range(50)])
        self.assertEqual(c.stats["items"], 50)

    def test_spreads_batches_over_urls(self):
        with FakeServer() as a, FakeServer() as b:
            c = self.client(urls="%s,%s" % (a.url, b.url), batch_size=5, retries=0)
            out = c.score(items(40))
        self.assertEqual(len(out), 40)
        self.assertEqual(len(a.requests) + len(b.requests), 8)
        self.assertGreaterEqual(min(len(a.requests), len(b.requests)), 3)

    def test_empty_input_sends_nothing(self):
        with FakeServer() as srv:
            self.assertEqual(self.client(urls=srv.url).score([]), [])
        self.assertEqual(srv.requests, [])

    def test_request_fields_and_token(self):
        with FakeServer() as srv:
            self.client(urls=srv.url + "/v1/score/", token="s3cret", preset="mixed").score(items(1), verifier="math")
        req = srv.requests[0]
        self.assertEqual(req["path"], "/v1/score")
        self.assertEqual(req["headers"]["Authorization"], "Bearer s3cret")
        self.assertEqual(req["body"]["verifier"], "math")
        self.assertNotIn("preset", req["body"])  # an explicit verifier beats the default preset

    def test_explicit_preset_and_verifier_are_both_sent(self):
        with FakeServer() as srv:
            self.client(urls=srv.url).score(items(1), verifier="math", preset="mixed")
        self.assertEqual((srv.requests[0]["body"]["preset"], srv.requests[0]["body"]["verifier"]), ("mixed", "math"))

    def test_openrlhf_routes_by_preset_then_falls_back_to_verifier(self):
        import os
        from verifiable_rewards import openrlhf, set_default_client
        with FakeServer() as srv:
            set_default_client(self.client(urls=srv.url))
            self.addCleanup(set_default_client, None)
            os.environ["REWARDS_VERIFIER"] = "math"
            self.addCleanup(os.environ.pop, "REWARDS_VERIFIER")
            openrlhf.reward_func(["p 1</s>"], ["p"], ['{"data_source": "mcq", "ground_truth": "B"}'])
        body = srv.requests[0]["body"]
        self.assertEqual((body["preset"], body["verifier"]), ("mixed", "math"))
        self.assertEqual(body["items"], [{"data_source": "mcq", "ground_truth": "B", "reference": "B", "response": " 1"}])

    def test_urls_from_environment(self):
        import os
        with FakeServer() as srv:
            os.environ["REWARDS_URL"] = " %s , " % srv.url
            try:
                c = self.client()
            finally:
                del os.environ["REWARDS_URL"]
            self.assertEqual(c.urls, [srv.url])

    def test_no_url_is_a_setup_error(self):
        import os
        saved = os.environ.pop("REWARDS_URL", None)
        try:
            with self.assertRaisesRegex(ValueError, "REWARDS_URL"):
                RewardsClient()
        finally:
            if saved is not None:
                os.environ["REWARDS_URL"] = saved


class RetryTest(ClientCase):
    def test_429_waits_at_least_retry_after(self):
        with FakeServer([("status", 429, {"Retry-After": "1"})]) as srv:
            c = self.client(urls=srv.url, retries=3, backoff_base=0.01)
            out = c.score(items(3))
        self.assertEqual(len(out), 3)
        self.assertEqual(len(srv.requests), 2)
        self.assertGreaterEqual(srv.requests[1]["t"] - srv.requests[0]["t"], 0.95)
        self.assertEqual(c.stats["retries"], 1)

    def test_5xx_then_success(self):
        with FakeServer([("status", 503), ("status", 500)]) as srv:
            c = self.client(urls=srv.url, retries=3, backoff_base=0.01)
            self.assertEqual([v["pass"] for v in c.score(items(4))], [True, False, False, True])
        self.assertEqual(len(srv.requests), 3)

    def test_dropped_connection_is_retried(self):
        with FakeServer([("drop",)]) as srv:
            c = self.client(urls=srv.url, retries=2, backoff_base=0.01)
            self.assertEqual(len(c.score(items(2))), 2)

    def test_gives_up_naming_url_and_last_error(self):
        with FakeServer([("status", 502)] * 10) as srv:
            c = self.client(urls=srv.url, retries=2, backoff_base=0.01)
            with self.assertRaises(RewardsError) as cm:
                c.score(items(2))
        msg = str(cm.exception)
        self.assertIn(srv.url, msg)
        self.assertIn("HTTP 502", msg)
        self.assertIn("3 attempt", msg)
        self.assertEqual(cm.exception.attempts, 3)
        self.assertEqual(c.stats["failures"], 1)

    def test_4xx_is_not_retried(self):
        with FakeServer([("status", 400)]) as srv:
            c = self.client(urls=srv.url, retries=5, backoff_base=0.01)
            with self.assertRaisesRegex(RewardsError, "rejected the request.*HTTP 400: fault 400"):
                c.score(items(1))
        self.assertEqual(len(srv.requests), 1)

    def test_two_urls_one_dead(self):
        dead = "http://127.0.0.1:%d" % free_port()
        with FakeServer() as live:
            c = self.client(urls=[dead, live.url], batch_size=4, retries=3, backoff_base=0.01)
            out = c.score(items(40))
        self.assertEqual([v["pass"] for v in out], [i % 3 == 0 for i in range(40)])
        self.assertEqual(sum(len(r["body"]["items"]) for r in live.requests), 40)  # nothing lost or duplicated
        self.assertGreater(c.stats["retries"], 0)

    def test_all_dead_raises_connection_error(self):
        dead = "http://127.0.0.1:%d" % free_port()
        c = self.client(urls=dead, retries=1, backoff_base=0.01)
        with self.assertRaisesRegex(RewardsError, "%s/v1/score failed after 2 attempt.*Connection" % dead):
            c.score(items(1))

    def test_wrong_verdict_count_is_not_accepted(self):
        with FakeServer() as srv:
            c = self.client(urls=srv.url, retries=0)
            c._check({"verdicts": [{}]}, 1, srv.url)
            with self.assertRaisesRegex(Exception, "answered 1 verdicts for 2 items"):
                c._check({"verdicts": [{}]}, 2, srv.url)


class AsyncTest(ClientCase):
    def test_ascore_batches_retries_and_keeps_order(self):
        with FakeServer([("status", 429, {"Retry-After": "0.3"}), ("status", 503)]) as srv:
            c = self.client(urls=srv.url, batch_size=6, retries=3, backoff_base=0.01)
            out = asyncio.run(c.ascore(items(30)))
        self.assertEqual([v["pass"] for v in out], [i % 3 == 0 for i in range(30)])
        self.assertEqual(sum(len(r["body"]["items"]) for r in srv.requests), 30 + 12)  # two faulted batches resent

    def test_ascore_gives_up_clearly(self):
        dead = "http://127.0.0.1:%d" % free_port()
        c = self.client(urls=dead, retries=1, backoff_base=0.01)
        with self.assertRaisesRegex(RewardsError, dead):
            asyncio.run(c.ascore(items(1)))


class PolicyTest(unittest.TestCase):
    def test_retry_after_forms(self):
        self.assertEqual(parse_retry_after("2"), 2.0)
        self.assertIsNone(parse_retry_after("soon"))
        self.assertAlmostEqual(parse_retry_after("Wed, 21 Oct 2015 07:28:10 GMT", now=1445412480.0), 10.0)

    def test_backoff_is_jittered_capped_and_respects_retry_after(self):
        for attempt in range(1, 12):
            d = backoff_delay(attempt, base=0.2, cap=5.0)
            self.assertTrue(0 <= d <= 5.0)
        self.assertGreaterEqual(backoff_delay(1, base=0.2, retry_after=3), 3)
        self.assertEqual(backoff_delay(1, retry_after=1e9, max_retry_after=7, rng=lambda: 0), 7)


if __name__ == "__main__":
    unittest.main()
