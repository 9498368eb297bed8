"""Exceptions the clients raise. Infrastructure failures are never turned into silent zeros."""


class RewardsError(Exception):
    """The reward server could not be reached or kept failing: names the URL and the last error."""

    def __init__(self, message, url=None, last_error=None, attempts=0):
        super().__init__(message)
        self.url = url
        self.last_error = last_error
        self.attempts = attempts


class RetryableError(Exception):
    """One attempt failed in a way worth retrying (connection error, 5xx, 429)."""

    def __init__(self, message, retry_after=None):
        super().__init__(message)
        self.retry_after = retry_after


class RequestError(Exception):
    """The server rejected the request itself (4xx other than 429): a set-up mistake, not retried."""

    def __init__(self, message, status=None):
        super().__init__(message)
        self.status = status
