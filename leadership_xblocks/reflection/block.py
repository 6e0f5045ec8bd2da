"""The reflection block: fields, views and handlers. The model lives beside it in `model.py`."""

import datetime

from xblock.core import XBlock
from xblock.fields import Dict, Float, Integer, Scope, String
from xblock.validation import ValidationMessage

from .. import compat, events
from ..activity_model import is_int
from ..api import RequestError, api_handler, download_response, error_response, query_params, require_keys
from ..common.activity import ActivityBlockMixin, utc_now
from ..common.activity_studio import ActivityStudioMixin
from ..common.workbench import demo_pages
from ..i18n import gettext_noop as _
from ..olx_io import resolve_pointer
from ..reports import report_rows
from ..sanitize import clean_authored_html, plain_text
from . import form, model, payloads, reports

SETTINGS = ('display_name', 'min_words', 'max_words', 'weight', 'module', 'framework')
EDITOR_SETTINGS = ('display_name', 'weight', 'module', 'framework')  # the word limits are in the editor's OLX
MAX_PROMPT_IN_RECORD = 2000
RECORD_FILENAME = 'my-leadership-reflections'


def reflection_of(fields):
    """The model of a block's (or Studio's submitted) prompt, guidance and word limits."""
    return model.Reflection(
        prompt=fields.prompt, guidance=fields.guidance, min_words=fields.min_words, max_words=fields.max_words
    )


