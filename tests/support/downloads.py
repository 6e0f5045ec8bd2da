"""One CSV download, through the block's handler or through the streaming view, with one interface.

    response = download(usage_id, 'staff', 'records', via='view')
    response.status_code, response.content_type, response.charset, response.headers
    response.app_iter   # the body's chunks, read lazily (the view's are a StreamingHttpResponse's)
    response.body, response.json

`via='handler'` calls `download_<kind>` in the workbench runtime (a fresh block, as the LMS
makes one per request); `via='view'` GETs the plugin URL the dashboard links
(`/leadership-xblocks/export/<kind>.csv?block=...&student=...`) through Django's test client,
so the URL resolution, middleware and view run as in a served request.
"""

import json

from webob import Request

from tests.support.blocks import Learner

VIAS = ('handler', 'view')


class Download:
    def __init__(self, status_code, content_type, charset, headers, chunks, streaming):
        self.status_code = status_code
        self.content_type = content_type
        self.charset = charset
        self.headers = headers
        self.app_iter = chunks
        self.streaming = streaming
        self._body = None

    @property
    def body(self):
        if self._body is None:
            self._body = b''.join(self.app_iter)
        return self._body

    @property
    def json(self):
        return json.loads(self.body)


def bulk(block_key, count, course_key='', prefix='l', data=None, **fields):
    """Write `count` scenario rows for a block at once: learners `<prefix>000000`, ..., odd ones completed."""
    from leadership_xblocks.cohort.models import LearnerRecord

    if data is None:
        data = {
            'v': 1,
            'attempt': 1,
            'path': [{'step': 's1', 'choice': 'now', 'mode': 'urgent', 'seconds': 12.5, 'timed_out': False}],
        }
    LearnerRecord.objects.bulk_create(
        (
            LearnerRecord(
                block_key=block_key,
                block_type='leadership_scenario',
                learner=f'{prefix}{i:06d}',
                course_key=course_key,
                completed=bool(i % 2),
                score=(i % 10) / 10,
                data=data,
                **fields,
            )
            for i in range(count)
        ),
        batch_size=1000,
    )


def view_path(kind):
    from django.urls import reverse

    return reverse('leadership_xblocks:export', kwargs={'kind': kind})


def download(usage_id, user, kind, via='handler', **query):
    if via == 'handler':
        block = Learner(usage_id, user).block()
        response = block.runtime.handle(block, f'download_{kind}', Request.blank('/', method='GET'))
        return Download(
            response.status_code, response.content_type, response.charset, response.headers, response.app_iter, False
        )
    from django.test import Client

    response = Client().get(view_path(kind), {'block': str(usage_id), 'student': user, **query})
    content_type, _semicolon, params = response['Content-Type'].partition(';')
    charset = params.split('charset=')[-1].strip() if 'charset=' in params else None
    chunks = response.streaming_content if response.streaming else iter([response.content])
    return Download(response.status_code, content_type.strip(), charset, response.headers, chunks, response.streaming)
