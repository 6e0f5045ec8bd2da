"""The facilitator dashboard payloads every block shares (staff only): counts and means, never
learner ids. Figures come from `cohort.aggregates`; these builders add titles and labels."""


def dashboard_common(block_type, display_name, totals, minimum):
    return {
        'block_type': block_type,
        'display_name': display_name,
        'minimum': minimum,
        'learners': {'started': totals['learners'], 'completed': totals['completed']},
        'scores': totals['scores'],
    }


def generic_dashboard(block_type, display_name, totals, minimum, means_labels=None):
    """The facilitator dashboard of any other block: started, completed, scores, and the means
    of numeric answers. `means_labels`: {data key: (title, {sub key: label})}."""
    data = dashboard_common(block_type, display_name, totals, minimum)
    means = []
    for key, summary in totals['means'].items():
        title, labels = (means_labels or {}).get(key, (key, {}))
        order = list(labels) + sorted(k for k in summary['means'] if k not in labels)
        means.append(
            {
                'key': key,
                'title': title,
                'n': summary['n'],
                'rows': [{'id': k, 'label': labels.get(k, k), 'mean': summary['means'].get(k)} for k in order],
            }
        )
    data.update(kind='generic', means=means)
    return data
