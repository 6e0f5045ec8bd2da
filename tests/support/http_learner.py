"""A simulated learner's browser against a live workbench (`tests.support.live_server`), for load tests.

`Client` keeps a cookie jar and the CSRF token, and logs every request with its status and
time; `find_scenario` finds the example scenario's page and usage id on the workbench index;
`decide` makes one random decision; `run_cohort` plays a cohort and a facilitator at once.
"""

import functools
import http.cookiejar
import json
import re
import threading
import time
import urllib.error
import urllib.parse
import urllib.request

from .live_server import handler_request

SCENARIO_TITLE = 'Example: Friday afternoon on the duty desk'
REQUEST_TIMEOUT = 30


class Client:
    """One simulated learner's browser: a cookie jar, the CSRF token, every response timed."""

    def __init__(self, base, student, log):
        self.base = base
        self.student = student
        self.log = log
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()), urllib.request.ProxyHandler({})
        )  # loopback only, whatever the environment says
        self.csrf = ''

    def _url(self, path):
        return f'{self.base}{path}?{urllib.parse.urlencode({"student": self.student})}'

    def _send(self, kind, request):
        started = time.perf_counter()
        status, body, error = None, b'', None
        try:
            with self.opener.open(request, timeout=REQUEST_TIMEOUT) as response:
                status, body = response.status, response.read()
        except urllib.error.HTTPError as failure:
            status, body, error = failure.code, failure.read(), f'HTTP {failure.code}'
        except Exception as failure:
            error = repr(failure)
        self.log.append(
            {
                'student': self.student,
                'kind': kind,
                'status': status,
                'error': error,
                'seconds': time.perf_counter() - started,
                'body': body[:300].decode('utf-8', 'replace') if error else '',
            }
        )
        return status, body

    def page(self, path):
        status, body = self._send('page', urllib.request.Request(self._url(path)))
        return status, body.decode('utf-8', 'replace')

    def open(self, path):
        """Load the page and keep its CSRF cookie for the handler calls: True when both came."""
        status, _page = self.page(path)
        self.csrf = find_cookie(self, 'csrftoken')
        return status == 200 and bool(self.csrf)

    def handler(self, usage_id, name, data):
        request = handler_request(self.base, self._url(f'/handler/{usage_id}/{name}'), self.csrf, data)
        status, body = self._send(name, request)
        if status != 200:
            return None
        try:
            return json.loads(body)
        except ValueError:
            self.log.append(
                {
                    'student': self.student,
                    'kind': name,
                    'status': status,
                    'error': 'not JSON',
                    'seconds': 0,
                    'body': body[:300].decode('utf-8', 'replace'),
                }
            )
            return None


def find_cookie(client, name):
    for handler in client.opener.handlers:
        jar = getattr(handler, 'cookiejar', None)
        if jar is not None:
            for cookie in jar:
                if cookie.name == name:
                    return cookie.value
    return ''


def find_scenario(base, staff):
    """(page path, usage id) of the example scenario (or the first scenario page with one block)."""
    probe = Client(base, staff, [])
    status, index = probe.page('/')
    assert status == 200, 'the workbench index did not load'
    links = re.findall(r'<a href="(/scenario/leadership_scenario\.\d+/)"[^>]*>([^<]+)</a>', index)
    links.sort(key=lambda link: link[1].strip() != SCENARIO_TITLE)
    for path, _title in links:
        status, page = probe.page(path)
        usages = re.findall(r"data-usage='([^']+)' data-block-type='leadership_scenario'", page)
        if status == 200 and len(usages) == 1:
            return path, usages[0]
    raise AssertionError(f'no scenario page with one leadership_scenario block among {links}')


def run_together(play, poll, students, run_timeout, poll_timeout=REQUEST_TIMEOUT):
    """Start a thread per learner, `play(student, seed, start, log, results)`, and the facilitator's,
    `poll(stop, log, seen)`; release them at once and wait up to `run_timeout` seconds.

    Returns (log, results, seen, seconds taken, how many learner threads had not finished).
    """
    log, results, seen = [], {}, []
    start, stop = threading.Event(), threading.Event()
    threads = [
        threading.Thread(target=play, args=(student, seed, start, log, results), daemon=True)
        for student, seed in students
    ]
    poller = threading.Thread(target=poll, args=(stop, log, seen), daemon=True)
    for thread in threads + [poller]:
        thread.start()
    began = time.perf_counter()
    start.set()
    for thread in threads:
        thread.join(timeout=max(1.0, run_timeout - (time.perf_counter() - began)))
    elapsed = time.perf_counter() - began
    stop.set()
    poller.join(timeout=poll_timeout)
    return log, results, seen, elapsed, sum(thread.is_alive() for thread in threads)


def failed(log):
    return [entry for entry in log if entry['error'] or entry['status'] != 200]


def run_cohort(server, path, usage_id, play, poll, students, run_timeout):
    """`run_together` against the live `server`'s scenario page `path` (`play` and `poll` take the base
    URL, path and usage id first); fails, with the server's log, when any request failed.

    Returns (log, results, seen, seconds taken, how many learner threads had not finished).
    """
    out = run_together(
        functools.partial(play, server.url, path, usage_id),
        functools.partial(poll, server.url, path, usage_id),
        students,
        run_timeout,
    )
    failures = failed(out[0])
    assert not failures, f'{len(failures)} of {len(out[0])} requests failed, e.g. {failures[:3]}\n{server.log_tail()}'
    return out


def decide(client, usage_id, step, rng):
    """One decision at `step`: the timeout now and then where it has a time limit, else a random choice."""
    if step.get('time_limit') and rng.random() < 0.15:
        return client.handler(usage_id, 'timeout', {'step': step['id']})
    pick = rng.choice(step['choices'])['id']
    return client.handler(usage_id, 'choose', {'step': step['id'], 'choice': pick})
