"""verifiable_rewards: Python clients for `rewards serve` (verl, TRL, OpenRLHF), standard library only."""
from verifiable_rewards.client import RewardsClient, default_client, set_default_client
from verifiable_rewards.errors import RewardsError
from verifiable_rewards.verdicts import outcome, reward_of

__all__ = ["RewardsClient", "RewardsError", "default_client", "set_default_client", "outcome", "reward_of"]
__version__ = "0.1.0"
