"""Drive real blocks in the xblock-sdk workbench runtime, one fresh block instance per request.

A new runtime and block instance for every call proves the blocks keep nothing in
memory between requests: everything a learner did must come back from the database.
"""

import itertools
import json
import logging

from webob import Request

_SLUGS = itertools.count()


class Learner:
    def __init__(self, usage_id, user_id):
        self.usage_id = usage_id
        self.user_id = user_id

    def block(self):
        from workbench.runtime import WorkbenchRuntime

        runtime = WorkbenchRuntime(self.user_id)
        return runtime.get_block(self.usage_id)

    def call(self, handler, data=None, method='POST', body=None):
        """(status, parsed JSON or raw body) of one handler request."""
        block = self.block()
        if body is None:
            body = b'' if data is None else json.dumps(data).encode('utf-8')
        request = Request.blank('/', method=method, body=body, content_type='application/json')
        response = block.runtime.handle(block, handler, request)
        try:
            return response.status_code, json.loads(response.body)
        except ValueError:
            return response.status_code, response.body

    def ok(self, handler, data=None, method='POST'):
        status, payload = self.call(handler, data, method)
        assert status == 200, (status, payload)
        return payload

    def render(self, view='student_view'):
        block = self.block()
        return block.runtime.render(block, view)


def studio_save(block, values):
    """The response of Studio's editor saving `values` on `block` (xblock.utils' `submit_studio_edits`)."""
    body = json.dumps({'values': values, 'defaults': []}).encode('utf-8')
    request = Request.blank('/', method='POST', content_type='application/json', body=body)
    return block.runtime.handle(block, 'submit_studio_edits', request)


def load(xml):
    """Parse OLX into the workbench store; returns the usage id."""
    from workbench.runtime import WorkbenchRuntime

    runtime = WorkbenchRuntime('author')
    runtime.id_generator.set_scenario(f'test-{next(_SLUGS)}')
    return runtime.parse_xml_string(xml)


class EventLog(logging.Handler):
    """Collects what the workbench runtime publishes (it logs `XBlock event <name>` then the payload)."""

    def __init__(self):
        super().__init__(level=logging.INFO)
        self.events = []
        self._pending = None

    def emit(self, record):
        if record.msg == 'XBlock event %s for %s (usage_id=%s):':
            self._pending = record.args[0]
        elif self._pending is not None and isinstance(record.msg, dict):
            self.events.append((self._pending, record.msg))
            self._pending = None

    def named(self, name):
        return [payload for event, payload in self.events if event == name]
