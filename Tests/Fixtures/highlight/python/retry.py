import time
import logging

log = logging.getLogger(__name__)


def retry(times=3, delay=0.5, exceptions=(ConnectionError,)):
    '''Retry a flaky call with a growing delay.'''
    def decorate(fn):
        def wrapper(*args, **kwargs):
            for attempt in range(1, times + 1):
                try:
                    return fn(*args, **kwargs)
                except exceptions as error:
                    log.warning("attempt %d failed: %s", attempt, error)
                    if attempt == times:
                        raise
                    time.sleep(delay * 2 ** attempt)
        return wrapper
    return decorate
