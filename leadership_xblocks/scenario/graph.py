"""Graph algorithms over a scenario: steps and endings are nodes; choices and timeouts are edges.

All walks are iterative so that a 1,000-step scenario cannot hit Python's recursion limit.
"""

from collections import deque


def edges(scenario, node_id):
    """(target, points) for every way out of a step: its choices (points times the step's
    weight), then its timeout branch."""
    step = scenario.step(node_id)
    if step is None:
        return []
    out = [(c.target, step.credited_points(c)) for c in step.choices]
    if step.timeout:
        out.append((step.timeout, 0.0))
    return [(target, points) for target, points in out if scenario.is_node(target)]


def reachable(scenario, start=None):
    """Every node reachable from `start` (default: the first step)."""
    start = start or scenario.start
    if start is None:
        return set()
    seen = {start}
    queue = deque([start])
    while queue:
        for target, _points in edges(scenario, queue.popleft()):
            if target not in seen:
                seen.add(target)
                queue.append(target)
    return seen


def can_finish(scenario):
    """Every step from which some ending can be reached."""
    incoming = {}
    for step in scenario.steps:
        for target, _points in edges(scenario, step.id):
            incoming.setdefault(target, set()).add(step.id)
    done = {ending.id for ending in scenario.endings}
    queue = deque(done)
    while queue:
        for source in incoming.get(queue.popleft(), ()):
            if source not in done:
                done.add(source)
                queue.append(source)
    return done


def find_cycle(scenario):
    """A list of step ids forming a cycle, or None when the graph is acyclic."""
    WHITE, GREY, BLACK = 0, 1, 2
    colour = {step.id: WHITE for step in scenario.steps}
    for root in colour:
        if colour[root] != WHITE:
            continue
        path = [root]
        colour[root] = GREY
        stack = [iter(edges(scenario, root))]
        while stack:
            advanced = False
            for target, _points in stack[-1]:
                if target not in colour:
                    continue  # an ending
                if colour[target] == GREY:
                    return path[path.index(target) :] + [target]
                if colour[target] == WHITE:
                    colour[target] = GREY
                    path.append(target)
                    stack.append(iter(edges(scenario, target)))
                    advanced = True
                    break
            if not advanced:
                colour[path.pop()] = BLACK
                stack.pop()
    return None


def best_points(scenario):
    """The most points any route from the start to an ending can collect (acyclic graphs only)."""
    return best_points_from(scenario).get(scenario.start)


def best_points_from(scenario):
    """{node: the most points a route from it to an ending can collect} (acyclic graphs only).

    Dynamic programming in reverse topological order, so a greedy walk that takes the
    biggest immediate reward is not mistaken for the best route.
    """
    order = _topological(scenario)
    best = {ending.id: 0.0 for ending in scenario.endings}
    for node in reversed(order):
        options = [points + best[target] for target, points in edges(scenario, node) if target in best]
        if options:
            best[node] = max(options)
    return best


def _topological(scenario):
    indegree = {step.id: 0 for step in scenario.steps}
    for step in scenario.steps:
        for target, _points in edges(scenario, step.id):
            if target in indegree:
                indegree[target] += 1
    queue = deque(node for node, degree in indegree.items() if degree == 0)
    order = []
    while queue:
        node = queue.popleft()
        order.append(node)
        for target, _points in edges(scenario, node):
            if target in indegree:
                indegree[target] -= 1
                if indegree[target] == 0:
                    queue.append(target)
    return order


def story_order(scenario):
    """The steps in the order learners meet them: each after every step that leads to it
    (choices before the timeout branch, then file order among equals); steps on a cycle or
    unreachable follow in file order. Facilitator views list steps this way, not as authored."""
    ids = [step.id for step in scenario.steps]
    reach = reachable(scenario)
    indegree = dict.fromkeys(ids, 0)
    for node in ids:
        if node in reach:
            for target, _points in edges(scenario, node):
                if target in indegree:
                    indegree[target] += 1
    order, queue = [], deque(node for node in ids if node == scenario.start)
    while queue:
        node = queue.popleft()
        order.append(node)
        for target, _points in edges(scenario, node):
            if target in indegree and target not in order and target not in queue:
                indegree[target] -= 1
                if indegree[target] == 0:
                    queue.append(target)
    placed = set(order)
    return [scenario.step(node) for node in order] + [s for s in scenario.steps if s.id not in placed]