class LeadershipReflectionBlock(ActivityStudioMixin, ActivityBlockMixin):
    """A reflective prompt with a free-text answer: drafts, a final submit, then authored guidance."""

    display_name = String(display_name=_('Display name'), default=_('Reflection'), scope=Scope.settings)
    prompt = String(
        display_name=_('Prompt'),
        default=model.DEFAULT_PROMPT,
        scope=Scope.content,
        multiline_editor='html',
        help=_('The reflective question (HTML).'),
    )
    guidance = String(
        display_name=_('Guidance'),
        default=model.DEFAULT_GUIDANCE,
        scope=Scope.content,
        multiline_editor='html',
        help=_('Shown after the learner submits: what experienced supervisors notice here. Leave empty for none.'),
    )
    min_words = Integer(
        display_name=_('Minimum words'),
        default=0,
        scope=Scope.settings,
        values={'min': 0},
        help=_('0 means no minimum.'),
    )
    max_words = Integer(
        display_name=_('Maximum words'),
        default=0,
        scope=Scope.settings,
        values={'min': 0, 'max': model.HARD_MAX_WORDS},
        help=_('0 means no maximum of your own; no answer may exceed 10,000 words.'),
    )
    weight = Float(
        display_name=_('Weight'),
        default=0.0,
        scope=Scope.settings,
        values={'min': 0},
        help=_('Points for submitting a reflection; 0 means ungraded (completion only).'),
    )
    # answer (ActivityBlockMixin): the learner's text, {text, words, submitted, saved_at, submitted_at}
    journal = Dict(
        default={},
        scope=Scope.preferences,
        help='Every reflection of this learner, keyed by block id (shared by all reflection blocks).',
    )

    editable_fields = SETTINGS + ('prompt', 'guidance')
    olx_settings = SETTINGS
    editor_settings = EDITOR_SETTINGS
    olx_model = model  # the Studio editor's OLX (common/activity_studio.py)
    olx_form = form
    workbench_scenarios = classmethod(lambda cls: demo_pages('reflection_'))
    view_template = 'reflection.html'
    view_js = ('reflection.js',)
    js_init = 'LeadershipReflectionBlock'
    unavailable_message = _('This reflection is not available yet.')

    # model -----------------------------------------------------------------
    @property
    def reflection(self):
        return reflection_of(self)

    parsed_body = reflection

    @property
    def problems(self):
        return model.validate(self.reflection)

    def field_data_problems(self, data):
        return model.validate(reflection_of(data))

    @property
    def has_score(self):
        return bool(self.weight and self.weight > 0)

    def max_score(self):
        return self.weight if self.has_score else None

    def _prompt_lang(self, content=None):
        """The prompt's language: the interface's for the translated default prompt, else the course's."""
        return self.text_language(content)(self.reflection.prompt)

    # views -----------------------------------------------------------------
    def view_context(self, shown):
        content = compat.content_language(self)
        return {
            'CONTENT_LANGUAGE': content,  # render_template would look it up again
            'prompt': shown.prompt,
            'prompt_lang': self._prompt_lang(content),
            'guidance_lang': self.text_language(content)(self.reflection.guidance),
            'min_words': shown.word_minimum,
            'max_words': shown.word_limit,
            'own_max': shown.word_limit < model.HARD_MAX_WORDS,
            'view_url': self.runtime.handler_url(self, 'my_reflections', query='inline=1'),
            'download_url': self.runtime.handler_url(self, 'my_reflections'),
        }

    def student_view_data(self, context=None):
        return payloads.reflection_view_data(self._shown(), self._settings())

    def generate_report_data(self, user_state_iterator, limit_responses=None):
        """Rows for Open edX's Problem Responses report: see `reports.reflection_row`."""
        return report_rows(user_state_iterator, lambda s: reports.reflection_row(s, self._), limit_responses)

    # validation ------------------------------------------------------------
    def clean_studio_edits(self, data):
        for name in ('prompt', 'guidance'):
            if isinstance(data.get(name), str):
                data[name] = clean_authored_html(data[name])

    def validate_field_data(self, validation_result, data):
        if data.weight is None or data.weight < 0:
            validation_result.add(ValidationMessage(ValidationMessage.ERROR, self._('Weight must be 0 or more.')))
        super().validate_field_data(validation_result, data)

    # Studio editor (common/activity_studio.py) --------------------------------
    def editor_body(self):
        return model.to_text(self.reflection)

    def editor_fields(self, content, body):
        """The prompt, the guidance and the word limits; None while a limit is not a whole number (no
        Integer field holds it: the editor shows the model's message instead of the field's)."""
        if content is None or not all(is_int(v) for v in (content.min_words, content.max_words)):
            return None
        fields = {name: getattr(content, name) for name in ('min_words', 'max_words')}
        fields.update({name: clean_authored_html(getattr(content, name)) for name in ('prompt', 'guidance')})
        return fields  # the texts as the save stores them (`clean_studio_edits`)

    # OLX ---------------------------------------------------------------------
    @classmethod
    def parse_xml(cls, node, runtime, keys, *args, **kwargs):
        node = resolve_pointer(node, runtime)
        block = runtime.construct_xblock_from_class(cls, keys)
        cls.read_olx_settings(block, node)
        if node.find('prompt') is not None or node.find('guidance') is not None:
            parsed = model.parse_element(node, sanitize=True)
            block.prompt, block.guidance = parsed.prompt, parsed.guidance
        return block

    def add_xml_to_node(self, node):
        self.write_olx_settings(node)
        if self.fields['prompt'].is_set_on(self) or self.fields['guidance'].is_set_on(self):
            exported = model.to_element(model.Reflection(prompt=self.prompt, guidance=self.guidance))
            node.text = exported.text
            for child in list(exported):
                node.append(child)

    # learner API -------------------------------------------------------------
    def _block_id(self):
        return str(self.scope_ids.usage_id)

    def _user_state(self, answer=None, journal=None):
        return payloads.reflection_user_state(
            self._shown(),
            answer if answer is not None else self.answer,
            journal if journal is not None else self.journal,
            self._block_id(),
        )

    def _read_text(self, data):
        """The submitted text, cleaned, and its word count; nothing is stored yet."""
        self._require_usable()
        if (self.answer or {}).get('submitted'):
            raise RequestError(_('You have already submitted this reflection.'), status=409)
        require_keys(data, 'text')
        return model.clean_answer(data['text'])

    def _store(self, text, words, submitted):
        now = utc_now()
        previous = self.answer or {}
        answer = {
            'text': text,
            'words': words,
            'submitted': submitted,
            'saved_at': now,
            'submitted_at': now if submitted else None,
            'created_at': previous.get('created_at') or now,
        }
        journal = dict(self.journal or {})
        content = compat.content_language(self)
        journal[self._block_id()] = {
            'title': self.display_name,
            'module': self.module,
            'framework': self.framework,
            'prompt': plain_text(self._shown().prompt)[:MAX_PROMPT_IN_RECORD],
            'lang': content,
            'prompt_lang': self._prompt_lang(content),
            'text': text,
            'words': words,
            'submitted': submitted,
            'updated_at': now,
            'submitted_at': answer['submitted_at'],
        }
        self.answer = answer
        self.journal = journal
        # Cohort row for the facilitator dashboard: counts only, never the text.
        self.save_cohort_row(
            {'v': 1, 'words': words, 'submitted': submitted}, completed=bool(submitted or previous.get('submitted'))
        )
        return answer, journal

    def _event(self, name, words):
        reflection = self.reflection
        self.learner_event(name, words=words, min_words=reflection.word_minimum, max_words=reflection.word_limit)

    @XBlock.handler
    @api_handler()
    def save_draft(self, data):
        text, words = self._read_text(data)
        answer, journal = self._store(text, words, submitted=False)
        self._event(events.REFLECTION_DRAFT_SAVED, words)
        return self._user_state(answer, journal)

    @XBlock.handler
    @api_handler()
    def submit(self, data):
        text, words = self._read_text(data)
        model.check_submission(self.reflection, words)
        answer, journal = self._store(text, words, submitted=True)
        self._event(events.REFLECTION_SUBMITTED, words)
        if self.has_score:
            self.runtime.publish(self, 'grade', {'value': self.weight, 'max_value': self.weight})
        self.emit_completion(1.0)
        self.record_cpd(
            {
                'activity': {'template': _('Wrote a reflection of {words} words.'), 'params': {'words': words}},
                'reflection': plain_text(_paragraphs(text)),
                'words': words,
                'prompt': plain_text(self._shown().prompt),
                'prompt_lang': journal[self._block_id()]['prompt_lang'],  # as `_store` just recorded it
            },
            content_language=journal[self._block_id()]['lang'],
        )
        return self._user_state(answer, journal)

    @XBlock.handler
    def my_reflections(self, request, suffix=''):
        """All of this learner's reflections as one printable HTML document (or plain text with
        `?format=txt`); a download unless `?inline=1`. Only ever the requesting learner's own."""
        entries = sorted(
            (dict(entry, block_id=key) for key, entry in (self.journal or {}).items() if isinstance(entry, dict)),
            key=lambda e: (e.get('updated_at') or '', e.get('title') or ''),
        )
        try:
            params = query_params(request)
        except RequestError as error:
            return error_response(self, error)
        as_text = params.get('format') == 'txt'
        body = self.render_template(
            'reflection_record.txt' if as_text else 'reflection_record.html',
            {
                'entries': [
                    dict(
                        e,
                        text_plain=plain_text(_paragraphs(e.get('text', ''))),
                        submitted_at=_datetime(e.get('submitted_at')),
                        updated_at=_datetime(e.get('updated_at')),
                    )
                    for e in entries
                ],
                'generated': _datetime(utc_now()),
            },
        )
        disposition = 'inline' if params.get('inline') else 'attachment'
        return download_response(
            'text/plain' if as_text else 'text/html',
            f'{disposition}; filename="{RECORD_FILENAME}.{"txt" if as_text else "html"}"',
            body=body.encode('utf-8'),
            sandbox=True,
        )


def _paragraphs(html):
    """Keep line breaks of sanitised learner HTML when it becomes plain text (paragraphs and list
    items already end a line when their tags are stripped)."""
    for tag in ('<br>', '</blockquote>'):
        html = html.replace(tag, tag + '\n')
    return html


def _datetime(iso):
    try:
        return datetime.datetime.fromisoformat(iso).astimezone(datetime.UTC).replace(tzinfo=None)
    except (TypeError, ValueError):
        return None
